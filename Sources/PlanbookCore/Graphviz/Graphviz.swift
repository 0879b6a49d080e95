@preconcurrency import CGraphviz
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// DOT to SVG by libgvc, linked into Planbook and run in a process forked for each graph.
///
/// This is the only file that touches Graphviz. libgvc 2.4x keeps global layout state from one call to the next
/// (network simplex's search index, among others), so in one process the second layout of a graph differs from the
/// first; it is also not thread-safe and leaks about 1 MB per clustered layout. Each render therefore runs in a
/// child forked from Planbook that reads, lays out and renders one graph, writes the SVG to a pipe and exits; the
/// parent only makes the shared context once (see `sharedContext`). So every graph is laid out from the same state,
/// renders cannot disturb each other or leak, a Graphviz crash is reported instead of ending Planbook, and a layout
/// that runs too long is killed. The order of cluster groups, which libgvc does not keep stable, is made canonical
/// (`ClusterOrder`), so the same DOT always gives the same bytes. Text is measured in the pinned font only
/// (`PinnedFont`), which is also every graph's default `fontname`, so other installed fonts change no byte either.
/// Graphviz's messages are read from the child's stderr.
public enum Graphviz {
    /// The layout engines Graphviz offers (`dot` draws hierarchies; the others draw undirected or radial layouts).
    public static let engines = ["dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"]

    /// Most SVG bytes a render may produce (64 MB).
    public static let outputLimit = 64 << 20

    /// Most memory one layout may take beyond what Planbook holds when it forks (1 GB: the seed study's largest
    /// drawing, 272 nodes in clusters, takes a few tens of MB).
    public static let defaultMemoryLimit: UInt64 = 1 << 30

    /// The SVG drawing of the DOT graph `dot`, laid out with `engine` within `timeout` and `memoryLimit` bytes.
    public static func svg(
        fromDOT dot: String, engine: String = "dot", timeout: Duration = .seconds(60),
        memoryLimit: UInt64 = defaultMemoryLimit
    ) throws(GraphvizError) -> String {
        guard engines.contains(engine) else {
            throw GraphvizError(message: "unknown layout engine '\(engine)'; use one of \(engines.joined(separator: ", "))")
        }
        if case .failure(let problem) = PinnedFont.pinned { throw problem }
        let result = runInChild(dot: dot, engine: engine, timeout: timeout, memoryLimit: memoryLimit)
        switch result.termination {
        case .exited(0) where !result.truncated:
            return ClusterOrder.canonical(String(decoding: result.standardOutput, as: UTF8.self))
        case .exited(0):
            throw GraphvizError(message: "the SVG is larger than \(outputLimit >> 20) MB; draw fewer nodes")
        case .timedOut:
            throw GraphvizError(
                message: "layout did not finish within \(timeout); draw fewer nodes or try another engine")
        case .signalled(let signal):
            // Graphviz does not check what malloc returns: past its memory bound it crashes.
            throw GraphvizError(
                message: "Graphviz crashed (signal \(signal)) laying out this graph, most likely because the layout "
                    + "needed more than its \(memoryLimit >> 20) MB of memory; draw fewer or simpler nodes")
        case .exited where result.errorText.contains("out of memory") || result.errorText.contains("alloc"):
            throw GraphvizError(
                message: "the layout needed more than \(memoryLimit >> 20) MB and was stopped; draw fewer or simpler nodes")
        case .exited(let code):
            throw failure(result.errorText, fallback: fallbackMessages[code] ?? "Graphviz failed (status \(code))")
        }
    }

    /// Changes whenever Planbook renders the same DOT differently, so that cached drawings are made again.
    public static let rendererRevision = 3

    /// The version of the linked Graphviz library ("2.43.0"), read from the shared context.
    public static var version: String {
        guard let context = sharedContext, let text = gvcVersion(context) else { return "unknown" }
        return String(cString: text)
    }

    // MARK: - The child

    private static let fallbackMessages: [Int32: String] = [
        2: "Graphviz could not start", 3: "Graphviz could not read the DOT text",
        4: "Graphviz could not lay out the graph", 5: "Graphviz could not render SVG",
        6: "could not hand the SVG back from Graphviz",
    ]

