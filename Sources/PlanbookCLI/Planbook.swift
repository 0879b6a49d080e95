import ArgumentParser
import Foundation
import PlanbookCore

/// The `planbook` command: builds a study's Markdown reports into a static HTML site.
@main
struct Planbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planbook",
        abstract: "Build literate MoE deployment studies from Markdown into a static HTML site.",
        discussion: """
            Exit status: 0 success; 1 a report, template or plan block has a problem or an expectation failed \
            (each printed as path:line:column: error: message); 2 bad command-line usage.
            """,
        subcommands: [
            Build.self, Check.self, Diff.self, Serve.self, Bundle.self, Pdf.self, New.self, Templates.self, Clean.self,
        ]
    )

    @Flag(help: "Print the versions of Planbook, PlanKit, the Swift compiler and Graphviz (with the pinned font).")
    var version = false

    /// `planbook --version` prints the versions, each with where it was found; `planbook` alone prints the help.
    func run() throws {
        guard version else {
            print(Self.helpMessage())
            return
        }
        PlanbookVersion.report().forEach { print($0) }
    }

    /// Runs the command; bad usage exits with status 2 (not swift-argument-parser's 64), as the README documents.
    static func main() async {
        // The watchdog runs this executable as its reaper when a build ends (see ChildGuard).
        if CommandLine.arguments.dropFirst().first == ChildGuard.reaperArgument {
            ChildGuard.reap(CommandLine.arguments.dropFirst(2).compactMap { pid_t($0) })
            return
        }
        // A launcher may start us with these blocked (a thread of libdispatch, say): then a kill or Ctrl-C would
        // not end the build. Unblocked, they end it, and ChildGuard ends the children with it.
        var termination = sigset_t()
        sigemptyset(&termination)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&termination, number) }
        pthread_sigmask(SIG_UNBLOCK, &termination, nil)
        do {
            var command = try parseAsRoot()
            ChildGuard.adoptOrphans(reaper: executablePath())
            if !(command is Serve) { ChildGuard.stopChildrenOnTermination() }
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                printToStandardError(fullMessage(for: error))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// The exit statuses of `planbook`.
enum ExitStatus {
    static let success: Int32 = 0
    static let problems: Int32 = 1
    static let usage: Int32 = 2
}

/// This process's executable, as the kernel names it (`/proc/self/exe`), else as it was started.
func executablePath() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}
