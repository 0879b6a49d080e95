/// The key of one cached result: a SHA-256 of named inputs, built here and only here, so that every input that
/// decides a result is part of its key and none is forgotten.
///
/// Programs are keyed by their source, the shared code (or the shared library's key), the toolchain's fingerprint
/// (compiler identity and PlanKit's bytes) and the exact compiler flags; runs by their program and parameters;
/// shared libraries by their files, toolchain and flags; memo folders by the toolchain; drawings by their DOT, engine, Graphviz's version and the pinned font. Every
/// key starts with `formatVersion`, so a Planbook that stores results differently never reads older ones.
public struct CacheKey: Sendable, Hashable, CustomStringConvertible {
    /// Changes whenever what the cache stores, or how, changes.
    public static let formatVersion = "planbook-cache-4"

    /// The key as 64 hex digits (a file name in the cache).
    public let hex: String
    /// The names of the inputs it covers, in order (for `--explain` and tests).
    public let inputNames: [String]

    private init(_ kind: String, _ inputs: [(name: String, value: String)]) {
        var hash = ContentHash()
        hash.add(Self.formatVersion)
        hash.add(kind)
        for input in inputs {
            hash.add(input.name)
            hash.add(input.value)
        }
        hex = hash.hex
        inputNames = inputs.map(\.name)
    }

    public var description: String { hex }

    /// A compiled plan program.
    static func program(
        source: String, shared: [SharedPlanCode], sharedLibrary: CacheKey?, toolchain: PlanToolchain,
        flags: [String]
    ) -> CacheKey {
        CacheKey("program", [
            ("source", source), ("shared code", shared.map { "\($0.path)\n\($0.source)" }.joined(separator: "\0")),
            ("shared library", sharedLibrary?.hex ?? ""), ("toolchain", toolchain.fingerprint),
            ("compiler flags", flags.joined(separator: "\0")),
        ])
    }

    /// The outputs of a program run with `parameters` (sorted by name, with their types).
    static func run(program: CacheKey, parameters: [(name: String, value: ParameterValue)]) -> CacheKey {
        let values = parameters.sorted { $0.name < $1.name }.map { "\($0.name)=\($0.value.typeName):\($0.value)" }
        return CacheKey("run", [("program", program.hex), ("parameters", values.joined(separator: "\0"))])
    }

    /// The study's shared code compiled into a library.
    static func sharedLibrary(_ shared: [SharedPlanCode], toolchain: PlanToolchain, flags: [String]) -> CacheKey {
        CacheKey("shared library", [
            ("shared code", shared.map { "\($0.path)\n\($0.source)" }.joined(separator: "\0")),
            ("toolchain", toolchain.fingerprint), ("compiler flags", flags.joined(separator: "\0")),
        ])
    }

    /// The folder of what programs built with `toolchain` remember between runs (`PlanCache.memoFolder`).
    static func memo(toolchain: PlanToolchain) -> CacheKey {
        CacheKey("memo", [("toolchain", toolchain.fingerprint)])
    }

    /// A Graphviz drawing, its text measured in `font` (the pinned font's identity).
    static func drawing(dot: String, engine: String, graphviz: String, rendererRevision: Int, font: String) -> CacheKey {
        CacheKey("drawing", [
            ("dot", dot), ("engine", engine), ("graphviz", graphviz), ("renderer", "\(rendererRevision)"),
            ("font", font),
        ])
    }
}