    /// One Graphviz context, made once in the parent and inherited by every child, so that no child loads plugins
    /// and fonts again. Before it is made, fontconfig is restricted to the pinned font, and the pinned font becomes
    /// the default `fontname` of every graph, node and edge (as `dot -G -N -E` would set it; the DOT may set its
    /// own). Making it renders one fixed warm-up graph (which loads the text-layout plugin and the font): every
    /// process then holds the same state when it forks, so the same DOT still gives the same bytes. It lives as long
    /// as the process.
    nonisolated(unsafe) private static let sharedContext: OpaquePointer? = {
        _ = PinnedFont.pinned
        for kind in [AGRAPH, AGNODE, AGEDGE] {
            // A nil graph sets the default of every graph read afterwards (cgraph's ProtoGraph); cgraph keeps copies.
            "fontname".withCString { name in
                PinnedFont.fontname.withCString { value in
                    _ = agattr(
                        nil, Int32(kind), UnsafeMutablePointer(mutating: name), UnsafeMutablePointer(mutating: value))
                }
            }
        }
        guard let context = gvContext() else { return nil }
        let warmUp = "digraph { subgraph cluster_a { label=\"A\"; a; } a -> b [label=\"x\"]; }"
        // The child's reader, once here: the Swift it runs (its statics' one-time set-up, the generic metadata of its
        // dictionary and arrays) is then made before any fork. A child that had to make them itself would wait on
        // the runtime's locks — forever, when another thread of Planbook held one at the moment it forked.
        warmUp.withCString { text in
            ChildReader.text = text
            ChildReader.offset = 0
            if let graph = agread(nil, &ChildReader.discipline) { agclose(graph) }
        }
        ChildReader.reset()
        if let graph = agmemread(warmUp) {
            if gvLayout(context, graph, "dot") == 0 {
                var data: UnsafeMutablePointer<CChar>?
                var length: UInt32 = 0
                if gvRenderData(context, graph, "svg", &data, &length) == 0, let data { gvFreeRenderData(data) }
                gvFreeLayout(context, graph)
            }
            agclose(graph)
        }
        return context
    }()

    private static func runInChild(dot: String, engine: String, timeout: Duration, memoryLimit: UInt64) -> ChildOutput {
        let context = sharedContext
        guard let outputPipe = SystemCalls.pipe() else { return spawnFailure() }
        guard let errorPipe = SystemCalls.pipe() else {
            close(outputPipe.read); close(outputPipe.write)
            return spawnFailure()
        }
        // The child inherits Planbook's address space; it may grow by `memoryLimit`.
        let addressSpace = currentAddressSpace() + memoryLimit
        let pid = dot.withCString { dotText in
            engine.withCString { engineName in ChildGuard.start {
                let watchdog = ChildGuard.watchdogDescriptor
                let pid = fork()
                if pid == 0 {
                    // Child: only C calls from here to _exit. Its own process group (ended with Planbook, see
                    // ChildGuard), not holding the watchdog's pipe open; standard output and error to the pipes.
                    // (Other descriptors stay: the fonts libgvc opened in the parent are read through them.)
                    setpgid(0, 0)
                    if watchdog >= 0 { close(watchdog) }
                    dup2(outputPipe.write, 1)
                    dup2(errorPipe.write, 2)
                    SystemCalls.limitOwnMemory(to: addressSpace)
                    _exit(renderInChild(context, dotText, engineName, outputFD: 1))
                }
                return pid
            } }
        }
        close(outputPipe.write)
        close(errorPipe.write)
        guard pid > 0 else {
            close(outputPipe.read); close(errorPipe.read)
            return spawnFailure()
        }
        setpgid(pid, pid)
        return ChildOutput.collect(
            pid: pid, outputFD: outputPipe.read, errorFD: errorPipe.read, timeout: timeout, limit: outputLimit)
    }

    /// The bytes of address space this process maps now (`/proc/self/statm`), or 0 where that cannot be read.
    private static func currentAddressSpace() -> UInt64 {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").first.flatMap({ UInt64($0) })
        else { return 64 << 30 }
        return pages * UInt64(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Lays out and renders one graph, writing the SVG to `outputFD`; returns the child's exit status.
    private static func renderInChild(
        _ context: OpaquePointer?, _ dot: UnsafePointer<CChar>, _ engine: UnsafePointer<CChar>, outputFD: Int32
    ) -> Int32 {
        guard let context else { return 2 }
        ChildReader.text = dot
        ChildReader.offset = 0
        guard let graph = agread(nil, &ChildReader.discipline) else { return 3 }
        guard gvLayout(context, graph, engine) == 0 else { return 4 }
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, "svg", &data, &length) == 0, let data else { return 5 }
        var written = 0
        while written < Int(length) {
            let count = write(outputFD, data + written, Int(length) - written)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return 6 }
            written += count
        }
        // The process ends now; freeing the layout, graph and context would only cost time.
        return 0
    }

