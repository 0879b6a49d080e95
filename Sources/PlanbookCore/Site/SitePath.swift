/// A path of the site as it goes into an `href`: each segment percent-encoded where a URL would read it otherwise —
/// `%`, `#`, `?`, spaces, quotes, controls — so that a report named `q&a #2.md` still links to its page
/// (`q&a%20%232.html`). Other characters, non-ASCII letters included, stay as they are (an IRI).
public enum SitePath {
    /// `path` ("dir/name") with each segment encoded for an `href`.
    public static func href(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { encode(String($0)) }.joined(separator: "/")
    }

    /// One path segment, encoded.
    public static func encode(_ segment: String) -> String {
        var bytes: [UInt8] = []
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in segment.utf8 {
            if byte < 0x21 || byte == 0x7F || escaped.contains(byte) {
                bytes += [37, digits[Int(byte >> 4)], digits[Int(byte & 15)]]  // "%XX"
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ASCII characters that a URL path may not hold as they are.
    private static let escaped: Set<UInt8> = Set("%#?\"<>\\^`{|}[]".utf8)
}
