import Foundation

/// `planbook new NAME`: a new study folder — `Reports/index.md` with a working plan block, a copy of the default
/// `Templates/`, and a `.gitignore` — that `planbook build` builds as it is.
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

    /// Creates the study folder `folder` with templates copied from `templates`. Refuses a folder that exists and is
    /// not empty.
    public static func create(at folder: URL, templates: URL) throws(BuildFailure) {
        let manager = FileManager.default
        let name = folder.lastPathComponent
        if let entries = try? manager.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            throw BuildFailure([Diagnostic(file: name, "this folder exists and is not empty; choose a new name")])
        }
        guard manager.fileExists(atPath: templates.appendingPathComponent("page.mustache").path) else {
            throw BuildFailure([Diagnostic(
                file: templates.path,
                "the default templates were not found here; set PLANBOOK_TEMPLATES to a templates folder")])
        }
        do {
            try manager.createDirectory(at: folder.appendingPathComponent("Reports"), withIntermediateDirectories: true)
            try Data(starterReport.utf8).write(to: folder.appendingPathComponent("Reports/index.md"))
            try Data(gitignore.utf8).write(to: folder.appendingPathComponent(".gitignore"))
            try manager.copyItem(at: templates.resolvingSymlinksInPath(), to: folder.appendingPathComponent("Templates"))
        } catch {
            throw BuildFailure([Diagnostic(file: name, "could not create the study: \(error.localizedDescription)")])
        }
    }

    /// Where the default templates are: `$PLANBOOK_TEMPLATES`, else the `Templates/` folder of the Planbook checkout
    /// the running executable was built in (the nearest folder above it that holds `Package.swift` and `Templates/`).
    public static func defaultTemplates() -> URL {
        if let folder = ProcessInfo.processInfo.environment["PLANBOOK_TEMPLATES"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let templates = folder.appendingPathComponent("Templates")
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                FileManager.default.fileExists(atPath: templates.appendingPathComponent("page.mustache").path) {
                return templates
            }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "Templates")
    }
}
