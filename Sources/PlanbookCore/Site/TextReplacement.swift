extension String {
    /// `self` with every occurrence of `target` replaced by `replacement`, compared byte for byte in UTF-8.
    ///
    /// Planbook rewrites drawings of megabytes (ids, references); the standard library's `replacing` compares
    /// Characters and is two orders of magnitude slower on such text. Both strings here are ASCII markup, for which
    /// byte and character matches are the same.
    func replacingBytes(_ target: String, with replacement: String, maxReplacements: Int = .max) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first, maxReplacements > 0 else { return self }
        let insert = Array(replacement.utf8)
        var bytes = Array(utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var replaced = 0
        let count = bytes.count
        bytes.withUnsafeMutableBufferPointer { buffer in
            while index < count {
                if buffer[index] == first, replaced < maxReplacements, index + needle.count <= count,
                    needle.indices.allSatisfy({ buffer[index + $0] == needle[$0] }) {
                    output.append(contentsOf: insert)
                    index += needle.count
                    replaced += 1
                } else {
                    output.append(buffer[index])
                    index += 1
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension String {
    /// `self` with every id named by an `aria-labelledby="…"` attribute prefixed by `prefix`, as ids are when a
    /// drawing or a page is scoped (UTF-8 bytes, one pass).
    func prefixingLabelledByIDs(with prefix: String) -> String {
        let marker = Array(" aria-labelledby=\"".utf8)
        let insert = Array(prefix.utf8)
        var text = self
        let rewritten = text.withUTF8 { bytes -> [UInt8]? in
            func marks(_ index: Int) -> Bool {
                guard bytes[index] == 32, index + marker.count <= bytes.count else { return false }
                for offset in 1..<marker.count where bytes[index + offset] != marker[offset] { return false }
                return true
            }
            // Most drawings (Graphviz's) have no such attribute: then the text is returned as it is, uncopied.
            guard var index = (0..<bytes.count).first(where: marks) else { return nil }
            var output = Array(bytes[0..<index])
            output.reserveCapacity(bytes.count + 64)
            while index < bytes.count {
                if marks(index) {
                    output += marker
                    index += marker.count
                    var atTokenStart = true
                    while index < bytes.count, bytes[index] != 34 {
                        if bytes[index] == 32 {
                            atTokenStart = true
                        } else if atTokenStart {
                            output += insert
                            atTokenStart = false
                        }
                        output.append(bytes[index])
                        index += 1
                    }
                    continue
                }
                output.append(bytes[index])
                index += 1
            }
            return output
        }
        return rewritten.map { String(decoding: $0, as: UTF8.self) } ?? self
    }
}
