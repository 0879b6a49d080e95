/// What a build tells its caller while it works: one line per step (`[2/5] Compiling large-ep.md`).
///
/// The library never prints; the command line decides what to show (`--quiet`, `--verbose`).
public struct BuildProgress: Sendable {
    /// Receives each line.
    public let report: @Sendable (String) -> Void

    public init(_ report: @escaping @Sendable (String) -> Void) { self.report = report }

    /// A progress that shows nothing.
    public static let silent = BuildProgress { _ in }
}
