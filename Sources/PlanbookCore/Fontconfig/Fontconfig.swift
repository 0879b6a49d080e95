@preconcurrency import CFontconfig
import Foundation

/// Fontconfig, the library through which Graphviz's text layout (Pango) finds fonts, restricted to a list of files.
///
/// This is the only file that touches fontconfig. `restrict(to:aliases:)` makes a configuration that knows only the
/// given font files — no font folders, no user fonts, no configuration files, nothing written to a cache — and
/// makes it the process's current one. Made before Graphviz's first text layout, it is the configuration Pango reads fonts
/// through, in Planbook and in every Graphviz child forked from it (the children inherit it with the loaded fonts).
enum Fontconfig {
    /// What fontconfig chose for a family name: the file, the family it holds and its version ("2.37").
    struct Match: Sendable, Equatable {
        var file: String
        var family: String
        var version: String
    }

    /// Makes the current configuration one that sees only `files`, where each alias name resolves to its family
    /// (`sans-serif` → DejaVu Sans). Returns the files fontconfig could not read (empty when all were added).
    static func restrict(to files: [String], aliases: [(family: String, names: [String])]) -> [String] {
        guard let config = FcConfigCreate() else { return files }
        let rules = aliases.flatMap { alias in
            alias.names.map { name in
                "<alias binding=\"same\"><family>\(escaped(name))</family>"
                    + "<prefer><family>\(escaped(alias.family))</family></prefer></alias>"
            }
        }
        let xml = "<?xml version=\"1.0\"?>\n<fontconfig>\n" + rules.joined(separator: "\n") + "\n</fontconfig>\n"
        _ = xml.withCString { text in
            text.withMemoryRebound(to: FcChar8.self, capacity: xml.utf8.count + 1) {
                FcConfigParseAndLoadFromMemory(config, $0, FcTrue)
            }
        }
        // Application fonts are read from their files at once; no folder is scanned and no cache is written.
        let refused = files.filter { file in
            file.withCString { path in
                path.withMemoryRebound(to: FcChar8.self, capacity: file.utf8.count + 1) {
                    FcConfigAppFontAddFile(config, $0) == FcFalse
                }
            }
        }
        FcConfigSetCurrent(config)
        FcConfigDestroy(config)  // the current configuration keeps its own reference
        return refused
    }

    /// The font the current configuration gives for `family`, as a text layout asking for it would get it.
    static func match(_ family: String) -> Match? {
        guard
            let pattern = family.withCString({ name in
                name.withMemoryRebound(to: FcChar8.self, capacity: family.utf8.count + 1) { FcNameParse($0) }
            })
        else { return nil }
        defer { FcPatternDestroy(pattern) }
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let font = FcFontMatch(nil, pattern, &result) else { return nil }
        defer { FcPatternDestroy(font) }
        var file: UnsafeMutablePointer<FcChar8>?
        var name: UnsafeMutablePointer<FcChar8>?
        var version: Int32 = 0
        guard FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch, let file,
            FcPatternGetString(font, FC_FAMILY, 0, &name) == FcResultMatch, let name
        else { return nil }
        _ = FcPatternGetInteger(font, FC_FONTVERSION, 0, &version)
        return Match(
            file: String(cString: file), family: String(cString: name), version: versionText(fixed: Int(version)))
    }

    /// A font's revision, stored as 16.16 fixed point, as the text fonts print ("2.37"): rounded to thousandths,
    /// trailing zeros dropped.
    static func versionText(fixed: Int) -> String {
        let thousandths = (fixed * 1000 + 32_768) / 65_536
        var text = "\(thousandths / 1000)."
        let fraction = thousandths % 1000
        text += fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
