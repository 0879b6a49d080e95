import Foundation
import Testing
@testable import PlanbookCore
import PlanKit

/// Plan blocks end to end: the real Swift compiler, the real PlanKit library, a real run.
@Suite(.serialized) struct NotebookTests {
    static let study = """
        ---
        title: Plan
        params:
          batch: 128
        ---
        ## Setup

        ```swift plan id=setup
        let model = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)
        let batch = param("batch", default: 64)
        let workload = Workload(batch: batch, sequenceLength: 10_000, precision: .bf16)
        let cluster = Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8)
        let proposed = try Deployment(model, workload, on: cluster, parallelism: .expert(16))
        print("first line")
        show(proposed.memory)
        print("second line")
        ```

        The batch is `{swift} batch` sequences and weights take `{swift} proposed.memory.weightsPerGPU` per GPU.

        ```swift plan echo=false
        show(proposed.dag(.layer(0)))
        claim("Weights per GPU", paper: 6.4e9, computed: proposed.memory.weightsPerGPU, tolerance: 0.05)
        claim("Decode throughput", paper: 450_000, computed: proposed.performance.decode.tokensPerSecond)
        ```
        """

    @Test func outputsAppearUnderTheirBlocksAndStateFlowsBetweenCells() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.study])
        defer { study.remove() }
        let summary = try study.build()
        #expect(summary.compiled == 1 && summary.ran == 1)
        let html = try study.read("site/index.html")
        // Block 1 shows outputs and sets no echo=: its outputs in the order made — print, table, print — then its code
        // folded under them (the study's default, echo=fold).
        let first = try #require(html.firstRange(of: "<pre class=\"output-text\">first line\n</pre>"))
        let table = try #require(html.firstRange(of: "<table class=\"plan-table\" id=\"tbl-setup\">"))
        let second = try #require(html.firstRange(of: "<pre class=\"output-text\">second line\n</pre>"))
        let fold = try #require(html.firstRange(of: "<details class=\"folded-code\"><summary>Code</summary>"))
        let code = try #require(html.firstRange(of: "<span class=\"tok-kw\">let</span> model = <span class=\"tok-type\">MoEModel</span>"))
        #expect(first.lowerBound < table.lowerBound && table.lowerBound < second.lowerBound)
        #expect(second.lowerBound < fold.lowerBound && fold.lowerBound < code.lowerBound)
        #expect(html.contains("<td>weights</td><td class=\"num\">6.44 GB</td>"))
        // Inline values: the front matter's batch (128, not the default 64), and a quantity with its unit.
        // 16 layers × (4·4096² attention + 4096·16 router + 1 expert × 2·4096·16384) = 3.22e9 parameters × 2 B = 6.44 GB.
        #expect(html.contains("The batch is <span class=\"inline-value\">128</span> sequences"))
        #expect(html.contains("weights take <span class=\"inline-value\">6.44 GB</span> per GPU"))
        // Block 2 (echo=false): no code, a DAG figure with downloads named after the block (plan-2), two claims.
        #expect(!html.contains("show(proposed.dag"))
        #expect(html.contains("<figure class=\"figure figure-drawing figure-wide\" id=\"fig-plan-2\""))
        #expect(FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site/index/plan-2.dot").path))
        // Each claim's card, where it is made, and the findings panel the page opens with: every claim's verdict,
        // linking to its card. 6.44 GB is 6.44 / 6.40 − 1 = 0.6 % (1 % rounded) above the paper's 6.40 GB, inside ±5 %.
        #expect(html.contains("<div class=\"claim verdict-holds\" id=\"claim-1\"><p class=\"claim-head\">"
            + "<span class=\"verdict\">holds</span> <span class=\"claim-label\">Weights per GPU</span></p>"
            + "<p class=\"claim-why\">computed 6.44 GB — 1 % above the paper&#39;s 6.40 GB, within ±5 %: reproduced</p></div>"))
        #expect(html.contains("<div class=\"claim verdict-not-reproduced\" id=\"claim-2\">"))
        let findings = try #require(html.firstRange(of: "<section class=\"pb-findings\" aria-labelledby=\"findings\">"))
        #expect(findings.lowerBound < first.lowerBound)
        #expect(html.contains("<h2 id=\"findings\">Findings</h2> <p class=\"pb-findings-tally\">1 of 2 claims holds; "
            + "1 is not reproduced</p>"))
        #expect(html.contains("<a class=\"finding-label\" href=\"#claim-2\">Decode throughput</a>"))
        #expect(summary.claims.map(\.claim.holds) == [true, false])
        // Front matter lines 1–5, heading 6, first fence 8, its 8 code lines 9–16, fence 17, prose 19, second
        // fence 21: its code starts on line 22, and the claims are its lines 2 and 3, report lines 23 and 24.
        #expect(summary.claims.map(\.line) == [23, 24])
    }

    @Test func theCacheCompilesAndRunsOnlyWhatChanged() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.study, "other.md": "```swift plan\nprint(1)\n```\n"])
        defer { study.remove() }
        var summary = try study.build()
        #expect((summary.compiled, summary.ran) == (2, 2))
        // Nothing changed: nothing compiles, nothing runs — the site is up to date.
        summary = try study.build()
        #expect(summary.upToDate && (summary.compiled, summary.ran) == (0, 0))
        // Into another folder (which the last build's stamp does not vouch for): built, from the cache.
        summary = try study.build(output: "other")
        #expect(!summary.upToDate && (summary.compiled, summary.ran) == (0, 0))
        #expect(summary.explanations.map(\.explanation) == [
            "reused: program, toolchain and parameters unchanged", "reused: program, toolchain and parameters unchanged",
        ])
        // A prose edit (which moves every line) compiles nothing and runs nothing.
        try study.write(Self.study.replacingOccurrences(of: "## Setup", with: "Intro.\n\nMore intro.\n\n## Setup"), to: "Reports/index.md")
        summary = try study.build()
        #expect((summary.compiled, summary.ran) == (0, 0))
        // A parameter change runs the cached program without compiling.
        var options = study.options
        options.parameters = [("batch", .int(256))]
        summary = try SiteBuild(options: options).run()
        #expect((summary.compiled, summary.ran) == (0, 2))
        #expect(try study.read("site/index.html").contains("The batch is <span class=\"inline-value\">256</span>"))
        // A code edit in one report compiles that report only.
        try study.write("```swift plan\nprint(2)\n```\n", to: "Reports/other.md")
        summary = try study.build()
        #expect((summary.compiled, summary.ran) == (1, 1))
        // --no-cache compiles and runs everything.
        options = study.options
        options.useCache = false
        summary = try SiteBuild(options: options).run()
        #expect((summary.compiled, summary.ran) == (2, 2))
    }

    /// Routing simulations are remembered in the cache between runs (a parameter change, another report): the program
    /// recalls the counts it would draw; a damaged memo is drawn again; `--no-cache` recalls nothing and replaces it.
    @Test func routingSimulationsAreRememberedBetweenRuns() throws {
        let report = """
            ```swift plan
            let simulation = RoutingSimulation(
                model: MoEModel(layers: 2, expertsPerLayer: 4, hidden: 64), tokens: 30_000, distribution: .zipf(1.0), seed: 5)
            print("counts \\(simulation.expertCounts) at batch \\(param("batch", default: 1))")
            ```
            """
        let study = try TemporaryStudy(reports: ["index.md": report])
        defer { study.remove() }
        let drawn = PlanKit.RoutingSimulation(
            model: MoEModel(layers: 2, expertsPerLayer: 4, hidden: 64), tokens: 30_000, distribution: .zipf(1.0), seed: 5)
        let expected = "counts \(drawn.expertCounts) at batch"
        let memo = study.root.appendingPathComponent(".planbook/cache/memo")
        func entries() -> [URL] {
            let folders = (try? FileManager.default.contentsOfDirectory(at: memo, includingPropertiesForKeys: nil)) ?? []
            return folders.flatMap {
                (try? FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil)) ?? []
            }
        }
        _ = try study.build()
        #expect(try study.read("site/index.html").contains("\(expected) 1"))
        // One entry: the one simulation, under the toolchain's folder.
        let entry = try #require(entries().first)
        #expect(entries().count == 1)
        // A parameter change runs the program again: it recalls the counts (the entry is not written anew, which
        // would rename a new file, of another inode, into its place).
        func inode() throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: entry.path)[.systemFileNumber] as? Int
        }
        let written = try inode()
        var options = study.options
        options.parameters = [("batch", .int(2))]
        #expect(try SiteBuild(options: options).run().ran == 1)
        #expect(try study.read("site/index.html").contains("\(expected) 2"))
        #expect(try inode() == written)
        // A damaged entry is not recalled: the program draws the counts again, and replaces the entry.
        let original = try String(contentsOf: entry, encoding: .utf8)
        try (original + "9").write(to: entry, atomically: false, encoding: .utf8)
        options.parameters = [("batch", .int(3))]
        _ = try SiteBuild(options: options).run()
        #expect(try study.read("site/index.html").contains("\(expected) 3"))
        #expect(try String(contentsOf: entry, encoding: .utf8) == original)
        // --no-cache recalls nothing: a well-formed entry (its key, the checksum of its body, the body) with other
        // counts — one pick moved from expert 0 to expert 1 — is not used, but drawn again and replaced.
        var counts = drawn.expertCounts
        counts[0][0] -= 1
        counts[0][1] += 1
        let body = (counts + drawn.rankings).map { $0.map(String.init).joined(separator: " ") }.joined(separator: "\n")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // 64-bit FNV-1a, as the runtime checks it
        for byte in body.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let checksum = String(repeating: "0", count: 16 - String(hash, radix: 16).count) + String(hash, radix: 16)
        let key = try #require(original.split(separator: "\n").first)
        try "\(key)\n\(checksum)\n\(body)".write(to: entry, atomically: false, encoding: .utf8)
        // Without --no-cache, that entry is recalled: the page shows the moved counts.
        options.parameters = [("batch", .int(4))]
        _ = try SiteBuild(options: options).run()
        #expect(try study.read("site/index.html").contains("counts \(counts) at batch 4"))
        options.useCache = false
        options.parameters = [("batch", .int(5))]
        _ = try SiteBuild(options: options).run()
        #expect(try study.read("site/index.html").contains("\(expected) 5"))
        #expect(try String(contentsOf: entry, encoding: .utf8) == original)
    }

    @Test func compileErrorsNameTheReportLineAndColumn() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "---\ntitle: T\n---\nText.\n\n```swift plan\nlet x = 1\nlet y: String = x\n```\n\nAnd `{swift} nowhere + 1`.\n",
        ])
        defer { study.remove() }
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        // Code starts on line 7; `x` in line 8 is at column 17. The inline expression is on line 11 at column 14
        // ("And `" puts the span's content at column 6; "{swift} " is 8 more).
        #expect(failure?.diagnostics.map(\.description) == [
            "Reports/index.md:8:17: error: cannot convert value of type 'Int' to specified type 'String'",
            "Reports/index.md:11:14: error: cannot find 'nowhere' in scope",
        ])
        #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site").path))
    }

    @Test func runtimeFailuresNameTheirStatement() throws {
        let study = try TemporaryStudy(reports: [
            "a-trap.md": "# A\n\n```swift plan\nlet a = [1, 2]\nprint(a[5])\n```\n",
            "b-throw.md": "```swift plan\nlet m = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)\nlet c = Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8)\nlet d = try Deployment(m, Workload(batch: 8, sequenceLength: 10), on: c, parallelism: .expert(3))\n```\n",
            "c-fatal.md": "```swift plan\nlet ok = 1\nfatalError(\"not modelled\")\n```\n",
            "d-expect.md": "```swift plan\nexpect(1 + 1 == 3, \"arithmetic holds\")\nexpect(true, \"fine\")\n```\n",
        ])
        defer { study.remove() }
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        let descriptions = failure?.diagnostics.map(\.description) ?? []
        #expect(descriptions.count == 4)
        // a-trap.md: the block's code starts on line 4; the stdlib's trap names no line, but the statement marker
        // before `print(a[5])` (cell line 2) does: report line 5.
        #expect(descriptions[0] == "Reports/a-trap.md:5:1: error: this statement stopped: Index out of range")
        // b-throw.md: code from line 2; `let d = try Deployment(…)` is cell line 3, report line 4.
        #expect(descriptions[1].hasPrefix("Reports/b-throw.md:4:1: error: this statement threw an error: EP=3 needs ep × tp × pp × dp = 3 GPUs"))
        // c-fatal.md: fatalError is on cell line 2 → report line 3.
        #expect(descriptions[2] == "Reports/c-fatal.md:3:1: error: fatal error: not modelled")
        #expect(descriptions[3] == "Reports/d-expect.md:2:1: error: expectation failed: arithmetic holds")
    }

    @Test func aBlockThatRunsTooLongIsStopped() throws {
        let study = try TemporaryStudy(reports: ["index.md": "```swift plan\nvar i = 0\nwhile true { i &+= 1 }\n```\n"])
        defer { study.remove() }
        var options = study.options
        options.timeout = .seconds(1)
        let failure = #expect(throws: BuildFailure.self) { try SiteBuild(options: options).run() }
        #expect(failure?.diagnostics.first?.description.hasPrefix(
            "Reports/index.md:3:1: error: the plan blocks did not finish within 1.0 seconds and were stopped in this statement") == true)
    }

    @Test func aParameterOfTheWrongTypeNamesBoth() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "---\nparams:\n  batch: 128\n---\n```swift plan\nlet b = param(\"batch\", default: 128)\nlet s = param(\"label\", default: 2.5)\n```\n",
        ])
        defer { study.remove() }
        var options = study.options
        options.parameters = [("batch", .string("lots")), ("label", .bool(true))]
        let failure = #expect(throws: BuildFailure.self) { try SiteBuild(options: options).run() }
        // Both values came from --param, so the problem is placed there, naming where the code read them.
        #expect(failure?.diagnostics.map(\.description) == [
            "--param batch: error: parameter `batch` is \"lots\" (String), which does not fit its default 128 (Int); give it an Int value (read at Reports/index.md:6)",
            "--param label: error: parameter `label` is true (Bool), which does not fit its default 2.5 (Double); give it a Double value (read at Reports/index.md:7)",
        ])
    }

    @Test func hugeOutputIsCutWithANote() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "```swift plan\nfor i in 0..<200_000 { print(\"line \\(i) of a very long output\") }\n```\n",
        ])
        defer { study.remove() }
        _ = try study.build()
        let html = try study.read("site/index.html")
        #expect(html.contains("… (output cut after 200 kB)"))
        #expect(html.utf8.count < 400_000)
    }
}

