import Testing

@testable import PlanbookCore

@Suite("MathScanner: $…$ and $$…$$ found before cmark reads the text, and masked")
struct MathScannerTests {
    @Test func inlineMathIsFoundAndMaskedAtTheSameColumns() {
        let text = "Each expert holds $2 d F$ parameters."
        let scan = MathScanner.scan(text)
        #expect(scan.spans.count == 1)
        let span = scan.spans[0]
        // "Each expert holds " is 18 bytes, so the opening $ is at column 19; "2 d F" starts at column 20.
        #expect(!span.display && span.line == 1 && span.column == 19)
        #expect(span.pieces == [.tex("2 d F", line: 1, column: 20)])
        #expect(span.source == "$2 d F$")
        // Every byte of "$2 d F$" (7 bytes) becomes the mask; the text around it is as it was.
        #expect(span.maskedBytes == 7)
        #expect(scan.masked == "Each expert holds " + String(repeating: "\u{1}", count: 7) + " parameters.")
    }

    @Test func dollarsThatAreNotMathStayText() {
        // Pandoc's rules: "$5 and $6" — the second $ is followed by a digit, so it closes nothing; "$ x$" opens
        // with a space; an escaped \$ is a dollar; a code span and a code block are never math.
        for text in [
            "It costs $5 and $6 more.", "A $ x$ is no formula.", "Both \\$a\\$ are dollars.",
            "In code: `$a$`.", "```\nlet price = \"$a$\"\n```",
        ] {
            let scan = MathScanner.scan(text)
            #expect(scan.spans.isEmpty, "\(text)")
            #expect(scan.masked == text)
        }
    }

    @Test func displayMathRunsOverLinesAndKeepsItsLineBreaks() {
        let text = "Roofline:\n\n$$t = \\max(a,\n b)$$\n\nAfter."
        let scan = MathScanner.scan(text)
        #expect(scan.spans.count == 1)
        let span = scan.spans[0]
        #expect(span.display && span.line == 3 && span.column == 1)
        #expect(span.pieces == [.tex("t = \\max(a,\n b)", line: 3, column: 3)])
        // "$$t = \max(a,\n b)$$" is 19 bytes; its line break and the space after it stay, so 17 are masked, and line 6
        // is still "After.".
        #expect(span.maskedBytes == 17)
        #expect(scan.masked.split(separator: "\n", omittingEmptySubsequences: false)[5] == "After.")
    }

    @Test func aCodeSpanInsideMathIsAPieceOfItsOwn() {
        let text = "So $F = `{swift} model.expertFFN`$ here."
        let span = MathScanner.scan(text).spans[0]
        // The code span's content starts after "So $F = `" (9 bytes), at column 10.
        #expect(
            span.pieces == [.tex("F = ", line: 1, column: 5), .code("{swift} model.expertFFN", line: 1, column: 10)])
        // "$F = `{swift} model.expertFFN`$" is 31 bytes; the code span with its backticks (25) is not masked: 6 are.
        #expect(span.maskedBytes == 6)
        #expect(MathScanner.scan(text).masked.contains("`{swift} model.expertFFN`"))
    }

    @Test func inlineMathMayRunOverTheLinesOfOneParagraphButNotIntoAListItem() {
        let text = "Rank $(s \\cdot D +\n  r) \\cdot T$ here.\n- $a +\n- b$"
        let scan = MathScanner.scan(text)
        #expect(scan.spans.count == 1)
        let span = scan.spans[0]
        #expect(span.pieces == [.tex("(s \\cdot D +\n  r) \\cdot T", line: 1, column: 7)])
        // "$(s \cdot D +" is 13 bytes; "  r) \cdot T$" is 13, of which the two spaces after the line break are
        // kept: 13 + 11 = 24 masked. cmark drops those spaces, so its text holds exactly the masked bytes.
        #expect(span.maskedBytes == 24)
        #expect(
            scan.masked.hasPrefix(
                "Rank " + String(repeating: "\u{1}", count: 13) + "\n  "
                    + String(repeating: "\u{1}", count: 11) + " here."))
    }

    @Test func valuesAreSetAsEscapedTextAndOffsetsMapBackToTheSource() throws {
        let span = try #require(MathScanner.scan("x $a + `{swift} v` + \\frac{1}$ y").spans.first)
        let formula = MathFormula(span) { line, column in line == 1 && column == 9 ? "8_000 & 50%" : nil }
        // The value's special characters are escaped inside \text{…}.
        #expect(formula.formula.tex == "a + \\text{8\\_000 \\& 50\\%} + \\frac{1}")
        // Offset 0 is "a", at column 4. Offsets 4 to 24 are the value (\text{8\_000 \& 50\%}, 21 units): its code,
        // at column 9. " + \frac{1}" starts at offset 25 and column 19 (after the code span, columns 8–18), so
        // offset 29, the "f" of \frac, is column 23.
        #expect(formula.position(of: 0)! == (1, 4))
        #expect(formula.position(of: 10)! == (1, 9))
        #expect(formula.position(of: 29)! == (1, 23))
    }
}
