import Crypto
import Foundation

/// KaTeX, run by Node.js at build time: LaTeX formulas become HTML (with MathML beside it for screen readers), so that
/// pages show math without any script. Every formula of a build goes to one Node process; its stylesheet and fonts
/// go to `site/assets/katex/`.
///
/// Found as Debian's `libjs-katex` (`/usr/share/javascript/katex`) or in the folder `$PLANBOOK_KATEX` names, and Node
/// as `node` or `nodejs` on PATH (`$PLANBOOK_NODE` to name it).
public struct KaTeX: Sendable {
    /// Node.js, as found on PATH or named.
    public let node: String
    /// The folder holding `katex.min.js`, `katex.min.css` and `fonts/`.
    public let folder: URL
    /// A hash of `katex.min.js`: what the rendered formulas are cached by, beside the formula.
    public let identity: String

    /// Where Debian's `libjs-katex` puts KaTeX.
    public static let debianFolder = URL(fileURLWithPath: "/usr/share/javascript/katex")

    /// Why KaTeX cannot render: what to install.
    public static let missing =
        "LaTeX math is rendered at build time by KaTeX under Node.js: install Debian's "
        + "`nodejs` and `libjs-katex` (make deps does), or set PLANBOOK_KATEX to KaTeX's folder and PLANBOOK_NODE "
        + "to node"

    /// KaTeX and Node on this machine, or nil when either is missing.
    public static func located(environment: [String: String] = ProcessInfo.processInfo.environment) -> KaTeX? {
        let folder = environment["PLANBOOK_KATEX"].map { URL(fileURLWithPath: $0) } ?? debianFolder
        guard let script = FileManager.default.contents(atPath: folder.appendingPathComponent("katex.min.js").path),
            let node = environment["PLANBOOK_NODE"] ?? Self.onPath(["node", "nodejs"], environment: environment)
        else { return nil }
        let identity = SHA256.hash(data: script).map { String(format: "%02x", $0) }.joined()
        return KaTeX(node: node, folder: folder, identity: identity)
    }

    /// The first of `names` that is an executable file in a folder of `$PATH`.
    private static func onPath(_ names: [String], environment: [String: String]) -> String? {
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// One formula to render.
    public struct Formula: Sendable, Hashable, Codable {
        public var tex: String
        public var display: Bool
    }

    /// What KaTeX made of one formula: its HTML, or its error message and, when it gives one, the offset (in UTF-16
    /// units of the TeX) where it stopped.
    public enum Rendered: Sendable, Equatable {
        case html(String)
        case error(String, offset: Int?)
    }

    /// Renders `formulas` in one Node process, writing their list into `scratch` (a folder) for it to read.
    public func render(_ formulas: [Formula], scratch: URL) throws -> [Rendered] {
        guard !formulas.isEmpty else { return [] }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // A name of this call's own: a study's scenario copies render their math at once, into one scratch folder.
        let input = scratch.appendingPathComponent(
            "formulas-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).json")
        try JSONEncoder().encode(formulas).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let output = try ChildProcess.run(
            node, ["-e", Self.script, folder.appendingPathComponent("katex.min.js").path, input.path],
            timeout: .seconds(120))
        guard output.termination == .exited(0) else {
            throw KaTeXFailure(message: "Node.js failed to run KaTeX: \(output.errorText.prefix(400))")
        }
        struct Result: Decodable {
            var html: String?
            var error: String?
            var position: Int?
        }
        let results = try JSONDecoder().decode([Result].self, from: Data(output.standardOutput))
        guard results.count == formulas.count else {
            throw KaTeXFailure(message: "KaTeX returned \(results.count) formulas for \(formulas.count)")
        }
        return results.map { result in
            result.html.map(Rendered.html) ?? .error(result.error ?? "KaTeX gave no HTML", offset: result.position)
        }
    }

    /// The program Node runs: every formula of the file `argv[3]` through the KaTeX at `argv[2]`, as JSON on
    /// standard output. `throwOnError` makes a bad formula an error with its position, never red text on the page.
    static let script = """
        const fs = require('fs');
        const katex = require(process.argv[1]);
        const formulas = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
        process.stdout.write(JSON.stringify(formulas.map(f => {
          try {
            return {html: katex.renderToString(f.tex, {displayMode: f.display, throwOnError: true,
                                                       output: 'htmlAndMathml', strict: 'ignore'})};
          } catch (e) {
            return {error: String(e.message || e), position: typeof e.position === 'number' ? e.position : null};
          }
        })));
        """

    /// KaTeX's stylesheet and the WOFF2 fonts it names: what `site/assets/katex/` holds. The stylesheet names only
    /// the WOFF2 files, which every browser that reads the site can use.
    public func assets() throws -> MathAssets {
        let css = try String(contentsOf: folder.appendingPathComponent("katex.min.css"), encoding: .utf8)
        let fontFolder = folder.appendingPathComponent("fonts")
        let names = try FileManager.default.contentsOfDirectory(atPath: fontFolder.path)
            .filter { $0.hasSuffix(".woff2") }.sorted()
        let fonts = try names.map { ($0, try Data(contentsOf: fontFolder.appendingPathComponent($0))) }
        return MathAssets(stylesheet: MathAssets.woff2Only(css), fonts: fonts)
    }
}

/// Node.js could not run KaTeX at all.
struct KaTeXFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// KaTeX's stylesheet and fonts, for the pages that show math: as files beside the site's stylesheet, or inlined in
/// one (the fonts as `data:` URLs) for pages that must stand alone.
public struct MathAssets: Sendable {
    /// The stylesheet, naming `fonts/NAME.woff2`.
    public var stylesheet: String
    /// The fonts, by file name.
    public var fonts: [(name: String, contents: Data)]

    /// The files of `assets/katex/`.
    public var files: [(path: String, contents: Data)] {
        [("assets/katex/katex.min.css", Data(stylesheet.utf8))]
            + fonts.map { ("assets/katex/fonts/\($0.name)", $0.contents) }
    }

    /// The stylesheet with every font inlined.
    public var inlined: String {
        fonts.reduce(stylesheet) { css, font in
            css.replacingOccurrences(
                of: "url(fonts/\(font.name))",
                with: "url(data:font/woff2;base64,\(font.contents.base64EncodedString()))")
        }
    }

    /// `css` with each `src:` list cut to its WOFF2 source: `src:url(fonts/X.woff2) format('woff2'),url(…woff)…;`
    /// becomes `src:url(fonts/X.woff2) format('woff2');`.
    static func woff2Only(_ css: String) -> String {
        var result = ""
        var rest = css[...]
        while let source = rest.firstRange(of: "format('woff2')") {
            result += rest[..<source.upperBound]
            rest = rest[source.upperBound...]
            if let end = rest.firstIndex(where: { $0 == ";" || $0 == "}" }) { rest = rest[end...] }
        }
        return result + rest
    }
}