/// Swift files beside the reports are shared by every report's program.
@Suite struct SharedPlanCodeTests {
    @Test func everyReportSeesTheSharedDeclarationsAndParameters() throws {
        let study = try TemporaryStudy(reports: [
            "a.md": "```swift plan\nprint(hiddenSize * 2)\n```\n",
            "b.md": "Hidden is `{swift} hiddenSize`.\n",
        ])
        defer { study.remove() }
        try study.write("let hiddenSize = param(\"hidden\", default: 4096)\n", to: "Reports/study.swift")
        _ = try study.build()
        #expect(try study.read("site/a.html").contains("<pre class=\"output-text\">8192\n</pre>"))
        #expect(try study.read("site/b.html").contains("Hidden is <span class=\"inline-value\">4,096</span>."))
        // A change to the shared file compiles every report with plan code again.
        try study.write("let hiddenSize = param(\"hidden\", default: 2048)\n", to: "Reports/study.swift")
        let summary = try study.build()
        #expect(summary.compiled == 2)
        #expect(try study.read("site/b.html").contains("Hidden is <span class=\"inline-value\">2,048</span>."))
    }

    @Test func errorsInTheSharedFileNameIt() throws {
        let study = try TemporaryStudy(reports: ["a.md": "```swift plan\nprint(1)\n```\n"])
        defer { study.remove() }
        try study.write("// Shared.\nlet broken: Int = \"text\"\n", to: "Reports/study.swift")
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        // Line 2, column 19: the string literal after `let broken: Int = `.
        #expect(failure?.diagnostics.first?.description.hasPrefix("Reports/study.swift:2:19: error: cannot convert value of type 'String'") == true)
    }

