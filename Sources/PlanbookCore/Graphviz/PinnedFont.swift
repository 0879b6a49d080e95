import Foundation

/// The one font Graphviz measures text with: DejaVu Sans from Debian's `fonts-dejavu-core` (with its Mono and Serif
/// faces, for DOT that asks for a monospace or serif font), and nothing else.
///
/// Graphviz sizes every node from the width of its text, so a drawing's bytes depend on the font it measures with.
/// Before the first layout Planbook restricts fontconfig to these files (see `Fontconfig`): installing or removing
/// any other font — system-wide, in the user's folders, or beside these files — changes no byte of a drawing. Names
/// that are not DejaVu resolve to it (`Helvetica`, `sans-serif` → DejaVu Sans; `Times`, `serif` → DejaVu Serif;
/// `Courier`, `monospace` → DejaVu Sans Mono).
public struct PinnedFont: Sendable {
    /// The family every drawing is measured in.
    public static let family = "DejaVu Sans"
    /// The `fontname` that PlanKit's DOT and, by default, `dot` blocks use: the pinned family first, then fallbacks
    /// for a browser that lacks it (Graphviz writes it as the SVG text's `font-family`).
    public static let fontname = "DejaVu Sans,Verdana,sans-serif"
    /// The Debian package that holds the files (`make` installs it).
    public static let package = "fonts-dejavu-core"
    /// The files, looked for by name; the first is required, the others are used when present.
    static let fileNames = [
        "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf",
        "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
    ]
    /// Where distributions install them: Debian and Ubuntu, Fedora, Arch. `$PLANBOOK_FONTS` (folders separated by
    /// `:`) is searched instead when set.
    static let defaultFolders = [
        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu-sans-fonts",
        "/usr/share/fonts/dejavu-sans-mono-fonts",
        "/usr/share/fonts/dejavu-serif-fonts", "/usr/share/fonts/TTF",
    ]
    /// Other names, and the family each resolves to.
    static let aliases: [(family: String, names: [String])] = [
        ("DejaVu Sans", ["sans-serif", "sans", "Helvetica", "Arial", "Verdana", "system-ui"]),
        ("DejaVu Serif", ["serif", "Times", "Times New Roman", "Times-Roman"]),
        ("DejaVu Sans Mono", ["monospace", "mono", "Courier", "Courier New"]),
    ]

    /// The font files in use, by path.
    public let files: [String]
    /// The pinned family's version, as the font states it ("2.37").
    public let version: String
    /// SHA-256 of the files' bytes: part of the key of every cached drawing.
    public let identity: String
    /// The advance of the widest glyph of any of the files, in ems (each file's `hhea.advanceWidthMax` over its
    /// `head.unitsPerEm`), nil when some file's tables cannot be read: no line of text is wider than this per
    /// character, whatever the font name picks among the files.
    public let widestAdvance: Double?

    /// "DejaVu Sans 2.37", as the provenance names it.
    public var description: String { "\(Self.family) \(version)" }

    /// The font as pinned for this process, or the problem that kept it from being pinned. Pinning happens once,
    /// the first time this is read; Graphviz reads it before it makes its context.
    public static let pinned: Result<PinnedFont, GraphvizError> = Result { () throws(GraphvizError) in try pin() }

    private static func pin() throws(GraphvizError) -> PinnedFont {
        let environment = ProcessInfo.processInfo.environment["PLANBOOK_FONTS"] ?? ""
        let folders = environment.isEmpty ? defaultFolders : environment.split(separator: ":").map(String.init)
        let files = fileNames.compactMap { name in
            folders.lazy.map { "\($0)/\(name)" }.first { FileManager.default.isReadableFile(atPath: $0) }
        }
        guard let first = files.first, first.hasSuffix("/\(fileNames[0])") else {
            throw GraphvizError(
                message: "the font drawings are measured in, \(family) (\(fileNames[0])), was not "
                    + "found in \(folders.joined(separator: ", ")); install \(package) (`make` does), or set "
                    + "PLANBOOK_FONTS to the folder that holds it")
        }
        let refused = Fontconfig.restrict(to: files, aliases: aliases)
        guard refused.isEmpty, let match = Fontconfig.match(family), match.file == first else {
            throw GraphvizError(
                message: "fontconfig could not read the font \(refused.first ?? first); "
                    + "reinstall \(package), or set PLANBOOK_FONTS to a folder with a readable \(fileNames[0])")
        }
        var hash = ContentHash()
        var widest: Double? = 0
        for file in files {
            let bytes = FileManager.default.contents(atPath: file) ?? Data()
            hash.add((file as NSString).lastPathComponent)
            hash.add(bytes)
            widest = widest.flatMap { soFar in widestAdvance(in: [UInt8](bytes)).map { max(soFar, $0) } }
        }
        return PinnedFont(files: files, version: match.version, identity: hash.hex, widestAdvance: widest)
    }

    /// The widest glyph advance of the TrueType or OpenType font `bytes`, in ems, from its table directory: `hhea`'s
    /// `advanceWidthMax` (at offset 10) over `head`'s `unitsPerEm` (at offset 18).
    static func widestAdvance(in bytes: [UInt8]) -> Double? {
        func u16(_ at: Int) -> Int? { at + 2 <= bytes.count ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : nil }
        func u32(_ at: Int) -> Int? { u16(at).flatMap { high in u16(at + 2).map { high << 16 | $0 } } }
        guard let tables = u16(4) else { return nil }
        var offsets: [String: Int] = [:]
        for index in 0..<tables {
            let record = 12 + 16 * index
            guard record + 16 <= bytes.count, let offset = u32(record + 8) else { return nil }
            offsets[String(decoding: bytes[record..<record + 4], as: UTF8.self)] = offset
        }
        guard let head = offsets["head"], let hhea = offsets["hhea"], let unitsPerEm = u16(head + 18), unitsPerEm > 0,
            let advance = u16(hhea + 10)
        else { return nil }
        return Double(advance) / Double(unitsPerEm)
    }
}
