import ArgumentParser
import Dispatch
import Foundation
import PlanbookCore

extension Planbook {
    /// `planbook serve`: build, serve on loopback, rebuild on save, reload the browser.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site, serve it, and rebuild and reload pages when a report or template is saved.",
            discussion: """
                Serves only the output folder, on 127.0.0.1 by default. Rebuilds take the same path as \
                `planbook build` (and its cache). A failed rebuild keeps serving the last good pages, with the \
                problems shown over them and printed here. The reload script is added to served pages only, \
                never to the site's files. Stop with Ctrl-C.

                Examples:
                  planbook serve
                  planbook serve --port 8080 --param batch=256
                """
        )

        @OptionGroup var study: StudyOptions

        @Option(help: "Folder to build the site into and serve.")
        var out = "site"

        @Option(help: "Port to listen on (0 picks a free one).")
        var port: Int = 8000

        @Option(help: "Address to listen on; keep the loopback default unless you mean to share the site.")
        var host = "127.0.0.1"

        @Flag(help: "Write into an output folder that holds files Planbook did not write (they are kept).")
        var force = false

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        }

        func run() async throws {
            var options = study.buildOptions()
            options.output = out
            options.force = force
            let console = study.console
            let server = StudyServer(
                options: options, host: host, port: UInt16(port),
                events: .init(
                    listening: { url in console.summary("Serving \(url) — Ctrl-C to stop.") },
                    rebuilt: { result in
                        switch result {
                        case .success(let summary): console.summary(Build.summaryLine(summary))
                        case .failure(let failure):
                            console.diagnostics(failure.diagnostics)
                            printToStandardError(Console.coloured(
                                "error: rebuild failed with \(failure.diagnostics.count) problem(s); still serving the last good site"))
                        }
                    }))
            let task = Task { try await server.run() }
            signal(SIGINT, SIG_IGN)
            let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .main)
            interrupt.setEventHandler { task.cancel() }
            interrupt.resume()
            do {
                try await task.value
            } catch is CancellationError {
                console.summary("Stopped.")
            } catch {
                if Task.isCancelled || task.isCancelled {
                    console.summary("Stopped.")
                    return
                }
                printToStandardError("error: could not serve on \(host):\(port): \(error)")
                throw ExitCode.failure
            }
        }
    }
}