    @Test func everyErrorInSeveralSharedFilesIsListedOnceInTheirOrder() throws {
        // Two shared files, each with an error in a declaration and one inside a function body: the library is one
        // whole-module compile, so all four are reported, once each, file by file (a compile split into jobs reported
        // the declarations' errors twice, in the order the jobs finished, and the bodies' not at all).
        let study = try TemporaryStudy(reports: ["a.md": "```swift plan\nprint(1)\n```\n"])
        defer { study.remove() }
        try study.write("let a: Int = \"x\"\nfunc f() { undefinedOne() }\n", to: "Reports/alpha.swift")
        try study.write("let b: String = 1\nfunc g() { undefinedTwo() }\n", to: "Reports/beta.swift")
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        // `"x"` starts at column 14 of `let a: Int = "x"`; `undefinedOne` at column 12 of `func f() { …`; `1` at
        // column 17 of `let b: String = 1`.
        #expect(failure?.diagnostics.map { "\($0.file):\($0.line):\($0.column)" } == [
            "Reports/alpha.swift:1:14", "Reports/alpha.swift:2:12", "Reports/beta.swift:1:17", "Reports/beta.swift:2:12",
        ])
    }
}

/// Charts a plan block shows: inline SVG with `.svg` and `.csv` downloads, named like graphs.
@Suite struct ChartOutputTests {
    @Test func aChartBecomesAFigureWithItsDataAsCSV() throws {
        let block = """
            ```swift plan id=sweep
            struct Tiny: Displayable {
                var display: Display {
                    .chart(svg: "<?xml version=\\"1.0\\"?>\\n<svg xmlns=\\"http://www.w3.org/2000/svg\\" width=\\"10\\" height=\\"10\\"><title id=\\"t\\">Tiny</title></svg>\\n",
                           title: "Tokens per second", data: DisplayTable(header: ["batch", "tokens/s"], rows: [["1", "1,000"], ["2", "2,000"]]))
                }
            }
            show(Tiny())
            show(Tiny())
            ```
            """
        let study = try TemporaryStudy(reports: ["index.md": block])
        defer { study.remove() }
        _ = try study.build()
        let html = try study.read("site/index.html")
        #expect(html.contains("<figure class=\"figure figure-chart\" id=\"fig-sweep\" style=\"--figure-width: 10px"))
        #expect(html.contains("<figure class=\"figure figure-chart\" id=\"fig-sweep-2\""))
        #expect(html.contains("<title id=\"sweep-2-t\">Tiny</title>"))
        #expect(html.contains("<a href=\"index/sweep.csv\">CSV</a>"))
        // CSV quotes the field with a comma; lines end with CRLF.
        #expect(try study.read("site/index/sweep.csv") == "batch,tokens/s\r\n1,\"1,000\"\r\n2,\"2,000\"\r\n")
        #expect(try study.read("site/index/sweep-2.svg").hasPrefix("<?xml"))
    }
}

