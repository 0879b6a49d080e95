import Foundation
import PlanbookCore
import Testing

/// `planbook diff` as users run it, in a git repository made for the test: commit a study, change it, and compare.
@Suite(.serialized) struct DiffCommandTests {
    /// The study: a table, a claim and inline values in two sections, all from `batch`.
    ///
    /// At batch 128: the KV cache is 2e8 B × 128 = 25.6 GB; weights 6.00 GB; TPOT 128 × 80 µs = 10.24 ms, shown
    /// "10.2 ms"; the claim's paper value 11.0 ms, ratio 10.24 / 11 = 0.931×, within ±10 %: it holds.
    static func report(
        batch: Int = 128, memoryHeading: String = "Memory", prose: String = "The KV cache takes",
        extraBlock: String = ""
    ) -> String {
        """
        ---
        title: Test study
        params:
          batch: \(batch)
        ---

        ## \(memoryHeading)

        ```swift plan id=setup
        let batch = param("batch", default: 1)
        let total = Bytes(2e8) * Double(batch)
        showTable(["what", "per GPU"], [["KV cache", total], ["weights", Bytes(6e9)]], title: "Memory")
        ```

        \(prose) `{swift} total` in all.
        \(extraBlock)
        ## Speed

        ```swift plan
        let tpot = Seconds(Double(batch) * 8e-5)
        claim("TPOT", paper: 0.011, computed: tpot, tolerance: 0.1)
        ```

        Each token takes `{swift} tpot`, and the batch is `{swift} batch` sequences.

        """
    }

