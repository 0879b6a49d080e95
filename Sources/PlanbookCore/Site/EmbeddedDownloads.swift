import Foundation

/// Turns a page's links to its downloads (`page/NAME.svg`, `.dot`, `.csv`, `.json`) into `data:` links that carry the
/// file itself, so that the page needs no other file (`planbook build --self-contained`, `planbook bundle`).
public enum EmbeddedDownloads {
    /// `html` with every `href="PATH"` of a download replaced by its `data:` URL and a `download` file name.
    public static func embed(_ html: String, downloads: [(path: String, contents: String)]) -> String {
        var result = html
        for download in downloads {
            let fileName = download.path.split(separator: "/").last.map(String.init) ?? download.path
            let url = "data:\(mimeType(of: fileName));base64,\(Data(download.contents.utf8).base64EncodedString())"
            result = result.replacingBytes("href=\"\(HTML.escape(SitePath.href(download.path)))\"", with: "href=\"\(url)\" download=\"\(fileName)\"")
        }
        return result
    }

    /// The media type of a download, by its extension.
    static func mimeType(of fileName: String) -> String {
        switch fileName.split(separator: ".").last {
        case "svg": "image/svg+xml"
        case "csv": "text/csv;charset=utf-8"
        case "json": "application/json"
        case "dot": "text/vnd.graphviz;charset=utf-8"
        default: "text/plain;charset=utf-8"
        }
    }
}
