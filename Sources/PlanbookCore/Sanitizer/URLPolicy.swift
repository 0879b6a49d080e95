/// Which URLs a link or an image in a published page may hold: ones that navigate (`http`, `https`, `mailto`,
/// `tel`), relative paths and fragments, and for images raster `data:` URLs — never `javascript:`, `vbscript:`,
/// `data:text/html` or `file:`.
///
/// The URL is read as a browser reads it (WHATWG URL): leading and trailing spaces and control characters are
/// dropped and tabs and line breaks anywhere are removed, so `java&#9;script:` and ` JavaScript:` are caught.
public enum URLPolicy {
    /// What a URL is used for.
    public enum Use: Sendable {
        /// A link (`<a href>`, `cite`).
        case link
        /// An image source.
        case image
        /// A reference within the same drawing (`#id`) only.
        case fragment
    }

    /// Schemes a link may use.
    public static let linkSchemes: Set<String> = ["http", "https", "mailto", "tel"]
    /// Schemes an image may use (`data:` only for raster images).
    public static let imageSchemes: Set<String> = ["http", "https"]
    /// The `data:` media types an image may use.
    public static let imageDataTypes = ["image/png", "image/gif", "image/jpeg", "image/webp"]

    /// The URL as a browser's URL parser sees it before parsing.
    public static func normalized(_ url: String) -> String {
        let scalars = url.unicodeScalars
        let trimmed = scalars.drop { $0.value <= 0x20 }.reversed().drop { $0.value <= 0x20 }.reversed()
        var result = String.UnicodeScalarView()
        for scalar in trimmed where scalar != "\t" && scalar != "\n" && scalar != "\r" { result.append(scalar) }
        return String(result)
    }

    /// The URL's scheme in lowercase (`javascript`), or nil for a relative URL.
    public static func scheme(of url: String) -> String? {
        let text = normalized(url)
        guard let first = text.unicodeScalars.first, first.isASCIILetter else { return nil }
        var scheme = ""
        for scalar in text.unicodeScalars {
            if scalar == ":" { return scheme.lowercased() }
            guard
                scalar.isASCIILetter || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Nil when `url` may be used as `use`; else what is wrong with it ("the `javascript:` scheme").
    public static func problem(with url: String, as use: Use) -> String? {
        let scheme = scheme(of: url)
        switch use {
        case .fragment:
            return normalized(url).hasPrefix("#") ? nil : "a reference outside the drawing"
        case .link:
            guard let scheme, !linkSchemes.contains(scheme) else { return nil }
            return "the `\(scheme):` scheme"
        case .image:
            guard let scheme, !imageSchemes.contains(scheme) else { return nil }
            if scheme == "data" {
                let type = normalized(url).dropFirst(5).prefix { $0 != ";" && $0 != "," }.lowercased()
                return imageDataTypes.contains(type) ? nil : "a `data:` URL of type `\(type)`"
            }
            return "the `\(scheme):` scheme"
        }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
