/// Planbook's version, printed by `planbook --version` and in every page's footer.
public enum PlanbookVersion {
    /// The version of this build of Planbook (PlanKit, built with it, has the same).
    public static let current = "0.1.0"

    /// What `planbook --version` prints, a line each: Planbook; PlanKit and where its library was found; the Swift
    /// compiler that plan programs are compiled with; Graphviz and the font its drawings are measured in.
    public static func report() -> [String] {
        var lines = ["planbook \(current)"]
        do {
            let toolchain = try PlanToolchain.located()
            let library = toolchain.libraryDirectory.appendingPathComponent("libPlanKit\(PlanToolchain.libraryExtension)")
            lines.append("PlanKit \(current) (\(library.path))")
            lines.append("\(toolchain.compilerVersion) (\(toolchain.compiler))")
        } catch {
            lines.append("PlanKit: not found: \(error.message)")
        }
        switch PinnedFont.pinned {
        case .success(let font):
            lines.append("Graphviz \(Graphviz.version), text measured in \(font.description) (\(font.files[0]))")
        case .failure(let problem):
            lines.append("Graphviz \(Graphviz.version); no pinned font: \(problem.message)")
        }
        return lines
    }
}
