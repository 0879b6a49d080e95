/// Every operator of one layer with the global shape, split and per-GPU local shape of each tensor, for one phase.
///
/// Shapes are per step: tokens count the whole batch of the phase, weights and the KV cache count every layer
/// (split by PP). Local shapes are what one GPU holds for one micro-batch. `verify()` proves from each GPU's
/// rank that the local pieces reassemble the global tensors.
public struct DimensionTable: Hashable, Codable, Sendable, CustomStringConvertible {
    public var phase: Phase
    public var parallelism: Parallelism
    public var operators: [OperatorShape]

    public init(phase: Phase, parallelism: Parallelism, operators: [OperatorShape]) {
        self.phase = phase
        self.parallelism = parallelism
        self.operators = operators
    }

    /// The shape of `op`, if the layer has that operator.
    public subscript(_ op: LayerOperator) -> OperatorShape? { operators.first { $0.op == op } }

    /// Column titles of `rows`.
    public var header: [String] { ["operator", "tensor", "global shape", "split", "local shape per GPU"] }

    /// One row per tensor of every operator.
    public var rows: [[String]] {
        operators.flatMap { shape in
            shape.tensors.map { t in
                [shape.op.rawValue, "\(t.role) \(t.name)", t.globalText, t.splitText,
                 t.localText + (t.note.isEmpty ? "" : " (\(t.note))")]
            }
        }
    }

    public var description: String {
        "Dimensions (\(phase), \(parallelism)):\n" + operators.map { "  \($0)" }.joined(separator: "\n")
    }

    /// Checks that local shapes reassemble the global ones. For every tensor it walks all (GPU, micro-batch)
    /// slots, takes each slot's index range along every dimension from its rank, and checks that the distinct
    /// ranges of each dimension tile it exactly, that the distinct pieces number exactly `parts` and are held
    /// equally often, that the pieces' elements add up to the global count, and that no piece exceeds the
    /// local shape. It also checks that a tensor read under the name another operator wrote has that global
    /// shape. Returns the problems found; empty means the table is sound.
    public func verify() -> [String] {
        var problems: [String] = []
        var written: [String: [Int]] = [:]
        for shape in operators {
            for tensor in shape.tensors {
                let label = "\(shape.op) \(tensor.role) \(tensor.name)"
                if tensor.role != .output, let shapeWritten = written[tensor.name], shapeWritten != tensor.global {
                    problems.append("\(label) is read as \(tensor.globalText) but was written as "
                        + TensorShape.text(shapeWritten))
                }
                problems += reassemblyProblems(tensor, label: label)
            }
            for tensor in shape.tensors(.output) { written[tensor.name] = tensor.global }
        }
        return problems
    }

    private func reassemblyProblems(_ tensor: TensorShape, label: String) -> [String] {
        var problems: [String] = []
        for dimension in tensor.dimensions {
            for split in dimension.splits where split.ways != split.axis.degree(parallelism) {
                problems.append("\(label): \(dimension.name) is split \(split.ways) ways by \(split.axis), "
                    + "whose degree is \(split.axis.degree(parallelism))")
            }
        }
        var holders: [[Range<Int>]: Int] = [:]
        for gpu in 0..<parallelism.gpuCount {
            let rank = GPURank(gpu: gpu, parallelism: parallelism)
            for microBatch in 0..<parallelism.microBatches {
                let piece = tensor.dimensions.map { $0.range(ofShard: $0.shard(of: rank, microBatch: microBatch)) }
                holders[piece, default: 0] += 1
            }
        }
        let expectedPieces = tensor.dimensions.reduce(1) { $0 * $1.parts }
        if holders.count != expectedPieces {
            problems.append("\(label): \(holders.count) distinct pieces, expected \(expectedPieces)")
        }
        if Set(holders.values).count > 1 {
            problems.append("\(label): pieces are held unequally often (\(Set(holders.values).sorted()))")
        }
        var covered = 0
        for piece in holders.keys {
            covered += piece.reduce(1) { $0 * $1.count }
            for (index, range) in piece.enumerated() where range.count > tensor.dimensions[index].local {
                problems.append("\(label): a piece of \(tensor.dimensions[index].name) has \(range.count) > local "
                    + "\(tensor.dimensions[index].local)")
            }
        }
        if covered != tensor.globalElements {
            problems.append("\(label): pieces hold \(covered) elements, the tensor has \(tensor.globalElements)")
        }
        for (index, dimension) in tensor.dimensions.enumerated() {
            let ranges = Set(holders.keys.map { $0[index] }).sorted { $0.lowerBound < $1.lowerBound }
            var next = 0
            for range in ranges {
                if range.lowerBound != next {
                    problems.append("\(label): \(dimension.name) has a gap or overlap at \(next)")
                    break
                }
                next = range.upperBound
            }
            if next != dimension.global {
                problems.append("\(label): \(dimension.name) pieces end at \(next), not \(dimension.global)")
            }
        }
        return problems
    }
}
