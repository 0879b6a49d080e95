import ArgumentParser
import PlanbookCore

/// The `planbook` command: builds a study's Markdown reports into a static HTML site.
@main
struct Planbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planbook",
        abstract: "Build literate MoE deployment studies from Markdown into a static HTML site.",
        discussion: """
            Exit status: 0 success; 1 a report or template has problems or an expectation failed (each printed as \
            path:line:column: error: message); 64 bad command-line usage.
            """,
        version: PlanbookVersion.current,
        subcommands: [Build.self, Check.self, Bundle.self],
        defaultSubcommand: nil
    )
}
