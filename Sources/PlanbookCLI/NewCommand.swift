import ArgumentParser
import Foundation
import PlanbookCore

extension Planbook {
    /// `planbook new NAME`: scaffolds a study that builds as it is.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new study folder with a starter report, the built-in templates and a .gitignore.",
            discussion: """
                Templates/ holds the built-in look written out for customising: edit any file, or delete the ones \
                you keep as they are (a study without a file uses the built-in one).

                Examples:
                  planbook new my-study && cd my-study && planbook build
                """
        )

        @Argument(help: "The folder to create.")
        var name: String

        func run() throws {
            let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name)
            do {
                try StudyScaffold.create(at: folder)
            } catch {
                Console(verbosity: .normal, json: false).diagnostics(error.diagnostics)
                throw ExitCode.failure
            }
            print("Created \(name)/ with Reports/index.md, Templates/ and .gitignore.")
            print("Next: cd \(name) && planbook build")
        }
    }
}
