import Testing

@testable import PlanbookCore

/// The sentence an inline value stands in, as the page reads it.
@Suite struct InlineSentencesTests {
    private func sentences(_ markdown: String, values: [String]) -> [String] {
        let document = CommonMark.parse(markdown)
        let codes = document.elements.filter { $0.kind == .inlineCode }.map(\.index)
        let shown = Dictionary(uniqueKeysWithValues: zip(codes, values))
        let read = InlineSentences(document) { shown[$0] }
        return codes.compactMap { read.sentences[$0] }
    }

    @Test func eachValueGetsItsSentenceWithTheOtherValuesShown() {
        let found = sentences(
            "Memory is fine. Decode takes `{swift} a` per token, of `{swift} b` in all. Next one.",
            values: ["10.6 ms", "21.0 GB"])
        #expect(
            found == [
                "Decode takes 10.6 ms per token, of 21.0 GB in all.",
                "Decode takes 10.6 ms per token, of 21.0 GB in all.",
            ])
    }

    @Test func aDecimalPointIsNoSentenceEnd() {
        #expect(
            sentences("It is `{swift} a` at 2.5 GHz and more.", values: ["1.50 ms"]) == [
                "It is 1.50 ms at 2.5 GHz and more."
            ])
    }

    @Test func aLongSentenceIsCutAroundTheValue() throws {
        let long = String(repeating: "word ", count: 80)
        let found = try #require(sentences("\(long)here `{swift} a` there \(long)end.", values: ["42"]).first)
        #expect(found.count <= InlineSentences.longest + 2)
        #expect(found.hasPrefix("…") && found.hasSuffix("…") && found.contains("here 42 there"))
    }
}
