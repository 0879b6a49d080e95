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
            let options = BuildOptions(output: out)
            let output = options.url(out)
            let result = SiteCleaner.clean(output: output, cache: options.url(options.cache))
            let folder = out.hasSuffix("/") ? out : out + "/"
            if result.removedFiles == 0 && !FileManager.default.fileExists(atPath: output.path) {
                print("No \(folder) here (nothing to clean there); removed \(result.removedCache ? "the cache" : "no cache").")
            } else {
                print("Removed \(result.removedFiles) file(s) of \(folder) and \(result.removedCache ? "the cache" : "no cache").")
            }
            if !result.keptFiles.isEmpty {
                print("Kept \(result.keptFiles.count) file(s) in \(out)/ that Planbook did not write.")
            }
        }
    }
}
