import Testing
@testable import PlanbookCore

/// Examples from the CommonMark spec (0.30) and the GFM spec, rendered by the real libcmark-gfm.
@Suite struct CommonMarkTests {
    @Test func atxHeadingsFromTheSpec() {
        // CommonMark spec example 62.
        #expect(CommonMark.renderHTML("# foo\n## foo\n### foo\n") == "<h1>foo</h1>\n<h2>foo</h2>\n<h3>foo</h3>\n")
        // Example 63: seven #'s is not a heading.
        #expect(CommonMark.renderHTML("####### foo\n") == "<p>####### foo</p>\n")
    }

    @Test func listsFromTheSpec() {
        // Example 301 (bullet list items, tight).
        #expect(CommonMark.renderHTML("- foo\n- bar\n+ baz\n") == "<ul>\n<li>foo</li>\n<li>bar</li>\n</ul>\n<ul>\n<li>baz</li>\n</ul>\n")
        // Ordered list with a start number (example 266 shape).
        #expect(CommonMark.renderHTML("3. a\n4. b\n") == "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n")
    }

    @Test func fencedCodeFromTheSpec() {
        // Example 142: info string becomes the language class; content is escaped.
        #expect(CommonMark.renderHTML("```ruby\ndef foo(x)\n  return 3\nend\n```\n")
            == "<pre><code class=\"language-ruby\">def foo(x)\n  return 3\nend\n</code></pre>\n")
        #expect(CommonMark.renderHTML("```\n<\n >\n```\n") == "<pre><code>&lt;\n &gt;\n</code></pre>\n")
    }

    @Test func linksFromTheSpec() {
        // Example 482.
        #expect(CommonMark.renderHTML("[link](/uri \"title\")\n") == "<p><a href=\"/uri\" title=\"title\">link</a></p>\n")
    }

    @Test func rawHTMLIsKept() {
        // Example 148 (HTML block) and 613 (inline HTML) — kept as CommonMark says.
        #expect(CommonMark.renderHTML("<table><tr><td>\n<pre>\n**Hello**,\n\n_world_.\n</pre>\n</td></tr></table>\n")
            == "<table><tr><td>\n<pre>\n**Hello**,\n<p><em>world</em>.\n</pre></p>\n</td></tr></table>\n")
        #expect(CommonMark.renderHTML("<a><bab><c2c>\n") == "<p><a><bab><c2c></p>\n")
    }

    @Test func pipeTablesFromGFM() {
        // GFM spec example 198.
        let html = CommonMark.renderHTML("| foo | bar |\n| --- | --- |\n| baz | bim |\n")
        #expect(html == "<table>\n<thead>\n<tr>\n<th>foo</th>\n<th>bar</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>baz</td>\n<td>bim</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test func elementsCarryKindTextAndPosition() {
        let source = "# Title\n\nText with `code` and [a link](x.md).\n\n```dot engine=neato\ndigraph { a }\n```\n"
        let elements = CommonMark.elements(in: source)
        #expect(elements.map(\.kind) == [
            .heading(level: 1), .inlineCode, .link, .codeBlock(info: "dot engine=neato"),
        ])
        #expect(elements[0].text == "Title")
        #expect(elements[1].text == "code")
        #expect(elements[2].text == "x.md")
        #expect(elements[3].text == "digraph { a }\n")
        // The fence opens on line 5, column 1. "Text with " is 10 characters, so the code span's backtick is at
        // column 11 of line 3; cmark places a code span at its content, one column later: 12.
        #expect((elements[3].line, elements[3].column) == (5, 1))
        #expect((elements[1].line, elements[1].column) == (3, 12))
        #expect(elements.map(\.index) == [0, 1, 2, 3])
    }

    @Test func headingPlainTextJoinsInlineParts() {
        let elements = CommonMark.elements(in: "## Memory *per* `GPU`\n")
        #expect(elements.first?.text == "Memory per GPU")
    }

    @Test func rewritesReplaceBlocksSetIDsAndRetargetLinks() {
        let source = "## Intro\n\nSee [next](next.md).\n\n```dot\ndigraph { a }\n```\n"
        let elements = CommonMark.elements(in: source)
        let html = CommonMark.renderHTML(source, rewrites: [
            elements[0].index: .headingID("intro"),
            elements[1].index: .linkDestination("next.html"),
            elements[2].index: .html("<figure>drawn</figure>\n"),
        ])
        #expect(html == "<h2 id=\"intro\">Intro</h2>\n<p>See <a href=\"next.html\">next</a>.</p>\n<figure>drawn</figure>\n")
    }
}
