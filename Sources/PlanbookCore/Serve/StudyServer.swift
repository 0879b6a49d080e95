import Foundation
import Synchronization

/// `planbook serve`: builds the study, serves the output folder over HTTP on loopback, rebuilds when a source is
/// saved, and reloads the open pages.
///
/// Rebuilds take the same path as `planbook build` (`SiteBuild`, with its cache, so only what changed is compiled
/// and run). A failed rebuild keeps the last good site and shows its problems over it, in the browser and on the
/// terminal; the next good rebuild clears them. Only files inside the output folder are ever read (see
/// `SiteFileResolver`).
public final class StudyServer: Sendable {
    /// What the server tells its caller: rebuild results and where it listens.
    public struct Events: Sendable {
        public var listening: @Sendable (String) -> Void
        public var rebuilt: @Sendable (Result<SiteBuild.Summary, BuildFailure>) -> Void

        public init(
            listening: @escaping @Sendable (String) -> Void,
            rebuilt: @escaping @Sendable (Result<SiteBuild.Summary, BuildFailure>) -> Void
        ) {
            self.listening = listening
            self.rebuilt = rebuilt
        }
    }

    private struct State {
        var version = 0
        var problems: [Diagnostic] = []
    }

    private let options: BuildOptions
    private let host: String
    private let port: UInt16
    private let events: Events
    private let state = Mutex(State())
    private let resolver: SiteFileResolver

    public init(options: BuildOptions, host: String, port: UInt16, events: Events) {
        self.options = options
        self.host = host
        self.port = port
        self.events = events
        self.resolver = SiteFileResolver(root: options.url(options.output))
    }

    /// Builds once, then serves and watches until the task is cancelled.
    public func run() async throws {
        rebuild()
        let server = PreviewHTTPServer(host: host, port: port) { [self] request in self.respond(to: request) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                while server.listeningPort == nil { try await Task.sleep(for: .milliseconds(10)) }
                self.events.listening("http://\(self.host):\(server.listeningPort ?? self.port)/")
            }
            group.addTask { try await self.watch() }
            try await group.next()
            try await group.next()
            try await group.next()
        }
    }

    /// Rebuilds the site the way `planbook build` does, and bumps the build number that open pages watch.
    @discardableResult
    public func rebuild() -> Result<SiteBuild.Summary, BuildFailure> {
        let result = Result { () throws(BuildFailure) in try SiteBuild(options: options).run() }
        state.withLock { state in
            state.version += 1
            switch result {
            case .success: state.problems = []
            case .failure(let failure): state.problems = failure.diagnostics
            }
        }
        events.rebuilt(result)
        return result
    }

    // MARK: - Watching

    private func watch() async throws {
        let watcher = StudyWatcher(folders: [options.url(options.reports), options.url(options.templates)])
        var last = watcher.fingerprint()
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(300))
            let now = watcher.fingerprint()
            guard now != last else { continue }
            // Let an editor finish writing before building.
            try await Task.sleep(for: .milliseconds(100))
            last = watcher.fingerprint()
            rebuild()
        }
    }

    // MARK: - Serving

    func respond(to request: HTTPRequestHead) -> PreviewHTTPServer.Response {
        let (version, problems) = state.withLock { ($0.version, $0.problems) }
        let rawPath = request.path
        let text = ("Content-Type", "text/plain; charset=utf-8")
        if rawPath == LiveReload.versionPath {
            return .init(status: 200, headers: [text, ("Cache-Control", "no-store")], body: Data(String(version).utf8))
        }
        switch resolver.file(forRawPath: rawPath) {
        case .failure(.outside):
            return .init(status: 400, headers: [text], body: Data("400: this path leaves the site folder\n".utf8))
        case .failure(.notFound):
            let page = LiveReload.inject(
                into: "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
                    + "<body><p>Nothing at \(HTML.escape(rawPath)).</p></body></html>",
                version: version, problems: problems)
            return .init(status: 404, headers: [("Content-Type", "text/html; charset=utf-8")], body: Data(page.utf8))
        case .success(let file):
            guard var data = try? Data(contentsOf: file) else { return .init(status: 404, headers: [text]) }
            if file.pathExtension == "html" {
                data = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), version: version, problems: problems).utf8)
            }
            return .init(
                status: 200, headers: [("Content-Type", SiteFileResolver.contentType(of: file)), ("Cache-Control", "no-store")],
                body: data)
        }
    }
}
