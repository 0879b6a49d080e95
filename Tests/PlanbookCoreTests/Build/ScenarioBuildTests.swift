import Foundation
import Synchronization
import Testing

@testable import PlanbookCore

/// Scenarios declared in the index's front matter, built end to end: a copy of the study per scenario, the switcher,
/// the matrix, the errors of a bad declaration, and the same bytes every time.
@Suite struct ScenarioBuildTests {
    /// Two reports; `batch` and `gpu` are read by both (through the index's front matter and the code's default).
    ///
    /// TPOT = batch × 50 µs: 128 → 6.40 ms (paper 6.4 ms: ratio 1.00×, holds), 512 → 25.6 ms (4.00×, fails),
    /// 32 → 1.60 ms (0.250×, fails), 64 → 3.20 ms (0.500×, fails).
    static func index(_ frontMatter: String = defaultScenarios) -> String {
        """
        ---
        title: Scenario study
        \(frontMatter)
        ---

        ## Speed

        ```swift plan id=speed
        let batch = param("batch", default: 128)
        let gpu = param("gpu", default: "h100")
        let tpot = Seconds(Double(batch) * 5e-5)
        claim("TPOT", paper: 6.4e-3, computed: tpot)
        ```

        On `{swift} gpu`, each token takes `{swift headline="Time per token"} tpot`.

        ```dot id=layout
        digraph { a -> b }
        ```
        """
    }

    static let defaultScenarios = """
        scenarios:
          big: { batch: 512 }
          h200: { gpu: h200 }
        grid:
          batch: [32, 64]
        """

    static let other = """
        # Other

        ```swift plan
        let b = param("batch", default: 128)
        showTable(["what", "value"], [["sequences", b]], title: "Batch")
        ```
        """

    private func build(
        _ study: TemporaryStudy, progress: BuildProgress = .silent, useCache: Bool = true
    )
        throws(BuildFailure) -> SiteBuild.Summary
    {
        var options = study.options
        options.progress = progress
        options.useCache = useCache
        return try SiteBuild(options: options).run()
    }

