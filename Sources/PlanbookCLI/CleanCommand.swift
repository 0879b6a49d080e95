import ArgumentParser
import Foundation
import PlanbookCore

extension Planbook {
    /// `planbook clean`: removes the cache and the output folder — only what Planbook wrote.
    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the cache and the site Planbook wrote.",
            discussion: """
                Deletes .planbook/cache and the files of the output folder that its manifest lists (nothing else: \
                files you added to the output folder stay, and so does the folder if any remain).

                Examples:
                  planbook clean
                  planbook clean --out public
                """
        )

        @Option(help: "The site folder to clean.")
        var out = "site"

        func run() throws {
            let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let result = SiteCleaner.clean(
                output: current.appendingPathComponent(out), cache: current.appendingPathComponent(".planbook/cache"))
            print("Removed \(result.removedFiles) file(s) of \(out)/ and \(result.removedCache ? "the cache" : "no cache").")
            if !result.keptFiles.isEmpty {
                print("Kept \(result.keptFiles.count) file(s) in \(out)/ that Planbook did not write.")
            }
        }
    }
}
