/// A size of memory as people write it on a command line: `512M`, `8G`, `1.5G`, `1073741824` (bytes), and back.
public enum MemorySize {
    /// The bytes `text` names (suffix K, M, G or T, powers of 1024, optionally followed by B), or nil.
    public static func bytes(_ text: String) -> UInt64? {
        var number = text.uppercased()
        if number.hasSuffix("B") { number.removeLast() }
        let scales: [Character: Double] = [
            "K": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024, "T": 1024 * 1024 * 1024 * 1024,
        ]
        var scale = 1.0
        if let last = number.last, let unit = scales[last] {
            scale = unit
            number.removeLast()
        }
        guard let value = Double(number), value > 0, value * scale < 1e19 else { return nil }
        return UInt64(value * scale)
    }

    /// `bytes` in the largest unit that keeps a whole or one-decimal number: "6 GB", "1.5 GB", "512 MB".
    public static func text(_ bytes: UInt64) -> String {
        let units = [("TB", 40), ("GB", 30), ("MB", 20), ("KB", 10)]
        for (name, shift) in units where bytes >= UInt64(1) << shift {
            let value = Double(bytes) / Double(UInt64(1) << shift)
            let rounded = (value * 10).rounded() / 10
            return (rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)") + " \(name)"
        }
        return "\(bytes) bytes"
    }
}