    @Test func everyScenarioIsAFullCopyWhoseLinksResolve() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.index(), "other.md": Self.other])
        defer { study.remove() }
        let summary = try build(study)
        #expect(summary.scenarioLedgers.map(\.scenario) == ["big", "h200", "batch-32", "batch-64"])
        let files = Set(study.snapshot().keys)
        for name in ["big", "h200", "batch-32", "batch-64"] {
            for file in ["index.html", "other.html", "ledger.json", "index/layout.svg", "index/layout.dot"] {
                #expect(files.contains("scenarios/\(name)/\(file)"), "scenarios/\(name)/\(file)")
            }
        }
        #expect(files.contains("scenarios/index.html"))
        #expect(files.contains("ledger.json"))
        // Every relative link and stylesheet of every page resolves to a file of the site.
        for page in files.filter({ $0.hasSuffix(".html") }).sorted() {
            let html = try study.read("site/\(page)")
            for target in Self.links(in: html) {
                let resolved = Self.resolve(target, from: page)
                #expect(files.contains(resolved), "\(page) links to \(target) (\(resolved)), which is not there")
            }
        }
        // The switcher links each page to itself in the other scenarios, and back to the study's own.
        let big = try study.read("site/scenarios/big/other.html")
        #expect(big.contains("href=\"../../other.html\">study’s own parameters</a>"))
        #expect(big.contains("href=\"../../scenarios/h200/other.html\">h200"))
        #expect(big.contains("aria-current=\"page\">big"))
        #expect(big.contains("href=\"../../assets/style.css\""))
        let main = try study.read("site/other.html")
        #expect(main.contains("href=\"scenarios/batch-64/other.html\">batch-64"))
        // Each copy runs with its parameters and says so in its provenance.
        #expect(big.contains("<td>sequences</td><td class=\"num\">512</td>"))
        #expect(big.contains("<tr><td>batch</td><td class=\"num\">512</td><td>Int</td><td>scenario big</td></tr>"))
        #expect(main.contains("<td>sequences</td><td class=\"num\">128</td>"))
        // The copy's provenance names the toolchain its programs were compiled by, as the study's own page does.
        #expect(main.contains("compiled by Swift version"))
        #expect(big.contains("compiled by Swift version"))
        #expect(
            try study.read("site/scenarios/h200/index.html").contains("On <span class=\"inline-value\">h200</span>"))
    }

    @Test func theMatrixHoldsWhatTheScenarioPagesShow() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.index(), "other.md": Self.other])
        defer { study.remove() }
        _ = try build(study)
        let matrix = try study.read("site/scenarios/index.html")
        let folders = ["../", "big/", "h200/", "batch-32/", "batch-64/"]
        for folder in folders {
            let page = try study.read("site/scenarios/\(folder)index.html")
            // What the page shows: the claim card's verdict and the sentence with its computed value, and the inline
            // headline; the matrix links the same computed value and says the same verdict.
            let verdict = try #require(Self.between(page, "<span class=\"verdict\">", "</span>"))
            let why = try #require(Self.between(page, "<p class=\"claim-why\">", "</p>"))
            let inline = try #require(Self.between(page, "each token takes <span class=\"inline-value\">", "</span>"))
            let computed = try #require(Self.between(matrix, "<a href=\"\(folder)index.html#cell-speed\">", "</a>"))
            #expect(why.contains(computed), "\(folder): \(why)")
            #expect(
                matrix.contains(
                    "<a href=\"\(folder)index.html#cell-speed\">\(computed)</a><br><span class=\"pb-verdict "
                        + "\(verdict == "holds" ? "pb-holds" : "pb-fails")\">\(verdict)</span>"), "\(folder)")
            #expect(matrix.contains("<a href=\"\(folder)index.html#speed\">\(inline)</a>"), "\(folder)")
        }
        // 128 → 6.40 ms holds; 512 → 25.6 ms, 32 → 1.60 ms, 64 → 3.20 ms do not.
        #expect(matrix.contains(">25.6 ms</a>") && matrix.contains(">1.60 ms</a>") && matrix.contains(">3.20 ms</a>"))
        #expect(
            matrix.contains(
                "<tr><th scope=\"row\">Claims that hold</th><td>1 of 1</td><td>0 of 1</td><td>1 of 1</td>"
                    + "<td>0 of 1</td><td>0 of 1</td></tr>"))
        // A chart per headline: a line over the grid's batch (two points, 32 and 64), with its data as CSV.
        let csv = try study.read("site/scenarios/matrix/tpot.csv")
        #expect(csv.hasPrefix("series,batch,TPOT (s)\r\n"))
        #expect(csv.contains("TPOT,32,0.0016\r\n") && csv.contains("TPOT,64,0.0032\r\n"))
        #expect(study.snapshot().keys.contains("scenarios/matrix/time-per-token.svg"))
    }

    @Test func scenariosRunTheStudysProgramsAndShareItsLayouts() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.index()])
        defer { study.remove() }
        let lines = Mutex<[String]>([])
        let progress = BuildProgress { line in lines.withLock { $0.append(line) } }
        let summary = try build(study, progress: progress, useCache: false)
        let log = lines.withLock { $0 }
        // One compile for the study; the four scenarios run its program. The DOT is the same in every copy: one
        // layout, even without the cache.
        #expect(summary.compiled == 1)
        #expect(log.filter { $0.contains("Drawing") } == ["Drawing 1 figure(s) with Graphviz"])
        #expect(log.filter { $0.contains("Running the plan blocks") }.count == 5)
        #expect(log.contains("[big] [1/1] Running the plan blocks of Reports/index.md"))
        // With everything cached (a first build filled the cache; the second goes to another folder, so that it is
        // not simply up to date), nothing is said to run or be drawn, as nothing is.
        _ = try build(study)
        lines.withLock { $0 = [] }
        var options = study.options
        options.output = "other"
        options.progress = progress
        let cached = try SiteBuild(options: options).run()
        #expect(!cached.upToDate && cached.ran == 0)
        let cachedLog = lines.withLock { $0 }
        #expect(!cachedLog.contains { $0.contains("Running the plan blocks") || $0.contains("Drawing") }, "\(cachedLog)")
    }

    @Test func scenariosWhoseGraphsDifferOnlyInTooltipsAndLabelTextShareOneLayout() throws {
        // The graph's tooltip and its left-set label carry the batch (128; 512 in big; 32 and 64 in the grid): four
        // DOTs, one template, so one layout for the four copies, each drawing with its own numbers.
        let flow = """
            ---
            title: Flow
            scenarios:
              big: { batch: 512 }
            grid:
              batch: [32, 64]
            ---

            ```swift plan id=flow
            let batch = param("batch", default: 128)
            struct Flow: Displayable {
                let batch: Int
                var display: Display {
                    // 500 edges: a graph large enough for its label to be taken out of its layout.
                    let fan = (0..<500).map { "  a -> e\\($0)" }.joined(separator: "\\n")
                    return .graph(dot: \"\"\"
                        digraph { graph [label="Batch \\(batch) · shapes\\\\l", labeljust="l"]
                          edge [tooltip="[\\(batch), 4096]"]
                        \\(fan)
                        }
                        \"\"\", title: "Flow")
                }
            }
            show(Flow(batch: batch))
            ```
            """
        let study = try TemporaryStudy(reports: ["index.md": flow])
        defer { study.remove() }
        let lines = Mutex<[String]>([])
        _ = try build(study, progress: BuildProgress { line in lines.withLock { $0.append(line) } }, useCache: false)
        #expect(lines.withLock { $0 }.filter { $0.contains("Drawing") } == ["Drawing 1 figure(s) with Graphviz"])
        for (folder, batch) in [("", 128), ("scenarios/big/", 512), ("scenarios/batch-32/", 32)] {
            let drawing = try study.read("site/\(folder)index/flow.svg")
            #expect(drawing.contains("xlink:title=\"[\(batch), 4096]\""), "\(folder)")
            #expect(drawing.contains(">Batch \(batch) · shapes</text>"), "\(folder)")
            #expect(!drawing.contains("PB#"), "\(folder)")
        }
    }

    @Test func twoBuildsWithScenariosAreByteIdentical() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.index(), "other.md": Self.other])
        defer { study.remove() }
        _ = try study.build(output: "first")
        _ = try study.build(output: "second")
        let first = study.snapshot("first")
        #expect(first.keys.contains("scenarios/index.html"))
        #expect(first == study.snapshot("second"))
    }

    @Test func aBadScenarioIsAnErrorAtItsFrontMatterLine() throws {
        // Line 1 is `---`, 2 the title, 3 `scenarios:`.
        let cases: [(String, String)] = [
            (
                "scenarios:\n  big: { batchh: 512 }",
                "Reports/index.md:4:10: error: scenario `big` sets `batchh`, which no report reads, so it would change "
                    + "nothing; the parameters the reports read are `batch`, `gpu`"
            ),
            (
                "scenarios:\n  big: { batch: lots }",
                "Reports/index.md:4:17: error: scenario `big` sets `batch` to \"lots\" (String), but the reports read it "
                    + "as an Int (now 128); give it an Int value"
            ),
            (
                "grid:\n  batch: [32, 6.5]",
                "Reports/index.md:4:15: error: the grid sets `batch` to 6.5 (Double), but the reports read it as an Int "
                    + "(now 128); give it an Int value"
            ),
            (
                "grid:\n  batch: 32",
                "Reports/index.md:4:10: error: grid parameter `batch` must have a list of values, like `[32, 128, 512]`"
            ),
            (
                "scenarios:\n  \"no/slash\": { batch: 1 }",
                "Reports/index.md:4:3: error: a scenario's name may hold only letters, digits, `-`, `_` and `.`, like `h200`"
            ),
            (
                "scenarios: [big]",
                "Reports/index.md:3:12: error: `scenarios` must be a mapping of names to parameter sets"
            ),
            (
                "scenarios:\n  batch-32: { batch: 32 }\ngrid:\n  batch: [32]",
                "Reports/index.md:5:1: error: a scenario named `batch-32` is declared twice; give one another name"
            ),
        ]
        for (frontMatter, expected) in cases {
            let study = try TemporaryStudy(reports: ["index.md": Self.index(frontMatter)])
            defer { study.remove() }
            #expect(throws: BuildFailure.self) { try study.build() }
            do {
                _ = try study.build()
            } catch {
                #expect(
                    error.diagnostics.contains { $0.description.hasPrefix(expected) },
                    "\(frontMatter): \(error.diagnostics.map(\.description))")
            }
            #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site").path))
        }
        // A program that stops has not said what it reads: its error is the build's, not "no report reads `batch`".
        let stopping = Self.index().replacingOccurrences(
            of: "let tpot = ", with: "precondition(batch < 0, \"batch must be negative\")\nlet tpot = ")
        let stopped = try TemporaryStudy(reports: ["index.md": stopping])
        defer { stopped.remove() }
        do {
            _ = try stopped.build()
            Issue.record("a study whose program stopped was built")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.contains("batch must be negative") }, "\(messages)")
            #expect(!messages.contains { $0.contains("which no report reads") }, "\(messages)")
        }
        // Only the index declares scenarios.
        let elsewhere = try TemporaryStudy(reports: [
            "index.md": "# Index\n", "other.md": "---\nscenarios:\n  big: { batch: 512 }\n---\n# Other\n",
        ])
        defer { elsewhere.remove() }
        do {
            _ = try elsewhere.build()
            Issue.record("a scenario outside the index was accepted")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "Reports/other.md:2:1: error: `scenarios` declares scenarios of the whole study, so it belongs in the "
                        + "front matter of the study's index.md; move it there"
                ])
        }
    }

    // MARK: - Reading pages

    /// The `href` and `src` values of `html`, relative ones only, without fragments.
    static func links(in html: String) -> [String] {
        var links: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let target = String(rest[..<end])
                rest = rest[end...]
                guard !target.hasPrefix("#"), !target.contains(":") else { continue }
                links.append(String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]))
            }
        }
        return links.filter { !$0.isEmpty }
    }

    /// `target` as written on `page` (a path from the site's root), as a path from the root.
    static func resolve(_ target: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { parts = parts.dropLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    /// The text between the first `start` and the next `end` of `text`.
    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let from = text.range(of: start), let to = text[from.upperBound...].range(of: end) else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }
}
