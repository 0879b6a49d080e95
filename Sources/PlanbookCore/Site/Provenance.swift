import PlanRecord

/// The end of every page: what it was built from — a hash of its sources and parameters, the files, the parameters
/// with their values, PlanKit's and the Swift compiler's versions, Graphviz's and its font's when the page has
/// drawings — and no timestamp, so rebuilds stay identical.
public struct Provenance: Sendable {
    /// SHA-256 of the report, the shared Swift files and the parameter values, in hex.
    public var hash: String
    /// The source files, as the user names them.
    public var files: [String]
    /// The parameters the page's plan program read.
    public var parameters: [PlanRecord.Parameter]
    /// Where each parameter's value came from: `--param`, `front matter` or `default in code`, by name.
    public var sources: [String: String] = [:]
    /// "PlanKit 0.1.0", or nil when the page runs no plan code. (Not the library's hash: that changes with the build
    /// folder and configuration, and the page must not.)
    public var planKit: String?
    /// The Swift compiler's version line, or nil when the page runs no plan code.
    public var compiler: String?
    /// "Graphviz 2.42.2, with text measured in DejaVu Sans 2.37", or nil when the page has no drawing.
    public var drawings: String?
    /// The scenario the page was built under, nil for the study under its own parameters.
    public var scenario: Scenario?

    /// The provenance of `report`, built with `shared` code, having read `parameters`.
    public init(
        report: Report, shared: [SharedPlanCode], parameters: [PlanRecord.Parameter], compiler: String?,
        usesPlanCode: Bool, overrides: Set<String> = [], scenario: Scenario? = nil
    ) {
        let frontMatterNames = Set(report.frontMatter.params.map(\.name))
        let scenarioNames = Set(scenario?.settings.map(\.name) ?? [])
        for parameter in parameters {
            sources[parameter.name] = !parameter.given ? "default in code"
                : scenarioNames.contains(parameter.name) ? "scenario \(scenario?.name ?? "")"
                : overrides.contains(parameter.name) ? "--param" : frontMatterNames.contains(parameter.name) ? "front matter" : "--param"
        }
        self.scenario = scenario
        var hash = ContentHash()
        hash.add(report.path)
        hash.add(report.source)
        let sharedFiles = usesPlanCode ? shared : []
        for file in sharedFiles {
            hash.add(file.path)
            hash.add(file.source)
        }
        for parameter in parameters {
            hash.add("\(parameter.name)=\(parameter.type):\(parameter.value.text)")
        }
        if let scenario { hash.add("scenario \(scenario.name)") }
        self.hash = hash.hex
        self.files = [report.path] + sharedFiles.map(\.path)
        self.parameters = parameters
        if usesPlanCode, let compiler {
            planKit = "PlanKit \(PlanbookVersion.current)"
            self.compiler = compiler
        }
    }

    /// The provenance section, headed with the id `provenance` as `scope` writes it.
    public func html(_ scope: LinkScope = .site) -> String {
        var html = "<section class=\"provenance\">\n<h2 id=\"\(scope.id("provenance"))\">Provenance</h2>\n<p>Built by "
            + "\(HTML.escape(PageContext.generator)) from " + files.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ")
        if !parameters.isEmpty { html += " with the parameters below" }
        html += ". Source hash (SHA-256 of the sources and parameter values): <code class=\"hash\">\(hash)</code>."
        if let planKit, let compiler {
            html += " Plan code ran on \(HTML.escape(planKit)), compiled by \(HTML.escape(compiler))."
        }
        if let drawings { html += " Drawings were laid out by \(HTML.escape(drawings))." }
        html += " The page carries no timestamp: the same sources and parameters build it byte for byte.</p>\n"
        if let scenario {
            html += "<p class=\"pb-scenario-provenance\">This page is the study under the scenario <strong>"
                + "\(HTML.escape(scenario.name))</strong>, declared in the study’s index: "
                + "\(HTML.escape(scenario.summary)).</p>\n"
        }
        if !parameters.isEmpty {
            html += CellOutputHTML.table(
                title: nil, header: ["Parameter", "Value", "Type", "From"],
                rows: parameters.map { [$0.name, $0.value.text, $0.type, sources[$0.name] ?? "default in code"] })
        }
        return html + "</section>\n"
    }
}
