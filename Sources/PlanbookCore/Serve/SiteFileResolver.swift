import Foundation

/// Maps a request path to a file inside the served folder, and refuses every path that would leave it.
///
/// Refused: `..` segments, encoded slashes or backslashes (`%2F`, `%5C`), NUL bytes, and any path whose real location
/// (after resolving symbolic links) is outside the folder. A folder path serves its `index.html`.
public struct SiteFileResolver: Sendable {
    /// The served folder, resolved.
    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL.resolvingSymlinksInPath() }

    /// Why a path was not served.
    public enum Refusal: Error, Equatable, Sendable {
        /// The path tries to leave the folder (400).
        case outside
        /// Nothing is there (404).
        case notFound
    }

    /// The file for the percent-encoded request path `rawPath` (e.g. `/large-ep/dag%20full.svg`).
    public func file(forRawPath rawPath: String) -> Result<URL, Refusal> {
        let lowered = rawPath.lowercased()
        if lowered.contains("%2f") || lowered.contains("%5c") || lowered.contains("%00") || rawPath.contains("\\") {
            return .failure(.outside)
        }
        guard let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0") else { return .failure(.outside) }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .failure(.outside) }
        var url = segments.reduce(root) { $0.appendingPathComponent(String($1)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        let real = url.resolvingSymlinksInPath().standardizedFileURL
        guard real.path == root.path || real.path.hasPrefix(root.path + "/") else { return .failure(.outside) }
        guard FileManager.default.fileExists(atPath: real.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .failure(.notFound)
        }
        return .success(real)
    }

    /// The content type for a file, by its extension.
    public static func contentType(of url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "dot", "txt", "md": "text/plain; charset=utf-8"
        case "png": "image/png"
        case "js": "text/javascript; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
