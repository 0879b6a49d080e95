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
