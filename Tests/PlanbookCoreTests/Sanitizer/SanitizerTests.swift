import Foundation
import Testing
@testable import PlanbookCore

/// The allow-list sanitizer: URL schemes as browsers read them, raw HTML written back canonically, SVG checked as
/// a file and inline.
@Suite struct SanitizerTests {
    @Test func urlsAreReadAsBrowsersReadThem() {
        #expect(URLPolicy.scheme(of: "java\tscript:alert(1)") == "javascript")
        #expect(URLPolicy.scheme(of: " \u{0E} JavaScript:alert(1)") == "javascript")
        #expect(URLPolicy.scheme(of: "large-ep.html#memory") == nil)
        #expect(URLPolicy.scheme(of: "a/b:c") == nil)  // a "/" before the ":": a relative path
        #expect(URLPolicy.problem(with: "https://example.org/x", as: .link) == nil)
        #expect(URLPolicy.problem(with: "mailto:a@example.org", as: .link) == nil)
        #expect(URLPolicy.problem(with: "vbscript:x", as: .link) == "the `vbscript:` scheme")
        #expect(URLPolicy.problem(with: "data:image/png;base64,iVBO", as: .image) == nil)
        #expect(URLPolicy.problem(with: "data:image/svg+xml,<svg/>", as: .image) == "a `data:` URL of type `image/svg+xml`")
        #expect(URLPolicy.problem(with: "data:text/html,x", as: .link) == "the `data:` scheme")
        #expect(URLPolicy.problem(with: "#l_0", as: .fragment) == nil)
        #expect(URLPolicy.problem(with: "other.svg#l_0", as: .fragment) != nil)
    }

    /// The inline form's check reads libxml2's tree without copying it: the same prolog, root and first node that is
    /// neither an element nor text as the copied tree gives, for every kind of node at any depth.
    @Test func aDocumentsShapeIsWhatItsCopiedTreeShows() throws {
        func firstNonElement(_ element: MarkupElement) -> (String, Int)? {
            for child in element.children {
                switch child {
                case .comment(_, let line): return ("a comment", line)
                case .other(let kind, let line): return (kind, line)
                case .element(let inner): if let found = firstNonElement(inner) { return found }
                case .text: continue
                }
            }
            return nil
        }
        let documents = [
            "<svg><g><text>a</text></g></svg>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- c -->\n<svg>\n<g>\n<!-- inside -->\n</g>\n</svg>",
            "<svg>\n<g><g>\n<![CDATA[x]]></g></g></svg>",
            "<svg><title>t</title>\n\n<?pi x?></svg>",
            "<!DOCTYPE svg [<!ENTITY e \"x\">]><svg><text>&e;</text></svg>",
            "<html><body/></html>",
        ]
        for xml in documents {
            let tree = try LibXML2.parseXML(xml).get()
            let shape = try LibXML2.parseXMLShape(xml).get()
            #expect(shape.prolog == tree.prolog && shape.rootName == tree.root.name, "\(xml)")
            #expect(shape.hasInternalSubset == tree.hasInternalSubset, "\(xml)")
            let expected = firstNonElement(tree.root)
            #expect(shape.firstNonElement?.kind == expected?.0 && shape.firstNonElement?.line == expected?.1, "\(xml)")
        }
        // The comment inside the second is on line 6; the CDATA section on line 2; the processing instruction on 3.
        #expect(try LibXML2.parseXMLShape(documents[1]).get().firstNonElement?.line == 6)
        #expect(try LibXML2.parseXMLShape(documents[2]).get().firstNonElement?.kind == "a CDATA section")
        #expect(try LibXML2.parseXMLShape(documents[3]).get().firstNonElement?.line == 3)
        // Not well-formed: the same error as the copying parse.
        #expect(throws: LibXML2.XMLError.self) { try LibXML2.parseXMLShape("<svg><g></svg>").get() }
    }

    @Test func rawHTMLThatNeedsNoChangeKeepsItsBytes() {
        let pieces = ["<details><summary>Batch sweep as a table</summary>\n", "</details>\n", "<sub>", "</sub>"]
        let html = pieces.enumerated().map { "\($1)<!--m-\($0 + 1)-->" }.joined()
        let result = MarkupSanitizer.sanitizeHTML(LibXML2.parseHTMLBody(html), markerPrefix: "m-")
        #expect(result.removals.isEmpty)
        #expect(result.markers == [1, 2, 3, 4])
        #expect(Array(result.pieces.prefix(4)) == pieces)
    }

