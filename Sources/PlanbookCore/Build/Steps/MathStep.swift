import Crypto
import Foundation

/// Renders every LaTeX formula of the study with KaTeX, once per build: the formulas the cache does not hold — by a
/// hash of their TeX, display mode and KaTeX's own bytes — go to one Node process together, after the values of the
/// `{swift}` expressions inside them are known. A formula KaTeX cannot read is an error at its line and column, with
/// KaTeX's message. Without KaTeX or Node a study with formulas gets one error, at its first, saying what to install.
struct MathStep: BuildStep {
    func run(_ study: inout Study) {
        var formulas: [(page: Int, span: Int, formula: MathFormula)] = []
        for (index, page) in study.pages.enumerated() where !page.outline.math.isEmpty {
            guard page.outline.cells.isEmpty || page.outputs != nil else { continue }
            for (number, span) in page.outline.math.enumerated() {
                formulas.append(
                    (index, number, MathFormula(span) { line, column in Self.value(in: page, line, column) }))
            }
        }
        guard let first = formulas.first else { return }
        guard let katex = KaTeX.located() else {
            let page = study.pages[first.page]
            let span = page.outline.math[first.span]
            study.problems.append(
                Diagnostic(
                    file: page.report.path, line: page.report.bodyFirstLine + span.line - 1, column: span.column,
                    KaTeX.missing))
            return
        }
        let cache = study.options.url(study.options.cache).appendingPathComponent("math")
        var rendered: [KaTeX.Formula: KaTeX.Rendered] = [:]
        let unique = Array(Set(formulas.map(\.formula.formula)))
            .sorted { ($0.tex, $0.display ? 1 : 0) < ($1.tex, $1.display ? 1 : 0) }
        var missing: [KaTeX.Formula] = []
        for formula in unique {
            if study.options.useCache,
                let html = try? String(contentsOf: Self.file(formula, katex, cache), encoding: .utf8)
            {
                rendered[formula] = .html(html)
            } else {
                missing.append(formula)
            }
        }
        do {
            for (formula, result) in zip(missing, try katex.render(missing, scratch: cache)) {
                rendered[formula] = result
                if case .html(let html) = result {
                    try? Data(html.utf8).write(to: Self.file(formula, katex, cache), options: .atomic)
                }
            }
        } catch {
            let page = study.pages[first.page]
            let span = page.outline.math[first.span]
            study.problems.append(
                Diagnostic(
                    file: page.report.path, line: page.report.bodyFirstLine + span.line - 1, column: span.column,
                    "\(error); \(KaTeX.missing)"))
            return
        }
        for (page, number, formula) in formulas {
            switch rendered[formula.formula] {
            case .html(let html): study.pages[page].math[number] = html
            case .error(let message, let offset):
                let report = study.pages[page].report
                let span = study.pages[page].outline.math[number]
                let place = offset.flatMap(formula.position) ?? (span.line, span.column)
                study.problems.append(
                    Diagnostic(
                        file: report.path, line: report.bodyFirstLine + place.line - 1, column: place.column,
                        "LaTeX: " + message.replacingOccurrences(of: "KaTeX parse error: ", with: "")))
            case nil: continue
            }
        }
        study.mathAssets = try? katex.assets()
        if study.mathAssets == nil {
            study.problems.append(Diagnostic(file: katex.folder.path, "could not read KaTeX's stylesheet and fonts"))
        }
    }

    var stopsOnError: Bool { false }

    /// The cache file of `formula`'s HTML.
    private static func file(_ formula: KaTeX.Formula, _ katex: KaTeX, _ folder: URL) -> URL {
        let key = SHA256.hash(
            data: Data("planbook-math-1\u{0}\(katex.identity)\u{0}\(formula.display)\u{0}\(formula.tex)".utf8))
        return folder.appendingPathComponent(key.map { String(format: "%02x", $0) }.joined() + ".html")
    }

    /// The text of the inline expression whose code starts at body `line`:`column` of `page`.
    private static func value(in page: StudyPage, _ line: Int, _ column: Int) -> String? {
        let elements = page.outline.document.elements
        guard
            let cell = page.outline.cells.first(where: { cell in
                guard case .inline = cell.kind, let element = elements.first(where: { $0.index == cell.elementIndex })
                else { return false }
                return element.line == line && element.column == column
            })
        else { return nil }
        return page.outputs?.cells[cell.index].inline?.text
    }
}
