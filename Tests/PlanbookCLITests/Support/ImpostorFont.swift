import Foundation

/// A TrueType font rewritten to claim another family and version 99: what a newer build of the pinned font in a
/// user's font folder looks like to fontconfig, which prefers the higher version of a family. Made from
/// DejaVu Sans Mono, so that its glyphs are much wider than DejaVu Sans's and any text measured with it moves.
enum ImpostorFont {
    /// `font` (TrueType bytes) with every name record equal to `family` replaced by `claimed` (which must not be
    /// longer), and its `head` table's revision set to 99.0. Checksums are left stale: fontconfig does not read them.
    static func make(from font: Data, family: String, claiming claimed: String) -> Data {
        var bytes = [UInt8](font)
        func u16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        func u32(_ at: Int) -> Int { u16(at) << 16 | u16(at + 2) }
        func put16(_ value: Int, at: Int) {
            bytes[at] = UInt8(value >> 8)
            bytes[at + 1] = UInt8(value & 0xFF)
        }
        var tables: [String: Int] = [:]
        for index in 0..<u16(4) {
            let record = 12 + 16 * index
            tables[String(decoding: bytes[record..<record + 4], as: UTF8.self)] = u32(record + 8)
        }
        if let head = tables["head"] {
            put16(99, at: head + 4)  // fontRevision, 16.16 fixed point: 99.0
            put16(0, at: head + 6)
        }
        guard let name = tables["name"] else { return Data(bytes) }
        let strings = name + u16(name + 4)
        for index in 0..<u16(name + 2) {
            let record = name + 6 + 12 * index
            let platform = u16(record)
            let start = strings + u16(record + 10)
            let text = Array(bytes[start..<start + u16(record + 8)])
            // Platforms 0 and 3 store UTF-16BE; platform 1 (Macintosh) stores one byte per character.
            let wide = platform != 1
            let encode = { (string: String) -> [UInt8] in
                wide ? string.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } : Array(string.utf8)
            }
            guard text == encode(family) else { continue }
            let replacement = encode(claimed)
            bytes.replaceSubrange(start..<start + replacement.count, with: replacement)
            put16(replacement.count, at: record + 8)
        }
        return Data(bytes)
    }
}
