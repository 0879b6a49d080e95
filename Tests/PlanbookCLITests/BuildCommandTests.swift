import Foundation
import Testing
import PlanbookCore

/// `planbook` as users run it: the built executable, in a study folder, with its exit status and its output.
@Suite struct BuildCommandTests {
    private func makeStudy(_ reports: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        for (name, text) in reports {
            try Data(text.utf8).write(to: root.appendingPathComponent("Reports/\(name)"))
        }
        return root
    }

    private func planbook(_ arguments: [String], in folder: URL) throws -> (status: ChildOutput.Termination, out: String, err: String) {
        let result = try PlanbookExecutable.run(arguments, in: folder)
        return (result.termination, String(decoding: result.standardOutput, as: UTF8.self), result.errorText)
    }

    @Test func buildWritesTheSiteAndSaysWhere() throws {
        let root = try makeStudy(["index.md": "---\ntitle: Hello\n---\n## Part\n\n```dot\ndigraph { a -> b }\n```\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try planbook(["build"], in: root)
        #expect(result.status == .exited(0))
        #expect(result.out.contains("Built 1 page(s) and 1 figure(s) in "))
        #expect(result.out.contains(": plan programs compiled 0, run 0, reused from cache 0."))
        #expect(result.out.contains("site/index.html"))
        let html = try String(contentsOf: root.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(html.contains("<h1 class=\"pb-title\">Hello</h1>"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/index/figure-1.svg").path))
        // Again, with nothing changed: nothing to do, said so, and said so in the JSON result.
        let again = try planbook(["build"], in: root)
        #expect(again.status == .exited(0))
        #expect(again.out.contains("Up to date: nothing changed since the last build of 1 page(s) (checked in "))
        let json = try planbook(["build", "--json"], in: root)
        #expect(json.out.contains("\"upToDate\" : true"))
    }

    @Test func errorsUseTheCompilerFormatAndExitNonZero() throws {
        let root = try makeStudy(["index.md": "---\ntitle: A\nauthor: me\n---\n\n```dot\ndigraph { a -> }\n```\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try planbook(["build", "--out", "public"], in: root)
        #expect(result.status == .exited(1))
        // Unknown key on line 3. A problem found while reading ends the build before anything is compiled or drawn,
        // so the DOT's syntax error (file line 7) is found once the front matter is mended.
        #expect(result.err.contains("Reports/index.md:3:1: error: unknown front-matter key `author`"))
        #expect(!result.err.contains("Graphviz"))
        #expect(result.err.contains("error: build failed with 1 problem(s); public/ was left as it was"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    @Test func optionsNameOtherFolders() throws {
        let root = try makeStudy([:])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try Data("# Docs\n".utf8).write(to: root.appendingPathComponent("docs/index.md"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("look"), withIntermediateDirectories: true)
        try Data("body { color: teal; }\n".utf8).write(to: root.appendingPathComponent("look/style.css"))
        let result = try planbook(["build", "--reports", "docs", "--templates", "look", "--out", "www"], in: root)
        #expect(result.status == .exited(0))
        let css = try String(contentsOf: root.appendingPathComponent("www/assets/style.css"), encoding: .utf8)
        #expect(css == "body { color: teal; }\n")
        // A templates folder the user names must exist; the default one may be absent.
        let missing = try planbook(["build", "--reports", "docs", "--templates", "looks", "--out", "www"], in: root)
        #expect(missing.status == .exited(1))
        #expect(missing.err.contains("looks: error: no templates folder here"))
    }

    @Test func helpListsTheOptions() throws {
        let result = try planbook(["build", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == .exited(0))
        for option in ["--reports", "--templates", "--out", "--force"] {
            #expect(result.out.contains(option))
        }
    }

    @Test func badUsageExitsWithStatusTwo() throws {
        let result = try planbook(["build", "--nope"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == .exited(2))
        #expect(result.err.contains("Unknown option '--nope'"))
    }
}

/// `planbook check`: runs everything, writes nothing, exits by expectations (and claims with --strict).
@Suite struct CheckCommandTests {
    private func study(_ report: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        try Data(report.utf8).write(to: root.appendingPathComponent("Reports/index.md"))
        return root
    }

    private func run(_ arguments: [String], in folder: URL) throws -> ChildOutput {
        try PlanbookExecutable.run(arguments, in: folder)
    }

    @Test func aClaimThatDoesNotHoldFailsOnlyWithStrict() throws {
        // Paper 450,000 against computed 120,000: ratio 0.267, far outside ±10 %.
        let root = try study("```swift plan\nclaim(\"Throughput\", paper: 450_000, computed: 120_000)\n```\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let lenient = try run(["check"], in: root)
        #expect(lenient.termination == .exited(0))
        let out = String(decoding: lenient.standardOutput, as: UTF8.self)
        #expect(out.contains("Reports/index.md:2:1: warning: claim does not hold: Throughput: paper 450,000, computed 120,000 (ratio 0.267×, tolerance ±10 %)"))
        #expect(out.contains("0 of 1 claim(s) hold"))
        let strict = try run(["check", "--strict"], in: root)
        #expect(strict.termination == .exited(1))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    @Test func aFailedExpectationFailsCheckAndBuild() throws {
        let root = try study("# T\n\n```swift plan\nexpect(2 > 3, \"two exceeds three\")\n```\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let check = try run(["check"], in: root)
        #expect(check.termination == .exited(1))
        #expect(check.errorText.contains("Reports/index.md:4:1: error: expectation failed: two exceeds three"))
        let build = try run(["build"], in: root)
        #expect(build.termination == .exited(1))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    @Test func parametersComeFromTheCommandLine() throws {
        let root = try study("---\nparams:\n  batch: 128\n---\n```swift plan\nlet b = param(\"batch\", default: 1)\nexpect(b == 256, \"batch is 256\")\n```\n")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try run(["check"], in: root).termination == .exited(1))
        #expect(try run(["check", "--param", "batch=256"], in: root).termination == .exited(0))
        let bad = try run(["check", "--param", "batch"], in: root)
        #expect(bad.termination == .exited(2))
        #expect(bad.errorText.contains("--param takes name=value"))
    }
}

/// The rest of the command line: new, clean, --json, --quiet, help.
@Suite struct CommandLineTests {
    private func run(_ arguments: [String], in folder: URL) throws -> ChildOutput {
        try PlanbookExecutable.run(arguments, in: folder)
    }

    @Test func newMakesAStudyThatBuildsAsItIsAndCleanRemovesOnlyWhatPlanbookWrote() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        #expect(try run(["new", "study"], in: parent).termination == .exited(0))
        let study = parent.appendingPathComponent("study")
        for file in ["Reports/index.md", "Templates/page.mustache", "Templates/style.css", ".gitignore"] {
            #expect(FileManager.default.fileExists(atPath: study.appendingPathComponent(file).path))
        }
        // A second `new` into the same folder is refused.
        #expect(try run(["new", "study"], in: parent).termination == .exited(1))
        let build = try run(["build", "--json"], in: study)
        #expect(build.termination == .exited(0))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(build.standardOutput)) as? [String: Any])
        #expect(json["ok"] as? Bool == true)
        #expect(json["pages"] as? [String] == ["index.html"])
        #expect(json["compiled"] as? Int == 1)
        // The starter plan shows a deployment: its JSON download is there.
        #expect(FileManager.default.fileExists(atPath: study.appendingPathComponent("site/index/plan-plan.json").path))
        try Data("mine".utf8).write(to: study.appendingPathComponent("site/notes.txt"))
        let clean = try run(["clean"], in: study)
        #expect(clean.termination == .exited(0))
        #expect(!FileManager.default.fileExists(atPath: study.appendingPathComponent("site/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: study.appendingPathComponent(".planbook").path))
        #expect(try String(contentsOf: study.appendingPathComponent("site/notes.txt"), encoding: .utf8) == "mine")
        #expect(FileManager.default.fileExists(atPath: study.appendingPathComponent("Reports/index.md").path))
        // An absolute --out is the same folder for build and clean.
        let elsewhere = parent.appendingPathComponent("published")
        #expect(try run(["build", "-q", "--out", elsewhere.path], in: study).termination == .exited(0))
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("index.html").path))
        #expect(try run(["clean", "--out", elsewhere.path], in: study).termination == .exited(0))
        #expect(!FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("index.html").path))
    }

    @Test func quietPrintsNothingAndJSONReportsProblems() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-quiet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("# Fine\n".utf8).write(to: root.appendingPathComponent("Reports/index.md"))
        let quiet = try run(["build", "--quiet"], in: root)
        #expect(quiet.termination == .exited(0))
        #expect(quiet.standardOutput.isEmpty && quiet.standardError.isEmpty)
        try Data("---\ncolour: red\n---\n".utf8).write(to: root.appendingPathComponent("Reports/index.md"))
        let failed = try run(["check", "--json"], in: root)
        #expect(failed.termination == .exited(1))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(failed.standardOutput)) as? [String: Any])
        #expect(json["ok"] as? Bool == false)
        let problem = try #require((json["problems"] as? [[String: Any]])?.first)
        #expect(problem["file"] as? String == "Reports/index.md")
        #expect(problem["line"] as? Int == 2)
        // Not a terminal: no colour codes.
        #expect(!failed.errorText.contains("\u{1B}["))
    }

    @Test func everySubcommandHasHelpWithExamples() throws {
        for command in ["build", "check", "bundle", "new", "templates", "clean"] {
            let help = try run([command, "--help"], in: FileManager.default.temporaryDirectory)
            #expect(help.termination == .exited(0))
            #expect(String(decoding: help.standardOutput, as: UTF8.self).contains("Examples:"))
        }
        let top = try run(["--help"], in: FileManager.default.temporaryDirectory)
        let text = String(decoding: top.standardOutput, as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("2 bad command-line usage"))
    }
}
