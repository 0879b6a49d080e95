import Foundation
import PlanRecord

/// Reads what a plan program wrote to standard output — `PlanRecord` lines (after U+001E) among the program's own
/// `print` lines — into the cells' outputs and the problems it reported (failed expectations, bad parameters,
/// thrown errors, and records this planbook cannot read).
public struct PlanRecordReader {
    /// Most text one cell's `print`s may add to the page; more is cut with a note.
    public static let printLimit = 200_000

    /// What was read.
    public struct Reading: Sendable {
        public var outputs: NotebookOutputs
        /// Problems at places in the program's cells, with the parameter each `badParameter` names.
        public var problems: [(place: PlanRecord.Place, message: String, parameter: String?)] = []
        /// Lines that were records but could not be read, with why.
        public var unreadable: [String] = []
        /// The last cell that started (where a crash happened).
        public var lastCell: Int?
        /// The last top-level statement that started, in `lastCell` (where a trap or an uncaught error happened).
        public var lastStatement: PlanRecord.Place?
    }

    private var reading: Reading
    /// Plans acknowledged after some of their figures were shown (`PlanRecord.planAcknowledged`).
    private var acknowledged: Set<Int> = []
    private var printed = ""
    private var cutNoted = false
    private let decoder: JSONDecoder

    private init(cellCount: Int) {
        reading = Reading(outputs: NotebookOutputs(cellCount: cellCount))
        decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    }

    /// The outputs and problems in `output`, the standard output of a program of `cellCount` cells; `truncated`
    /// says the output was cut at the runner's limit.
    public static func read(_ output: [UInt8], cellCount: Int, truncated: Bool) -> Reading {
        var reader = PlanRecordReader(cellCount: cellCount)
        for line in output.split(separator: 10, omittingEmptySubsequences: false) {
            if line.first == PlanRecord.separator { reader.record(line.dropFirst()) } else { reader.printedLine(line) }
        }
        if reader.printed.hasSuffix("\n\n") { reader.printed.removeLast() }
        reader.flushPrinted()
        reader.markAcknowledged()
        if truncated, let cell = reader.reading.lastCell {
            reader.reading.outputs.cells[cell].outputs.append(
                .printed("… (the program's output was cut: it wrote more than Planbook keeps)"))
        }
        return reader.reading
    }

    private mutating func record(_ bytes: ArraySlice<UInt8>) {
        let record: PlanRecord
        do {
            record = try decoder.decode(PlanRecord.self, from: Data(bytes))
        } catch let unknown as PlanRecord.UnknownKind {
            if !reading.unreadable.contains(unknown.description) { reading.unreadable.append(unknown.description) }
            return
        } catch {
            reading.unreadable.append("the plan program wrote a record planbook cannot read (\(error))")
            return
        }
        flushPrinted()
        apply(record)
    }

    private mutating func apply(_ record: PlanRecord) {
        switch record {
        case .cellStarted(let cell):
            start(cell)
            reading.lastStatement = nil
        case .statementStarted(let place): reading.lastStatement = place
        case .text(let cell, let text): append(.text(text), to: cell)
        case .table(let cell, let table): append(.table(table), to: cell)
        case .graph(let cell, let graph): append(.graph(graph), to: cell)
        case .chart(let cell, let chart): append(.chart(chart), to: cell)
        case .file(let cell, let file): append(.file(file), to: cell)
        case .claim(let cell, let claim): append(.claim(claim), to: cell)
        case .headline(let cell, let label, let value): append(.headline(label: label, value), to: cell)
        case .inline(let cell, let value):
            guard reading.outputs.cells.indices.contains(cell) else { return }
            reading.outputs.cells[cell].inline = value
        case .parameterRead(let parameter): reading.outputs.parameters.append(parameter)
        case .expectationFailed(let place, let message):
            reading.problems.append((place, "expectation failed: \(message)", nil))
        case .failure(let place, let message): reading.problems.append((place, message, nil))
        case .badParameter(let place, let name, let message): reading.problems.append((place, message, name))
        case .warning(let place, let message):
            reading.outputs.warnings.append(PlanNotice(place: place, message: message))
        case .planAcknowledged(let number): acknowledged.insert(number)
        }
    }

    /// Marks as acknowledged every output of a plan acknowledged after it was shown.
    private mutating func markAcknowledged() {
        guard !acknowledged.isEmpty else { return }
        for cell in reading.outputs.cells.indices {
            for index in reading.outputs.cells[cell].outputs.indices {
                guard let plan = reading.outputs.cells[cell].outputs[index].plan, acknowledged.contains(plan.number)
                else { continue }
                reading.outputs.cells[cell].outputs[index].plan?.acknowledged = true
            }
        }
    }

    private mutating func start(_ cell: Int) {
        guard reading.outputs.cells.indices.contains(cell) else { return }
        reading.lastCell = cell
    }

    private mutating func append(_ output: CellOutput, to cell: Int) {
        guard reading.outputs.cells.indices.contains(cell) else { return }
        reading.lastCell = cell
        reading.outputs.cells[cell].outputs.append(output)
    }

    private mutating func printedLine(_ bytes: ArraySlice<UInt8>) {
        guard let cell = reading.lastCell else { return }
        let cellPrinted = reading.outputs.cells[cell].outputs.reduce(0) { count, output in
            if case .printed(let text) = output { return count + text.utf8.count }
            return count
        }
        if cellPrinted + printed.utf8.count < Self.printLimit {
            printed += String(decoding: bytes, as: UTF8.self) + "\n"
        } else if !cutNoted {
            printed += "… (output cut after \(Self.printLimit / 1000) kB)\n"
            cutNoted = true
        }
    }

    private mutating func flushPrinted() {
        defer { printed = "" }
        guard let cell = reading.lastCell, !printed.isEmpty else { return }
        var outputs = reading.outputs.cells[cell].outputs
        if case .printed(let earlier)? = outputs.last {
            outputs[outputs.count - 1] = .printed(earlier + printed)
        } else {
            outputs.append(.printed(printed))
        }
        reading.outputs.cells[cell].outputs = outputs
    }
}