/// A misspelt `--param` is read by no report: a warning says so.
@Suite struct UnreadParameterTests {
    @Test func aParameterNoReportReadsIsAWarning() throws {
        let study = try TemporaryStudy(reports: ["index.md": "```swift plan\nlet b = param(\"batch\", default: 1)\n```\n"])
        defer { study.remove() }
        var options = study.options
        options.parameters = [("bach", .int(256)), ("batch", .int(2))]
        let summary = try SiteBuild(options: options).run()
        #expect(summary.warnings.map(\.description) == [
            "--param bach: warning: no report reads the parameter `bach`, so it changes nothing; the parameters read are `batch`",
        ])
    }
}

/// Every page ends with its provenance.
@Suite struct ProvenanceTests {
    @Test func pagesListTheirSourcesParametersAndVersions() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "---\nparams:\n  batch: 256\n---\n```swift plan echo=fold\nlet b = param(\"batch\", default: 128)\nlet w = param(\"width\", default: 4096)\nprint(b + w)\n```\n",
            "plain.md": "# Plain\n",
        ])
        defer { study.remove() }
        _ = try study.build()
        let html = try study.read("site/index.html")
        #expect(html.contains("<h2 id=\"provenance\">Provenance</h2>"))
        #expect(html.contains("from <code>Reports/index.md</code> with the parameters below."))
        #expect(html.contains("<tr><td>batch</td><td class=\"num\">256</td><td>Int</td><td>front matter</td></tr>"))
        #expect(html.contains("<tr><td>width</td><td class=\"num\">4,096</td><td>Int</td><td>default in code</td></tr>"))
        #expect(html.contains("compiled by Swift version"))
        // echo=fold: output first, then the code under a <details>.
        let output = try #require(html.firstRange(of: "<pre class=\"output-text\">4352\n</pre>"))
        let folded = try #require(html.firstRange(of: "<details class=\"folded-code\"><summary>Code</summary>"))
        #expect(output.lowerBound < folded.lowerBound)
        let plain = try study.read("site/plain.html")
        #expect(plain.contains("from <code>Reports/plain.md</code>. Source hash"))
        #expect(!plain.contains("compiled by"))
        // The hash is SHA-256 of the sources and parameters: 64 hex digits, different for the two pages.
        let hashes = [html, plain].compactMap { page -> String? in
            guard let start = page.firstRange(of: "<code class=\"hash\">") else { return nil }
            return String(page[start.upperBound...].prefix(64))
        }
        #expect(hashes.count == 2 && hashes[0] != hashes[1] && hashes.allSatisfy { $0.allSatisfy(\.isHexDigit) })
    }
}

