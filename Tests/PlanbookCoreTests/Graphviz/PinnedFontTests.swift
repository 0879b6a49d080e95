import Foundation
import Testing

@testable import PlanbookCore

/// The font Graphviz measures text in, pinned through fontconfig in this process.
@Suite struct PinnedFontTests {
    @Test func theFontIsDejaVuSansFromItsPackage() throws {
        let font = try PinnedFont.pinned.get()
        #expect(font.files.first?.hasSuffix("/DejaVuSans.ttf") == true)
        #expect(font.files.allSatisfy { path in PinnedFont.fileNames.contains { path.hasSuffix("/\($0)") } })
        #expect(font.description.hasPrefix("DejaVu Sans "))
        #expect(font.version.split(separator: ".").allSatisfy { Int($0) != nil })
        #expect(font.identity.count == 64)
    }

    @Test func theWidestAdvanceIsReadFromTheFontsTables() throws {
        // A table directory of two tables: `head` at byte 44 (unitsPerEm 1000 at its byte 18), `hhea` at byte 98
        // (advanceWidthMax 1500 at its byte 10): 1500 / 1000 = 1.5 em.
        var bytes = [UInt8](repeating: 0, count: 98 + 36)
        func put16(_ value: Int, at offset: Int) { bytes[offset] = UInt8(value >> 8); bytes[offset + 1] = UInt8(value & 0xFF) }
        put16(2, at: 4)
        for (index, (tag, offset)) in [("head", 44), ("hhea", 98)].enumerated() {
            let record = 12 + 16 * index
            bytes.replaceSubrange(record..<record + 4, with: Array(tag.utf8))
            put16(offset, at: record + 10)
        }
        put16(1000, at: 44 + 18)
        put16(1500, at: 98 + 10)
        #expect(PinnedFont.widestAdvance(in: bytes) == 1.5)
        #expect(PinnedFont.widestAdvance(in: Array(bytes.prefix(40))) == nil)
        // The pinned files' widest glyph: wider than an em (DejaVu has wide ligatures and symbols), under four.
        let widest = try #require(try PinnedFont.pinned.get().widestAdvance)
        #expect(widest > 1 && widest < 4)
    }

    @Test func everyNameResolvesToAPinnedFile() throws {
        let font = try PinnedFont.pinned.get()
        // Aliases go to their DejaVu family; a family fontconfig has never heard of, and one that is installed on
        // many machines but not in the pinned view, fall back to a pinned file too.
        let expected = [
            ("Helvetica", "DejaVu Sans"), ("sans-serif", "DejaVu Sans"), ("Times", "DejaVu Serif"),
            ("monospace", "DejaVu Sans Mono"), ("Liberation Sans", "DejaVu Sans"),
            ("Nonexistent Grotesk", "DejaVu Sans"),
        ]
        for (name, family) in expected {
            let match = try #require(Fontconfig.match(name), "\(name)")
            #expect(font.files.contains(match.file), "\(name) → \(match.file)")
            #expect(match.family == family, "\(name) → \(match.family)")
        }
    }

    @Test func fixedPointVersionsPrintAsFontsPrintThem() {
        // 2.37 is stored as 2 × 65536 + 0.37 × 65536 ≈ 155320 (0x25EB8).
        #expect(Fontconfig.versionText(fixed: 155_320) == "2.37")
        #expect(Fontconfig.versionText(fixed: 65_536) == "1")
        // 2.5 = 2 × 65536 + 32768 = 163840.
        #expect(Fontconfig.versionText(fixed: 163_840) == "2.5")
        // 1.005: 65536 + 0.005 × 65536 ≈ 65864 (65863.7).
        #expect(Fontconfig.versionText(fixed: 65_864) == "1.005")
    }

    @Test func drawingsNameThePinnedFamilyFirst() throws {
        // A dot block without a fontname gets the pinned one (Graphviz's default would be Times).
        let svg = try Graphviz.svg(fromDOT: "digraph { a -> b [label=\"x\"] }")
        let families = Set(svg.matches(of: /font-family="([^"]*)"/).map { String($0.output.1) })
        #expect(families == [PinnedFont.fontname])
        // The author's fontname wins.
        let own = try Graphviz.svg(fromDOT: "digraph { node [fontname=\"DejaVu Serif\"]; a }")
        #expect(own.contains("font-family=\"DejaVu Serif\""))
    }
}
