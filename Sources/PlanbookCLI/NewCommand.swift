import ArgumentParser
import Foundation
import PlanbookCore

extension Planbook {
    /// `planbook new NAME`: scaffolds a study that builds as it is.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new study folder with a starter report, the default templates and a .gitignore.",
            discussion: """
                Examples:
                  planbook new my-study && cd my-study && planbook build
                """
        )

        @Argument(help: "The folder to create.")
        var name: String

        func run() throws {
            let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name)
            do {
                try StudyScaffold.create(at: folder, templates: StudyScaffold.defaultTemplates())
            } catch {
                Console(verbosity: .normal, json: false).diagnostics(error.diagnostics)
                throw ExitCode.failure
            }
            print("Created \(name)/ with Reports/index.md, Templates/ and .gitignore.")
            print("Next: cd \(name) && planbook build")
        }
    }
}