    /// How a child reads its graph: from memory, a line at a time (as `agmemread` does), and with object ids that
    /// follow the order names first appear in the DOT.
    ///
    /// cgraph's default id discipline uses the address of each name's interned string as the object's id, and orders
    /// subgraphs (so clusters) by id: the layout then depends on where malloc happened to put strings, which differs
    /// between processes whose heaps differ (a forked child inherits its parent's). Numbering names in order of first
    /// appearance makes the layout a function of the DOT text alone. Only the single-threaded child touches this state.
    private enum ChildReader {
        nonisolated(unsafe) static var text: UnsafePointer<CChar>?
        nonisolated(unsafe) static var offset = 0
        nonisolated(unsafe) static var ids: [String: IDTYPE] = [:]
        nonisolated(unsafe) static var names: [UnsafeMutablePointer<CChar>?] = []
        nonisolated(unsafe) static var nextAnonymous: IDTYPE = 1

        /// Forgets every name read (the parent's warm-up read leaves none behind for its children).
        static func reset() {
            for name in names { free(name) }
            names = []
            ids = [:]
            nextAnonymous = 1
            text = nil
            offset = 0
        }

        nonisolated(unsafe) static var idDiscipline = Agiddisc_t(
            open: { graph, _ in UnsafeMutableRawPointer(graph) },
            map: { _, _, name, id, create in
                guard let name else {
                    // Anonymous objects get odd ids, as in cgraph's own discipline.
                    id?.pointee = ChildReader.nextAnonymous
                    ChildReader.nextAnonymous += 2
                    return 1
                }
                let key = String(cString: name)
                if let known = ChildReader.ids[key] {
                    id?.pointee = known
                    return 1
                }
                guard create != 0 else { return 0 }
                ChildReader.names.append(strdup(name))
                let assigned = IDTYPE(ChildReader.names.count * 2)  // named objects: even ids
                ChildReader.ids[key] = assigned
                id?.pointee = assigned
                return 1
            },
            alloc: { _, _, _ in 1 },
            free: { _, _, _ in },
            print: { _, _, id in
                guard id % 2 == 0, id > 0, Int(id / 2) <= ChildReader.names.count else { return nil }
                return ChildReader.names[Int(id / 2) - 1]
            },
            close: { _ in },
            idregister: { _, _, _ in })

        nonisolated(unsafe) static var ioDiscipline = Agiodisc_t(
            afread: { _, buffer, size in
                guard let text = ChildReader.text, let buffer, size > 0 else { return 0 }
                var count: Int32 = 0
                while count < size {
                    let character = text[ChildReader.offset]
                    if character == 0 { break }
                    buffer[Int(count)] = character
                    ChildReader.offset += 1
                    count += 1
                    if character == 10 { break }
                }
                return count
            },
            putstr: AgIoDisc.putstr,
            flush: AgIoDisc.flush)

        nonisolated(unsafe) static var discipline = Agdisc_t(mem: &AgMemDisc, id: &idDiscipline, io: &ioDiscipline)
    }

    private static func spawnFailure() -> ChildOutput {
        ChildOutput(standardOutput: [], standardError: Array("Error: could not start a process for Graphviz\n".utf8),
                    termination: .exited(2), truncated: false)
    }

    /// The error Graphviz wrote to stderr, or `fallback` when it wrote none.
    private static func failure(_ stderr: String, fallback: String) -> GraphvizError {
        let errorLines = stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("Warning") }
        let text = errorLines.map { $0.hasPrefix("Error: ") ? String($0.dropFirst(7)) : $0 }.joined(separator: " ")
        let message = text.isEmpty ? fallback : text
        return GraphvizError(message: message, line: lineNumber(in: message))
    }

    /// The number after "line " in a Graphviz message ("syntax error in line 3 near 'x'").
    private static func lineNumber(in message: String) -> Int? {
        guard let range = message.firstRange(of: "line ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }
}
