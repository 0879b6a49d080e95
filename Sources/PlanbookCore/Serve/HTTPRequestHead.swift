/// The head of an HTTP/1.x request — request line and header fields — read within fixed limits, in one pass over
/// the bytes however they arrive.
///
/// A request line over `lineLimit` bytes is refused with 414, header fields over `headerLimit` bytes in all with 431,
/// before the rest is read: a client cannot make the server hold or scan more than the limits.
public struct HTTPRequestHead: Sendable, Equatable {
    /// The method, as sent (`GET`).
    public var method: String
    /// The request target's path, still percent-encoded (`/large-ep/dag%20full.svg`), without its query.
    public var path: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String
    /// Header fields in order, names lowercased.
    public var headers: [(name: String, value: String)]

    public static func == (a: HTTPRequestHead, b: HTTPRequestHead) -> Bool {
        a.method == b.method && a.path == b.path && a.version == b.version
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }

    /// The first value of the header field `name` (lowercase).
    public func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    /// Whether the client wants the connection kept open after the response.
    public var keepAlive: Bool {
        let connection = header("connection")?.lowercased() ?? ""
        return version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
    }

    /// What reading a head may come to.
    public enum Outcome: Sendable, Equatable {
        /// Not complete yet: read more.
        case incomplete
        /// A head, and how many bytes of the input it took.
        case head(HTTPRequestHead, consumed: Int)
        /// The request line is longer than the limit (414).
        case lineTooLong
        /// The header fields are larger than the limit (431).
        case headersTooLarge
        /// Not an HTTP request (400).
        case malformed
    }

    /// Scans request bytes as they arrive; `feed` looks at each byte once.
    public struct Scanner: Sendable {
        public let lineLimit: Int
        public let headerLimit: Int
        private var scanned = 0
        private var lineEnd: Int?

        public init(lineLimit: Int = 8_192, headerLimit: Int = 8_192) {
            self.lineLimit = lineLimit
            self.headerLimit = headerLimit
        }

        /// Looks at the bytes of `buffer` not seen yet (the buffer only grows between calls until a head is taken).
        public mutating func feed(_ buffer: [UInt8]) -> Outcome {
            while scanned < buffer.count {
                let byte = buffer[scanned]
                scanned += 1
                guard byte == 10 else { continue }  // "\n"
                guard let lineEnd else {
                    lineEnd = scanned
                    if scanned - 1 > lineLimit { return .lineTooLong }
                    continue
                }
                // A blank line ("\n" or "\r\n" right after the previous "\n") ends the head.
                let previous = scanned - 2
                if previous >= 0
                    && (buffer[previous] == 10
                        || (buffer[previous] == 13 && previous >= 1 && buffer[previous - 1] == 10))
                {
                    if scanned - lineEnd > headerLimit + 2 { return .headersTooLarge }
                    let head = HTTPRequestHead.parse(Array(buffer[0..<scanned]), lineEnd: lineEnd)
                    return head.map { .head($0, consumed: scanned) } ?? .malformed
                }
            }
            if lineEnd == nil && scanned > lineLimit { return .lineTooLong }
            if let lineEnd, scanned - lineEnd > headerLimit + 2 { return .headersTooLarge }
            return .incomplete
        }
    }

    /// The head in `bytes` (request line up to `lineEnd`, then header lines and a blank line), or nil.
    static func parse(_ bytes: [UInt8], lineEnd: Int) -> HTTPRequestHead? {
        let line = String(decoding: bytes[0..<(lineEnd - 1)], as: UTF8.self).trimmingLineEnd
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[0].allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        var target = Substring(parts[1])
        if let scheme = target.firstRange(of: "://") {
            // absolute-form (a proxy's request): keep the path.
            target = target[scheme.upperBound...].drop { $0 != "/" }
        }
        guard target.hasPrefix("/") else { return nil }
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        var headers: [(String, String)] = []
        // Split on the bytes: to Swift's String, "\r\n" is one character, not a "\n".
        for field in bytes[lineEnd...].split(separator: 10) {
            let text = String(decoding: field, as: UTF8.self).trimmingLineEnd
            guard !text.isEmpty else { continue }
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let name = text[..<colon].lowercased()
            let value = text[text.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.append((name, String(value.reversed().drop { $0 == " " || $0 == "\t" }.reversed())))
        }
        return HTTPRequestHead(method: String(parts[0]), path: path, version: String(parts[2]), headers: headers)
    }
}

extension String {
    fileprivate var trimmingLineEnd: String { hasSuffix("\r") ? String(dropLast()) : self }
}
