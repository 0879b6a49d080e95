import Foundation
import Testing
@testable import PlanbookCore

/// The Swift renderer gives cmark-gfm's HTML, byte for byte, for every kind of node — and for every report of the
/// seed study.
@Suite struct MarkdownHTMLTests {
    static let cases = [
        "para one\nstill one\n\npara two  \nhard break\\\nand another\n",
        "* a\n* b\n\n  loose b\n* c\n", "1. one\n   - nested\n   - tight\n2. two\n", "7) seven\n8) eight\n",
        "- [ ] open\n- [x] done\n", "> quote\n> > nested\n>\n> - in list\n", "***\n---\n___\n",
        "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| `x` | *y* | [z](u) |\n", "| only |\n|---|\n",
        "~~gone~~ and ~one~\n", "auto www.example.com and https://x.org/a?b=c&d=e\n",
        "![alt *text* `c`](img.png \"T\") and ![](e.png)\n", "[a](<x y> \"t\") [b](u\\)v) [c](/a'b&c\"d%20[e]~)\n",
        "<div>\n*raw*\n</div>\n\ntext <span>inline</span> & < > \" ' entities &amp; &copy;\n",
        "    indented\n    code\n\n~~~ swift plan id=x\nlet a = \"<b>\"\n~~~\n", "```\n```\n", "# H1 #\nSetext\n===\n",
        "*em* **strong** ***both*** _u_ __uu__\n", "`` code ` tick `` \\*escaped\\*\n", "1. a\n\n   b\n\n2. c\n",
        "- a\n- b\n\n<!-- comment -->\n\n- c\n", "Line with trailing spaces   \n",
    ]

    @Test(arguments: cases)
    func rendersAsCmarkDoes(_ source: String) {
        #expect(MarkdownHTML().html(CommonMark.parse(source).blocks) == CommonMark.referenceHTML(source))
    }

    @Test func everySeedReportRendersAsCmarkDoes() throws {
        let folder = TemporaryStudy.repository.appendingPathComponent("Reports")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        #expect(names.count >= 5)
        for name in names {
            let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(MarkdownHTML().html(CommonMark.parse(source).blocks) == CommonMark.referenceHTML(source), "\(name)")
        }
    }
}
