import ArgumentParser
import Foundation
import PlanbookCore

extension Planbook {
    /// `planbook templates`: which templates a study overrides, and `--eject` to write the built-in ones out.
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in templates and which the study overrides; --eject writes them out for editing.",
            discussion: """
                Planbook's look is built in. A study overrides it file by file: a file in its templates folder \
                (Templates/ unless --templates) replaces the built-in file of the same path, and new partials and \
                assets are added. --eject writes built-in files into that folder; a file the study already has is \
                kept unless --force.

                Examples:
                  planbook templates
                  planbook templates --eject style.css
                  planbook templates --eject partials/nav.mustache partials/footer.mustache
                  planbook templates --eject --force
                """
        )

        @Option(help: ArgumentHelp("The study's templates folder.", valueName: "dir"))
        var templates = "Templates"

        @Flag(help: "Write the built-in files (all, or the FILEs named) into the templates folder.")
        var eject = false

        @Flag(help: "With --eject, replace the study's own versions of those files.")
        var force = false

        @Argument(
            help: ArgumentHelp(
                "Built-in files to eject, by path (style.css, partials/nav.mustache).", valueName: "file"))
        var files: [String] = []

        func validate() throws {
            if !eject && (force || !files.isEmpty) {
                throw ValidationError("FILEs and --force go with --eject, e.g. planbook templates --eject style.css")
            }
        }

        func run() throws {
            let folder = BuildOptions().url(templates)
            if eject {
                do {
                    let outcomes = try BuiltInTemplates.eject(
                        into: folder, displayPath: templates, paths: files, force: force)
                    for (path, outcome) in outcomes {
                        switch outcome {
                        case .written: print("wrote      \(templates)/\(path)")
                        case .unchanged: print("unchanged  \(templates)/\(path) (the same as the built-in one)")
                        case .kept: print("kept       \(templates)/\(path) (the study's own; --force replaces it)")
                        }
                    }
                } catch {
                    Console(verbosity: .normal, json: false).diagnostics(error.diagnostics)
                    throw ExitCode.failure
                }
                return
            }
            let own = Set(TemplateFiles.paths(in: folder))
            for file in BuiltInTemplates.files {
                print(
                    own.contains(file.path)
                        ? "\(file.path)  (overridden by \(templates)/\(file.path))" : "\(file.path)  (built in)")
            }
            for path in own.sorted() where BuiltInTemplates.contents(of: path) == nil {
                print("\(path)  (the study's own, added)")
            }
        }
    }
}