    /// A git repository holding the study, one commit made.
    private struct Repository {
        let root: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-diff-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("Reports"), withIntermediateDirectories: true)
            try git("init", "-q", ".")
            try Data(".planbook/\n".utf8).write(to: root.appendingPathComponent(".gitignore"))
            try write(DiffCommandTests.report())
            try commit("the study")
        }

        func write(_ report: String) throws {
            try Data(report.utf8).write(to: root.appendingPathComponent("Reports/index.md"))
        }

        func commit(_ message: String) throws {
            try git("add", "-A")
            try git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", message)
        }

        @discardableResult
        func git(_ arguments: String...) throws -> String {
            let result = try ChildProcess.run("git", ["-C", root.path] + arguments)
            #expect(result.termination == .exited(0), "git \(arguments.joined(separator: " ")): \(result.errorText)")
            return String(decoding: result.standardOutput, as: UTF8.self)
        }

        func planbook(_ arguments: [String]) throws -> (status: ChildOutput.Termination, out: String, err: String) {
            let result = try PlanbookExecutable.run(arguments, in: root)
            return (result.termination, String(decoding: result.standardOutput, as: UTF8.self), result.errorText)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// The JSON of `planbook diff --json`, and its numbers flattened.
    private func parse(_ json: String) throws -> (report: [String: Any], numbers: [[String: Any]]) {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pages = try #require(report["pages"] as? [[String: Any]])
        return (report, pages.flatMap { ($0["numbers"] as? [[String: Any]]) ?? [] })
    }

    @Test func aParameterChangeListsExactlyTheNumbersItMovedAndTheFlippedVerdict() throws {
        let repository = try Repository()
        defer { repository.remove() }
        // Batch 160: KV 2e8 × 160 = 32.0 GB; TPOT 160 × 80 µs = 12.8 ms; ratio 12.8 / 11 = 1.16×, outside ±10 %.
        try repository.write(Self.report(batch: 160))
        let text = try repository.planbook(["diff", "-q"])
        #expect(text.status == .exited(0))
        #expect(text.out.contains("VERDICTS THAT FLIPPED (1)"))
        // In the card's words: outside its tolerance, and no bound, the paper's value is "not reproduced".
        #expect(text.out.contains("!! Test study · “TPOT”: holds → NOT REPRODUCED (computed 10.2 ms → 12.8 ms)"))
        // Flipped verdicts come before the pages.
        let flipAt = try #require(text.out.range(of: "VERDICTS THAT FLIPPED"))
        let pageAt = try #require(text.out.range(of: "Test study (index)"))
        #expect(flipAt.lowerBound < pageAt.lowerBound)
        #expect(text.out.contains("§ Memory · Table 1 “Memory”, row “KV cache”, column “per GPU”"))
        // 32.0 / 25.6 = 1.25: +25 %.
        #expect(text.out.contains("25.6 GB → 32.0 GB   1.25×   +25.0 %"))
        #expect(text.out.contains("§ Speed · “Each token takes 12.8 ms, and the batch is 160 sequences.”"))
        // 12.8 / 10.24 = 1.25; the ratio 1.1636 / 0.93091 = 1.25 too; the batch 160 / 128 = 1.25.
        #expect(text.out.contains("10.2 ms → 12.8 ms   1.25×   +25.0 %"))
        #expect(text.out.contains("0.931× → 1.16×   1.25×   +25.0 %"))
        #expect(text.out.contains("128 → 160   1.25×   +25.0 %"))
        // Changed: the table's KV cache, the inline total, the claim's computed value and ratio, the inline TPOT and
        // batch. Unchanged: the weights and the claim's paper value.
        #expect(text.out.contains("6 numbers changed; 1 verdict flipped (2 unchanged)."))
        #expect(!text.out.contains("weights"))

        let json = try repository.planbook(["diff", "-q", "--json"])
        let (report, numbers) = try parse(json.out)
        #expect(
            report["from"] as? String
                == "HEAD (\(try repository.git("rev-parse", "--short=7", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)))"
        )
        #expect(report["to"] as? String == "the working tree")
        #expect(numbers.count == 6)
        #expect(Set(numbers.compactMap { $0["status"] as? String }) == ["changed"])
        let kv = try #require(numbers.first { $0["key"] as? String == "tbl-setup / KV cache / per GPU" })
        #expect((kv["old"] as? [String: Any])?["value"] as? Double == 25.6e9)
        #expect((kv["new"] as? [String: Any])?["value"] as? Double == 32e9)
        #expect((kv["new"] as? [String: Any])?["unit"] as? String == "B")
        #expect(abs((kv["ratio"] as? Double ?? 0) - 1.25) < 1e-12)
        #expect(kv["section"] as? String == "Memory")
        // A table cell's table (its id: the block's, `setup`), row and column, apart.
        #expect(kv["table"] as? String == "tbl-setup" && kv["row"] as? String == "KV cache")
        #expect(kv["column"] as? String == "per GPU")
        let flipped = try #require(report["flipped"] as? [[String: Any]])
        #expect(flipped.count == 1)
        #expect((flipped.first?["old"] as? [String: Any])?["holds"] as? Bool == true)
        #expect((flipped.first?["new"] as? [String: Any])?["holds"] as? Bool == false)
        #expect((flipped.first?["old"] as? [String: Any])?["verdict"] as? String == "holds")
        #expect((flipped.first?["new"] as? [String: Any])?["verdict"] as? String == "not reproduced")
        #expect((report["counts"] as? [String: Any])?["unchanged"] as? Int == 2)

        let all = try parse(try repository.planbook(["diff", "-q", "--json", "--all"]).out).numbers
        #expect(all.count == 8)

        let markdown = try repository.planbook(["diff", "-q", "--md"])
        #expect(markdown.status == .exited(0))
        let rows = markdown.out.split(separator: "\n").filter { $0.hasPrefix("|") }
        // Two tables: the flipped verdict (header, rule, 1 row) and the page (header, rule, 6 rows); every row has
        // the columns of its header.
        #expect(rows.count == 3 + 8)
        for row in rows { #expect(row.split(separator: "|", omittingEmptySubsequences: false).count == 7) }
        #expect(markdown.out.contains("| TPOT | Test study | holds | **not reproduced** | 10.2 ms → 12.8 ms |"))
        #expect(
            markdown.out.contains(
                "| § Memory · Table 1 “Memory”, row “KV cache”, column “per GPU” | 25.6 GB | 32.0 GB | 1.25× | +25.0 % |"
            ))

        #expect(try repository.planbook(["diff", "-q", "--exit-code"]).status == .exited(1))
        // Under a 30 % tolerance every change (25 %) is none; the verdict still flipped, which is a difference.
        let tolerant = try repository.planbook(["diff", "-q", "--tolerance", "30%", "--exit-code"])
        #expect(tolerant.out.contains("No number changed; 1 verdict flipped (8 unchanged)."))
        #expect(tolerant.status == .exited(1))
    }

    @Test func proseEditsAddedBlocksAndRenamedSectionsChangeNoNumber() throws {
        let repository = try Repository()
        defer { repository.remove() }
        try repository.write(Self.report(prose: "In this sentence, rewritten, the KV cache of every sequence takes"))
        let prose = try repository.planbook(["diff", "-q", "--exit-code"])
        #expect(prose.status == .exited(0))
        #expect(prose.out.contains("No number changed (8 unchanged)."))

        // A section renamed: the inline value under it is found by its expression.
        try repository.write(Self.report(memoryHeading: "Memory per GPU"))
        let renamed = try repository.planbook(["diff", "-q", "--exit-code"])
        #expect(renamed.status == .exited(0), "\(renamed.out)")

        // A block added above the others: its numbers appear, nothing else moves.
        let block = "\n```swift plan\nshowTable([\"extra\", \"value\"], [[\"GPUs\", 16]])\n```\n"
        try repository.write(Self.report(extraBlock: block))
        let added = try repository.planbook(["diff", "-q", "--json", "--exit-code"])
        #expect(added.status == .exited(1))
        let (report, numbers) = try parse(added.out)
        #expect(numbers.count == 1)
        #expect(numbers.first?["status"] as? String == "appeared")
        #expect(numbers.first?["key"] as? String == "columns extra, value / GPUs / value")
        #expect((report["counts"] as? [String: Any])?["unchanged"] as? Int == 8)
    }

    @Test func revisionsAndBuiltSitesCompareAndAFolderCarriesItsLedger() throws {
        let repository = try Repository()
        defer { repository.remove() }
        #expect(try repository.planbook(["build", "-q", "--out", "before"]).status == .exited(0))
        try repository.write(Self.report(batch: 160))
        try repository.commit("batch 160")
        // HEAD~1 against HEAD, both built from git; and the site built before against the working tree.
        let revisions = try repository.planbook(["diff", "-q", "HEAD~1", "HEAD"])
        #expect(revisions.out.contains("6 numbers changed; 1 verdict flipped (2 unchanged)."))
        // Compared again, each revision's program and run come from the study's cache: nothing is compiled or run,
        // and the cost of each build is said, named by its revision.
        let again = try repository.planbook(["diff", "HEAD~1", "HEAD", "--explain"])
        #expect(again.err.contains("[HEAD~1] Numbers of 1 page(s) in ") && again.err.contains("[HEAD] Numbers of 1 page"))
        #expect(again.err.components(separatedBy: "plan programs compiled 0, run 0, reused from cache 1.").count == 3)
        #expect(again.err.contains("] Reports/index.md: "), "the --explain line of each revision")
        let site = try repository.planbook(["diff", "-q", "before"])
        #expect(site.out.contains("Comparing before/ → the working tree"))
        #expect(site.out.contains("6 numbers changed; 1 verdict flipped (2 unchanged)."))
        // The repository is as it was (`before/` went into the second commit): no worktree, index change or file
        // left behind.
        #expect(try repository.git("status", "--porcelain") == "")
        #expect(try repository.git("worktree", "list").split(separator: "\n").count == 1)
        let bad = try repository.planbook(["diff", "-q", "no-such-revision"])
        #expect(bad.status == .exited(1))
        #expect(bad.err.contains("no-such-revision: error: not a built site folder"))
    }
}