    @Test func rawHTMLIsWrittenBackCanonically() {
        // Unquoted and single-quoted values become double-quoted, entities are decoded and re-escaped minimally, a
        // bare attribute stays bare, names are lowercase.
        let html = "<SPAN title='a \"b\" &amp; c' class=x>&copy; 1</SPAN><details open><summary>s</summary></details>"
        let result = MarkupSanitizer.sanitizeHTML(LibXML2.parseHTMLBody(html))
        #expect(result.removals.isEmpty)
        #expect(result.pieces == ["<span title=\"a &quot;b&quot; &amp; c\" class=\"x\">© 1</span><details open><summary>s</summary></details>"])
    }

    @Test func thePagePublishesRawHTMLAsTheSanitizerWroteItBack() {
        // A raw HTML block and an inline tag the sanitizer rewrites: the page holds its write-back, in the places
        // the Markdown tree had them — the exact markup that was checked, not the text the author typed.
        let body = "<DETAILS open><SUMMARY class=x>More</SUMMARY>\n\nHidden text.\n\n</DETAILS>\n\n"
            + "Press <KBD title='a \"key\"'>Ctrl</KBD> now.\n"
        let report = Report(path: "Reports/a.md", slug: "a", frontMatter: FrontMatter(), body: body, bodyFirstLine: 1)
        let outline = PageOutline(report)
        #expect(outline.problems.isEmpty)
        let html = RenderedPage.rendering(outline).bodyHTML()
        #expect(html == "<details open><summary class=\"x\">More</summary>\n<p>Hidden text.</p>\n</details>\n"
            + "<p>Press <kbd title=\"a &quot;key&quot;\">Ctrl</kbd> now.</p>\n")
    }

    @Test func aTagLeftOpenInOnePieceIsCaughtWhereItOpened() {
        // Two raw HTML blocks of a report: the first leaves a quoted attribute open, so in a browser the Markdown
        // between them and the second block's `"` close it, and the second block's onerror= runs.
        let body = "<div>\n<img src=\"x\n\ntext\n\n<b title=\" onerror=\"alert(1)\">\n"
        let report = Report(path: "Reports/a.md", slug: "a", frontMatter: FrontMatter(), body: body, bodyFirstLine: 1)
        let elements = CommonMark.parse(body).elements.filter { $0.kind == .htmlBlock || $0.kind == .htmlInline }
        let result = RawHTMLSanitizer.sanitize(elements, in: report)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.description.hasPrefix("Reports/a.md:1:1: error: raw HTML here is never closed") == true)
    }

    @Test func everyDrawingOfTheCommittedSitePassesUnchanged() throws {
        // Graphviz's drawings and PlanKit's charts as the seed study publishes them: nothing to remove.
        let site = TemporaryStudy.repository.appendingPathComponent("site")
        let files = (FileManager.default.enumerator(atPath: site.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".svg") }
        #expect(files.count >= 20)
        for file in files {
            let svg = try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)
            let removals = SVGSanitizer.removals(in: svg)
            #expect(removals.isEmpty, "\(file): \(removals.map(\.what))")
        }
    }

    @Test func svgThatCanRunScriptIsRefused() {
        let head = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
        let cases: [(String, String)] = [
            ("<svg><script>alert(1)</script></svg>", "the element `<script>`"),
            (head + "<a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", "a URL with the `javascript:` scheme in `xlink:href=` of `<a>`"),
            (head + "<g onload=\"alert(1)\"/></svg>", "the attribute `onload=` of `<g>`"),
            (head + "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>", "the element `<foreignObject>`"),
            (head + "<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></svg>", "the element `<script>`"),
            ("<?xml-stylesheet href=\"x.xsl\" type=\"text/xsl\"?>" + head + "</svg>", "a processing instruction"),
            ("<!DOCTYPE svg [<!ENTITY x \"y\">]>" + head + "</svg>", "a doctype that declares its own entities"),
            (head + "<rect style=\"fill:url(https://evil.example/x.svg#p)\"/></svg>", "a `url(https://evil.example/x.svg#p)` outside the drawing in `style=` of `<rect>`"),
            // InlineSVG starts at the first "<svg": one hidden in a comment before the root would be published.
            ("<!-- <svg><script>alert(1)</script> -->" + head + "</svg>", "markup that is not well-formed XML"),
        ]
        for (svg, what) in cases {
            let removals = SVGSanitizer.removals(in: svg)
            #expect(removals.first?.what.hasPrefix(what) == true, "\(svg): \(removals.map(\.what))")
        }
    }
}
