import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// The HTTP/1.1 server under `planbook serve`: static responses on FlyingSocks' non-blocking sockets, with the
/// limits a server must have so that no client can stall it.
///
/// FlyingFox's own `HTTPServer` reads a request line byte by byte into a growing string (16 KB took 0.12 s, 256 KB
/// 29.6 s, at full CPU) and has no limit on lines, headers or how long a client may take. This server reads a
/// request's head with `HTTPRequestHead.Scanner` — each byte looked at once, the request line capped at 8 KB (414)
/// and the header fields at 8 KB (431) — within a deadline (a client that sends too slowly gets 408), answers `GET`
/// and `HEAD` (without a body) and every other method with 405, keeps connections alive between requests for a
/// while, and takes at most `Limits.connections` clients at once (more get 503).
public final class PreviewHTTPServer: Sendable {
    /// How much a client may send, and how long it may take.
    public struct Limits: Sendable {
        public var requestLine = 8_192
        public var headers = 8_192
        /// From a request's first byte to its blank line.
        public var head = Duration.seconds(10)
        /// How long an idle kept-alive connection stays open.
        public var idle = Duration.seconds(15)
        /// How long one response may take to send.
        public var write = Duration.seconds(30)
        /// Clients served at once.
        public var connections = 256

        public init() {}
    }

    /// One response.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: Data

        public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    public typealias Handler = @Sendable (HTTPRequestHead) -> Response

    private let host: String
    private let port: UInt16
    private let limits: Limits
    private let handler: Handler
    private let open = Mutex(0)
    private let bound = Mutex<UInt16?>(nil)

    public init(host: String, port: UInt16, limits: Limits = Limits(), handler: @escaping Handler) {
        self.host = host
        self.port = port
        self.limits = limits
        self.handler = handler
    }

    /// The port it listens on, once it does (useful with port 0).
    public var listeningPort: UInt16? { bound.withLock { $0 } }

    /// Listens and serves until the task is cancelled, on the server's own threads (`ServerThreads`), so that work
    /// blocking Swift's cooperative threads elsewhere in the process cannot stall it.
    public func run() async throws {
        try await withTaskExecutorPreference(ServerThreads.shared) { try await self.listen() }
    }

    private func listen() async throws {
        let pool = HTTPServer.defaultPool()
        try await pool.prepare()
        let socket = try Socket(domain: AF_INET, type: .stream)
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: .inet(ip4: host, port: port))
        try socket.listen()
        if case .ip4(_, let port) = try socket.sockname() { bound.withLock { $0 = port } }
        let listener = try AsyncSocket(socket: socket, pool: pool)
        defer { try? listener.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    while !Task.isCancelled {
                        let client = try await listener.accept()
                        connections.addTask { await self.serve(client) }
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    // MARK: - A connection

    private func serve(_ client: AsyncSocket) async {
        defer { try? client.close() }
        let admitted = open.withLock { count -> Bool in
            guard count < limits.connections else { return false }
            count += 1
            return true
        }
        guard admitted else {
            _ = try? await send(
                Response(status: 503, body: Data("503: too many connections\n".utf8)), to: client, head: nil)
            return
        }
        defer { open.withLock { $0 -= 1 } }
        var buffer: [UInt8] = []
        while !Task.isCancelled {
            let outcome = await readHead(from: client, buffer: &buffer, waiting: limits.idle)
            let response: Response
            var head: HTTPRequestHead?
            switch outcome {
            case .closed, .idle: return
            case .timedOut:
                response = Response(status: 408, body: Data("408: the request took too long to arrive\n".utf8))
            case .lineTooLong:
                response = Response(status: 414, body: Data("414: the request line is longer than 8 KB\n".utf8))
            case .headersTooLarge:
                response = Response(
                    status: 431, body: Data("431: the request's header fields are larger than 8 KB\n".utf8))
            case .malformed: response = Response(status: 400, body: Data("400: not an HTTP request\n".utf8))
            case .head(let request):
                head = request
                if request.method == "GET" || request.method == "HEAD" {
                    response = handler(request)
                } else {
                    response = Response(
                        status: 405, headers: [("Allow", "GET, HEAD")],
                        body: Data("405: only GET and HEAD are served\n".utf8))
                }
            }
            // A request with a body, or anything refused, ends the connection: nothing after it can be trusted.
            let keepAlive =
                head.map {
                    $0.keepAlive && response.status != 405 && ($0.header("content-length") ?? "0") == "0"
                        && $0.header("transfer-encoding") == nil
                } ?? false
            guard (try? await send(response, to: client, head: head, keepAlive: keepAlive)) != nil, keepAlive else {
                return
            }
        }
    }

    private enum HeadOutcome {
        case head(HTTPRequestHead)
        case closed, idle, timedOut, lineTooLong, headersTooLarge, malformed
    }

    /// Reads one request head: waits up to `waiting` for its first byte, then up to `Limits.head` for the rest.
    private func readHead(from client: AsyncSocket, buffer: inout [UInt8], waiting: Duration) async -> HeadOutcome {
        var scanner = HTTPRequestHead.Scanner(lineLimit: limits.requestLine, headerLimit: limits.headers)
        let clock = ContinuousClock()
        var deadline = clock.now.advanced(by: buffer.isEmpty ? waiting : limits.head)
        var started = !buffer.isEmpty
        while true {
            switch scanner.feed(buffer) {
            case .incomplete: break
            case .head(let head, let consumed):
                buffer.removeFirst(consumed)
                return .head(head)
            case .lineTooLong: return .lineTooLong
            case .headersTooLarge: return .headersTooLarge
            case .malformed: return .malformed
            }
            let chunk: [UInt8]
            do {
                chunk = try await Self.within(deadline) { try await client.read(atMost: 16_384) }
            } catch is DeadlinePassed {
                return started ? .timedOut : .idle
            } catch {
                return .closed
            }
            if !started {
                started = true
                deadline = clock.now.advanced(by: limits.head)
            }
            buffer += chunk
        }
    }

    private func send(
        _ response: Response, to client: AsyncSocket, head: HTTPRequestHead?, keepAlive: Bool = false
    ) async throws {
        var text = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(response.body.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        let data = Data(text.utf8) + (head?.method == "HEAD" ? Data() : response.body)
        try await Self.within(ContinuousClock().now.advanced(by: limits.write)) { try await client.write(data) }
    }

    private struct DeadlinePassed: Error {}

    /// `body`'s result, or `DeadlinePassed` (and `body` cancelled) at `deadline`.
    private static func within<T: Sendable>(
        _ deadline: ContinuousClock.Instant, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                throw DeadlinePassed()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
