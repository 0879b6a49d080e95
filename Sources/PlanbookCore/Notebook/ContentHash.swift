import Crypto
import Foundation

/// SHA-256 of the inputs that decide a result, as lowercase hex: the keys of Planbook's cache.
public struct ContentHash {
    private var hasher = SHA256()

    public init() {}

    /// Adds `text` and a separator, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add(_ text: String) {
        hasher.update(data: Data(text.utf8))
        hasher.update(data: Data([0]))
    }

    /// Adds raw bytes.
    public mutating func add(_ data: Data) {
        hasher.update(data: data)
        hasher.update(data: Data([0]))
    }

    /// The digest so far, as 64 hex digits.
    public var hex: String {
        hasher.finalize().map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// The hash of one text.
    public static func of(_ text: String) -> String {
        var hash = ContentHash()
        hash.add(text)
        return hash.hex
    }
}