/// `show(deployment)`: a summary table and every figure of the plan as a JSON download.
@Suite struct PlanDownloadTests {
    @Test func aShownPlanCanBeDownloadedAsJSON() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": """
                ```swift plan id=ep
                let model = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)
                let cluster = Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8)
                show(try Deployment(model, Workload(batch: 128, sequenceLength: 10_000), on: cluster, parallelism: .expert(16)))
                ```
                """,
        ])
        defer { study.remove() }
        _ = try study.build()
        let html = try study.read("site/index.html")
        #expect(html.contains("<caption>Table 1: Plan EP=16</caption>"))
        #expect(html.contains("<a href=\"index/ep-plan.json\">Plan EP=16 as JSON (all its figures)</a>"))
        let data = try Data(contentsOf: study.root.appendingPathComponent("site/index/ep-plan.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(json.keys).isSuperset(of: ["model", "workload", "cluster", "parallelism", "dimensions", "communication", "memory", "performance", "expertsPerGPU"]))
        // Layer 3: GPU 5 holds expert 5 and nothing else (EP=16, one expert per GPU).
        let placement = try #require(json["expertsPerGPU"] as? [[[Int]]])
        #expect(placement[3][5] == [5])
        #expect(placement.count == 16 && placement[0].count == 16)
    }
}

/// Claims against a physical floor or ceiling.
@Suite struct BoundClaimTests {
    @Test func aPaperValueBelowItsFloorDoesNotHold() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "```swift plan\nclaim(\"TPOT\", paper: 2.2e-3, atLeast: Seconds(8.18e-3))\nclaim(\"Rate\", paper: 450_000, atMost: Rate.tokensPerSecond(1.31e6))\n```\n",
        ])
        defer { study.remove() }
        let summary = try study.build()
        // 2.2 ms is below the 8.18 ms floor: impossible. 450 k tokens/s is under the 1.31 M ceiling: possible.
        #expect(summary.claims.map(\.claim.holds) == [false, true])
        let html = try study.read("site/index.html")
        // The verdicts say which side of the bound the paper's value is, and by how much: 8.18 / 2.2 = 3.72×,
        // 1.31 M / 450 k = 2.91×.
        #expect(html.contains("<span class=\"verdict\">cannot hold</span> <span class=\"claim-label\">TPOT</span></p>"
            + "<p class=\"claim-why\">the paper&#39;s 2.20 ms is 3.72× below the floor of 8.18 ms, which no implementation "
            + "can beat</p>"))
        #expect(html.contains("<span class=\"verdict\">possible</span> <span class=\"claim-label\">Rate</span></p>"
            + "<p class=\"claim-why\">the paper&#39;s 450 k tokens/s is 2.91× below the ceiling of 1.31 M tokens/s: "
            + "physically possible</p>"))
        // In the findings, the computed column gives the bound.
        #expect(html.contains("<span class=\"finding-computed\">computed at least 8.18 ms</span>"))
    }
}

/// Issue 11: what is wrong is said where it is — the compiler's notes under their error, static problems before any
/// compile.
@Suite(.serialized) struct PlaceOfProblemTests {
    @Test func compilerNotesAreListedUnderTheirErrorAtTheirOwnLines() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "# Notes\n\n```swift plan\nlet m = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)\n"
                + "let c = Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8)\n"
                + "let d = Deployment(m, Workload(batch: 8, sequenceLength: 10), on: c, parallelism: .expert(16))\n```\n",
        ])
        defer { study.remove() }
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        // The call is on line 6 (code from line 4); `Deployment(` starts at column 9.
        let error = try #require(failure?.diagnostics.first)
        #expect(error.description.hasPrefix("Reports/index.md:6:9: error: call can throw but is not marked with 'try'"))
        // the fix-it the compiler draws under the note is spelled out
        let note = "Reports/index.md:6:9: note: did you mean to use 'try'? (fix: insert `try `)"
        #expect(error.notes.contains { $0.description == note })
        #expect(error.description.contains("\n" + note))
    }

    @Test func aStaticProblemCompilesAndRunsNothing() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "Uses `{swift} later`.\n\n```swift plan\nlet later = 1\n```\n",
            "other.md": "```swift plan\nprint(1)\n```\n",
        ])
        defer { study.remove() }
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        #expect(failure?.diagnostics.map(\.line) == [1])
        // Neither report was compiled: the cache holds no program, and no site was written.
        let programs = study.root.appendingPathComponent(".planbook/cache/programs")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: programs.path)) ?? []).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site").path))
        // A broken template, too, is found before anything is compiled.
        try study.write("let later = 1\n", to: "Reports/index.md")
        try study.write("{{#nav}}\n", to: "Templates/partials/nav.mustache")
        #expect(throws: BuildFailure.self) { try study.build() }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: programs.path)) ?? []).isEmpty)
    }
}
