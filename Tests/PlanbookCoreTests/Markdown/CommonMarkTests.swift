import Testing
@testable import PlanbookCore

/// Examples from the CommonMark spec (0.30) and the GFM spec, rendered by the real libcmark-gfm.
@Suite struct CommonMarkTests {
    /// `source` parsed once into Swift values and rendered by `MarkdownHTML`, checked against cmark-gfm's own renderer.
    func html(_ source: String) -> String {
        let rendered = MarkdownHTML().html(CommonMark.parse(source).blocks)
        #expect(rendered == CommonMark.referenceHTML(source))
        return rendered
    }

    @Test func atxHeadingsFromTheSpec() {
        // CommonMark spec example 62.
        #expect(html("# foo\n## foo\n### foo\n") == "<h1>foo</h1>\n<h2>foo</h2>\n<h3>foo</h3>\n")
        // Example 63: seven #'s is not a heading.
        #expect(html("####### foo\n") == "<p>####### foo</p>\n")
    }

    @Test func listsFromTheSpec() {
        // Example 301 (bullet list items, tight).
        #expect(html("- foo\n- bar\n+ baz\n") == "<ul>\n<li>foo</li>\n<li>bar</li>\n</ul>\n<ul>\n<li>baz</li>\n</ul>\n")
        // Ordered list with a start number (example 266 shape).
        #expect(html("3. a\n4. b\n") == "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n")
    }

    @Test func fencedCodeFromTheSpec() {
        // Example 142: info string becomes the language class; content is escaped.
        #expect(html("```ruby\ndef foo(x)\n  return 3\nend\n```\n")
            == "<pre><code class=\"language-ruby\">def foo(x)\n  return 3\nend\n</code></pre>\n")
        #expect(html("```\n<\n >\n```\n") == "<pre><code>&lt;\n &gt;\n</code></pre>\n")
    }

    @Test func linksFromTheSpec() {
        // Example 482.
        #expect(html("[link](/uri \"title\")\n") == "<p><a href=\"/uri\" title=\"title\">link</a></p>\n")
    }

    @Test func rawHTMLIsKept() {
        // Example 148 (HTML block) and 613 (inline HTML) — kept as CommonMark says.
        #expect(html("<table><tr><td>\n<pre>\n**Hello**,\n\n_world_.\n</pre>\n</td></tr></table>\n")
            == "<table><tr><td>\n<pre>\n**Hello**,\n<p><em>world</em>.\n</pre></p>\n</td></tr></table>\n")
        #expect(html("<a><bab><c2c>\n") == "<p><a><bab><c2c></p>\n")
    }

    @Test func pipeTablesFromGFM() {
        // GFM spec example 198.
        let html = html("| foo | bar |\n| --- | --- |\n| baz | bim |\n")
        #expect(html == "<table>\n<thead>\n<tr>\n<th>foo</th>\n<th>bar</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>baz</td>\n<td>bim</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test func elementsCarryKindTextAndPosition() {
        let source = "# Title\n\nText with `code` and [a link](x.md).\n\n```dot engine=neato\ndigraph { a }\n```\n"
        let elements = CommonMark.parse(source).elements
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
        // Indices are node ids in document order: heading 0 (its text 1), paragraph 2 (text 3, code 4, …).
        #expect(elements.map(\.index) == elements.map(\.index).sorted())
    }

    @Test func headingPlainTextJoinsInlineParts() {
        let elements = CommonMark.parse("## Memory *per* `GPU`\n").elements
        #expect(elements.first?.text == "Memory per GPU")
    }

    @Test func rewritesReplaceBlocksSetIDsAndRetargetLinks() {
        let source = "## Intro\n\nSee [next](next.md).\n\n```dot\ndigraph { a }\n```\n"
        struct Drawn: MarkdownPart { func html(_ renderer: MarkdownHTML) -> String { "<figure>drawn</figure>\n" } }
        let document = CommonMark.parse(source).rewritten(blocks: { block in
            var block = block
            switch block.kind {
            case .heading(let level, _): block.kind = .heading(level: level, anchor: "intro")
            case .codeBlock: block.kind = .part(Drawn())
            default: return nil
            }
            return block
        }, inlines: { inline in
            guard case .link(_, let title) = inline.kind else { return nil }
            var link = inline
            link.kind = .link(.page(slug: "next", anchor: nil), title: title)
            return [link]
        })
        #expect(MarkdownHTML().html(document.blocks)
            == "<h2 id=\"intro\">Intro</h2>\n<p>See <a href=\"next.html\">next</a>.</p>\n<figure>drawn</figure>\n")
    }
}
