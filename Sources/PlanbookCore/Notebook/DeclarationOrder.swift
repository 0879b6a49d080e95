/// Names a plan program would read before the code that declares them has run — which Swift's top-level code
/// allows and answers with zeros or a crash — found before anything is compiled, each as an error naming both places.
///
/// Cells run in document order, each top-level statement in turn. A use of a stored global (a `let` or `var` of a
/// cell) must come after its statement; a use of a function, type or computed variable must come after whatever
/// stored globals its body reads (followed through the functions and types it uses in turn). Local declarations
/// (parameters, closure arguments, locals, members) shadow globals, as SwiftLexicalLookup resolves them; names from
/// PlanKit and the shared code are not cells' and are always ready.
struct DeclarationOrder {
    /// A place in the run: a cell, and a top-level statement in it.
    private struct Moment: Comparable {
        var cell: Int
        var statement: Int
        static func < (a: Moment, b: Moment) -> Bool { (a.cell, a.statement) < (b.cell, b.statement) }
    }

    /// A cell's declaration, with the cell it is in.
    private struct Global {
        var cell: Int
        var declaration: CellSyntax.Declaration
        var moment: Moment { Moment(cell: cell, statement: declaration.statement) }
    }

    private let report: Report
    private let cells: [PlanCell]
    private let syntax: [CellSyntax]
    private let globals: [String: [Global]]

    init(report: Report, cells: [PlanCell], syntax: [CellSyntax]) {
        self.report = report
        self.cells = cells
        self.syntax = syntax
        var globals: [String: [Global]] = [:]
        for (cell, cellSyntax) in syntax.enumerated() {
            for declaration in cellSyntax.declarations {
                globals[declaration.name, default: []].append(Global(cell: cell, declaration: declaration))
            }
        }
        self.globals = globals
    }

    /// Every use of a name before it is ready, in document order.
    var problems: [Diagnostic] {
        syntax.enumerated().flatMap { cell, cellSyntax in
            cellSyntax.uses.compactMap { problem(with: $0, in: cell) }
        }
    }

    private func problem(with use: CellSyntax.Use, in cell: Int) -> Diagnostic? {
        guard let candidates = globals[use.name], let first = candidates.first else { return nil }
        let now = Moment(cell: cell, statement: use.statement)
        if candidates.contains(where: { ready($0, at: now) }) { return nil }
        let (line, column) = place(use.line, use.column, in: cell)
        let declared = place(first.declaration.line, first.declaration.column, in: first.cell).line
        var visited: Set<String> = []
        if !first.declaration.isStored, first.cell <= cell, let (stored, _) = requirement(of: first, visited: &visited) {
            let needed = place(stored.declaration.line, stored.declaration.column, in: stored.cell).line
            return Diagnostic(
                file: report.path, line: line, column: column,
                "'\(use.name)' is used here but reads '\(stored.declaration.name)', which is declared at line \(needed), "
                    + "after this use; use '\(use.name)' below that line, or move the declaration above this use")
        }
        let what = first.cell == cell ? "declared below it, at line \(declared)" : "declared in the plan block at line \(declared)"
        let advice: String
        if first.cell == cell {
            advice = "move the declaration above its first use"
        } else if case .inline = cells[cell].kind {
            advice = "move the sentence below that block, or the declaration above it"
        } else {
            advice = "move this code below that block, or the declaration above it"
        }
        return Diagnostic(file: report.path, line: line, column: column, "'\(use.name)' is used here but \(what); \(advice)")
    }

    /// Whether `global` may be used at `moment`.
    private func ready(_ global: Global, at moment: Moment) -> Bool {
        if global.declaration.isStored { return global.moment < moment }
        guard global.cell <= moment.cell else { return false }
        var visited: Set<String> = []
        return requirement(of: global, visited: &visited).map { $0.1 < moment } ?? true
    }

    /// The latest-declared stored global that using `global` (a function, type or computed variable) reads, through
    /// the functions and types it uses; nil when it reads none.
    private func requirement(of global: Global, visited: inout Set<String>) -> (Global, Moment)? {
        guard visited.insert("\(global.cell):\(global.declaration.name)").inserted else { return nil }
        var latest: (Global, Moment)?
        for use in global.declaration.deferredUses {
            for candidate in globals[use.name] ?? [] {
                let needed = candidate.declaration.isStored
                    ? (candidate, candidate.moment) : requirement(of: candidate, visited: &visited)
                if let needed, latest.map({ $0.1 < needed.1 }) ?? true { latest = needed }
            }
        }
        return latest
    }

    /// The report line and column of `line`:`column` of cell `cell`.
    private func place(_ line: Int, _ column: Int, in cell: Int) -> (line: Int, column: Int) {
        let planCell = cells[cell]
        switch planCell.kind {
        case .block: return (planCell.line + line - 1, column)
        case .inline: return (planCell.line, planCell.column + column - 1)
        }
    }
}
