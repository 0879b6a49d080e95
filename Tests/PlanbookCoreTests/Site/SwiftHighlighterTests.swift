import Testing
@testable import PlanbookCore

@Suite struct SwiftHighlighterTests {
    @Test func marksKeywordsStringsNumbersCommentsAndTypes() {
        let html = SwiftHighlighter.html("let n = 16_384 // width\nlet s = \"a \\(n) <b>\"\nshow(Model.expert(8))")
        #expect(html == """
            <span class="tok-kw">let</span> n = <span class="tok-num">16_384</span> <span class="tok-com">// width</span>
            <span class="tok-kw">let</span> s = <span class="tok-str">&quot;a \\(n) &lt;b&gt;&quot;</span>
            show(<span class="tok-type">Model</span>.expert(<span class="tok-num">8</span>))
            """)
    }

    @Test func nestedBlockCommentsMultilineStringsAndAttributes() {
        let html = SwiftHighlighter.html("/* a /* b */ c */ @MainActor let t = \"\"\"\nx \" y\n\"\"\"")
        #expect(html.hasPrefix("<span class=\"tok-com\">/* a /* b */ c */</span> <span class=\"tok-attr\">@MainActor</span>"))
        #expect(html.hasSuffix("<span class=\"tok-str\">&quot;&quot;&quot;\nx &quot; y\n&quot;&quot;&quot;</span>"))
    }

    @Test func theTextIsUnchangedUnderTheSpans() {
        let code = "for (i, x) in zip(a, b) where x > 0.5e3 { print(\"\\(i)\") } // é"
        let html = SwiftHighlighter.html(code)
        let text = html.replacing(/<[^>]+>/, with: "").replacing("&quot;", with: "\"").replacing("&gt;", with: ">")
        #expect(text == code)
    }
}

@Suite struct SwiftHighlighterExponentTests {
    @Test func exponentsStayOneNumber() {
        #expect(SwiftHighlighter.html("2.2e-3") == "<span class=\"tok-num\">2.2e-3</span>")
        #expect(SwiftHighlighter.html("x-3") == "x-<span class=\"tok-num\">3</span>")
    }
}
