import ArgumentParser
import Foundation
import PlanbookCore

extension Planbook {
    /// `planbook clean`: removes the cache and the output folder — only what Planbook wrote.
    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the cache and the site Planbook wrote.",
            discussion: """
                Deletes .planbook/cache and the files of the output folder that its manifest lists and that still \
                hold what Planbook wrote (nothing else: files you added or edited stay, and so does the folder if \
                any remain; nothing is deleted through a symbolic link), and the scratch folders a killed build \
                left beside it.

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
                let shown = result.keptFiles.prefix(5).joined(separator: ", ")
                print("Kept \(result.keptFiles.count) entr\(result.keptFiles.count == 1 ? "y" : "ies") in \(folder) that "
                    + "Planbook did not write or that changed since it wrote them: \(shown)"
                    + (result.keptFiles.count > 5 ? ", …" : "") + ".")
            }
            for note in result.notes { print("Note: \(note).") }
        }
    }
}
