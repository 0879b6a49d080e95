import Foundation
import Testing

@testable import PlanbookCore

/// LaTeX math through the real KaTeX under Node.js (Debian's libjs-katex and nodejs, which `make deps` installs).
@Suite("Math: KaTeX at build time, no script on the page", .enabled(if: KaTeX.located() != nil))
struct MathBuildTests {
    @Test func rendersAtOnceIntoOneScratchFolderDoNotMeet() throws {
        // Scenario copies render their math side by side into one folder (`--no-cache` renders every copy's): each
        // call's list of formulas must be its own, or one call deletes what another's Node process is about to read.
        let katex = try #require(KaTeX.located())
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("katex-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let results = (0..<8).map { _ in () }.concurrentMap { _ -> Bool in
            guard let rendered = try? katex.render([KaTeX.Formula(tex: "x^2", display: false)], scratch: scratch),
                case .html(let html)? = rendered.first
            else { return false }
            return html.contains("katex")
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    static let page = """
        ---
        title: Math
        ---

        Inline $E = m c^2$ and a value: $F = `{swift} 4 * 1024`$ inside.

        $$\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}$$

        A price of $5 and $6 stays text, and `$x$` stays code.
        """

    @Test func inlineDisplayAndValuesRenderAsHTMLAndMathMLWithKaTeXsAssets() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.page])
        defer { study.remove() }
        _ = try study.build()
        let html = try study.read("site/index.html")
        // Inline: KaTeX's HTML with the TeX kept as MathML's annotation, no $ left.
        #expect(html.contains("<p>Inline <span class=\"katex\"><span class=\"katex-mathml\"><math "))
        #expect(html.contains("<annotation encoding=\"application/x-tex\">E = m c^2</annotation>"))
        // The value of 4 * 1024 = 4096, as the page prints numbers (4,096), set as text inside the formula.
        #expect(html.contains("<annotation encoding=\"application/x-tex\">F = \\text{4,096}</annotation>"))
        #expect(html.contains("<mtext>4,096</mtext>"))
        // Display math: one block of it, and the sum's TeX.
        #expect(html.components(separatedBy: "class=\"katex-display\"").count == 2)
        #expect(html.contains("\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}</annotation>"))
        // Dollars that are not math, and math inside code, stay as they are.
        #expect(html.contains("A price of $5 and $6 stays text, and <code>$x$</code> stays code."))
        #expect(!html.contains("<script"))
        // KaTeX's stylesheet is linked and copied with the WOFF2 fonts it names, and only those.
        #expect(html.contains("<link rel=\"stylesheet\" href=\"assets/katex/katex.min.css\">"))
        let css = try study.read("site/assets/katex/katex.min.css")
        let fonts = css.components(separatedBy: "url(").dropFirst().map { String($0.prefix { $0 != ")" }) }
        #expect(fonts.count > 10 && fonts.allSatisfy { $0.hasPrefix("fonts/") && $0.hasSuffix(".woff2") })
        for font in fonts {
            #expect(
                FileManager.default.fileExists(
                    atPath: study.root.appendingPathComponent("site/assets/katex/\(font)").path))
        }
    }

    @Test func aSelfContainedPageCarriesKaTeXsStylesheetWithItsFonts() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# Math\n\nSo $x^2$.\n"])
        defer { study.remove() }
        var options = study.options
        options.selfContained = true
        _ = try SiteBuild(options: options).run()
        let html = try study.read("site/index.html")
        #expect(!html.contains("assets/katex") && html.contains("url(data:font/woff2;base64,"))
        #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site/assets/katex").path))
    }

    @Test func aBadFormulaIsAnErrorAtItsLineAndColumnWithKaTeXsMessage() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": """
            ---
            title: Bad
            ---

            A good one, $a_1$, and then
            a bad one: $x + \\frac{1}{$ here, and $\\badmacro{y}$.
            """
        ])
        defer { study.remove() }
        do {
            _ = try study.build()
            Issue.record("the build should fail")
        } catch {
            let messages = error.diagnostics.map(\.description)
            // Line 6 of the file; the formula's TeX starts at column 13 (after "a bad one: $", 12 bytes) and KaTeX
            // stops at the end of its 13 bytes, "x + \frac{1}{": column 26.
            #expect(
                messages.contains {
                    $0.hasSuffix(
                        "index.md:6:26: error: LaTeX: Unexpected end of input in a macro argument, expected '}' at "
                            + "end of input: x + \\frac{1}{")
                })
            // The second: "\badmacro" starts its TeX, at column 39 (after "a bad one: " (11), the first formula
            // (15) and " here, and $" (12): 38 bytes); KaTeX's message marks it in its TeX.
            #expect(
                messages.contains {
                    $0.contains(
                        "index.md:6:39: error: LaTeX: Undefined control sequence: \\badmacro at position 1: ")
                })
            #expect(messages.count == 2)
        }
        #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site").path))
    }

    @Test func formulasAreCachedByTheirHash() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# Cached\n\nOne $a + b$, again $a + b$, and $$c$$\n"])
        defer { study.remove() }
        _ = try study.build()
        // Two distinct formulas (the repeated inline one and the display one): two cache files.
        let folder = study.root.appendingPathComponent(".planbook/cache/math")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }
        #expect(files.count == 2)
        // The next build takes a formula from its file: one altered there shows on the page.
        let inline = try #require(
            files.first { name in
                (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))?.contains(">a + b<")
                    == true
            })
        try Data("<span class=\"katex\">from the cache</span>".utf8).write(to: folder.appendingPathComponent(inline))
        // (Into another folder: the site itself is up to date, so a build into it would do nothing.)
        _ = try study.build(output: "again")
        let html = try study.read("again/index.html")
        #expect(html.components(separatedBy: "from the cache").count == 3)
    }
}
