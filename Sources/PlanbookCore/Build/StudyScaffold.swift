import Foundation

/// `planbook new NAME`: a new study folder — `Reports/index.md` with a working plan block, the built-in templates
/// written out in `Templates/` for customising, and a `.gitignore` — that `planbook build` builds as it is.
public enum StudyScaffold {
    /// The starter report.
    public static let starterReport = """
        ---
        title: My deployment study
        order: 0
        summary: A first plan, computed by PlanKit.
        params:
          batch: 128
        ---

        ## The plan

        A 16-layer MoE model with 16 experts per layer, served with one expert per GPU on two 8-GPU H100 nodes.

        ```swift plan id=plan
        let model = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)
        let workload = Workload(batch: param("batch", default: 128), sequenceLength: 4_096, precision: .bf16)
        let cluster = Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8)
        let plan = try Deployment(model, workload, on: cluster, parallelism: .expert(16))
        expect(plan.memory.fits, "the plan fits in GPU memory")
        show(plan)
        ```

        Each GPU holds `{swift} plan.memory.totalPerGPU`, and decoding takes `{swift} plan.performance.decode.tpot`
        per output token. Rebuild with `planbook build --param batch=256` to see both change.

        ## Next steps

        - Add reports to `Reports/`; each becomes a page.
        - Show more figures: `show(plan.dimensions)`, `show(plan.communication)`, `show(plan.dag(.layer(0)))`.
        - Set a paper's figure beside the computed one with `claim("Decode TPOT", paper: 0.01, computed: plan.performance.decode.tpot)`.

        """

    /// The `.gitignore` of a new study.
    public static let gitignore = ".planbook/\n"

    /// Creates the study folder `folder`, with the built-in templates in `Templates/`. Refuses a folder that exists
    /// and is not empty.
    public static func create(at folder: URL) throws(BuildFailure) {
        let manager = FileManager.default
        let name = folder.lastPathComponent
        if let entries = try? manager.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            throw BuildFailure([Diagnostic(file: name, "this folder exists and is not empty; choose a new name")])
        }
        do {
            try manager.createDirectory(at: folder.appendingPathComponent("Reports"), withIntermediateDirectories: true)
            try Data(starterReport.utf8).write(to: folder.appendingPathComponent("Reports/index.md"))
            try Data(gitignore.utf8).write(to: folder.appendingPathComponent(".gitignore"))
        } catch {
            throw BuildFailure([Diagnostic(file: name, "could not create the study: \(error.localizedDescription)")])
        }
        let templates = folder.appendingPathComponent("Templates")
        _ = try BuiltInTemplates.eject(into: templates, displayPath: "\(name)/Templates")
    }
}
