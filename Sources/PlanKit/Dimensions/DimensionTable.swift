/// Every operator of one layer with the global shape, split and per-GPU local shape of each tensor, for one phase.
///
/// Shapes are per step: tokens count the whole batch of the phase, weights and the KV cache count every layer
/// (split by PP). Local shapes are what one GPU holds for one micro-batch. `verify()` proves from each GPU's
/// rank that the local pieces reassemble the global tensors.
public struct DimensionTable: Hashable, Codable, Sendable, CustomStringConvertible {
    public var phase: Phase
    public var parallelism: Parallelism
    public var operators: [OperatorShape]
    /// The deployment whose layer this is.
    public var plan: DisplayPlan?

    public init(phase: Phase, parallelism: Parallelism, operators: [OperatorShape], plan: DisplayPlan? = nil) {
        self.phase = phase
        self.parallelism = parallelism
        self.operators = operators
        self.plan = plan
    }

    /// The shape of `op`, if the layer has that operator.
    public subscript(_ op: LayerOperator) -> OperatorShape? { operators.first { $0.op == op } }

    /// Column titles of `rows`.
    public var header: [String] { ["operator", "tensor", "global shape", "split", "local shape per GPU"] }

    /// "Tensor dimensions of one layer in prefill".
    public var title: String? { "Tensor dimensions of one layer in \(phase)" }

    /// One row per tensor of every operator; a shape's cell keeps its element count (unit `elements`).
    public var cells: [[DisplayCell]] {
        operators.flatMap { shape in
            shape.tensors.map { t in
                [DisplayCell(shape.op.rawValue), DisplayCell("\(t.role) \(t.name)"),
                 DisplayCell(Double(t.globalElements), text: t.globalText, unit: "elements"), DisplayCell(t.splitText),
                 DisplayCell(Double(t.localElements), text: t.localText + (t.note.isEmpty ? "" : " (\(t.note))"),
                             unit: "elements")]
            }
        }
    }

    /// The figures, without the plan.
    enum CodingKeys: String, CodingKey { case phase, parallelism, operators }

    public var description: String {
        "Dimensions (\(phase), \(parallelism)):\n" + operators.map { "  \($0)" }.joined(separator: "\n")
    }

    /// Checks that local shapes reassemble the global ones. For every tensor it walks all (GPU, micro-batch)
    /// slots, takes each slot's shard along every dimension from its rank, and checks that the distinct pieces
    /// number exactly the product of the dimensions' parts and are held equally often (so every combination
    /// of shards is held, and replicas are even), that each dimension's shards tile it without gap or
    /// overlap, that the pieces' elements add up to the global count, and that no piece exceeds the local
    /// shape. It also checks that a tensor read under the name another operator wrote has that global
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
        // pieces keyed by their shard index along every dimension (an empty shard is still a piece)
        var holders: [[Int]: Int] = [:]
        for gpu in 0..<parallelism.gpuCount {
            let rank = GPURank(gpu: gpu, parallelism: parallelism)
            for microBatch in 0..<parallelism.microBatches {
                holders[tensor.dimensions.map { $0.shard(of: rank, microBatch: microBatch) }, default: 0] += 1
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
            var elements = 1
            for (index, shard) in piece.enumerated() {
                let dimension = tensor.dimensions[index]
                guard shard >= 0 && shard < dimension.parts else {
                    problems.append("\(label): \(dimension.name) shard \(shard) outside 0..<\(dimension.parts)")
                    elements = 0
                    continue
                }
                let range = dimension.range(ofShard: shard)
                if range.count > dimension.local {
                    problems.append(
                        "\(label): a piece of \(dimension.name) has \(range.count) > local \(dimension.local)")
                }
                elements *= range.count
            }
            covered += elements
        }
        if covered != tensor.globalElements {
            problems.append("\(label): pieces hold \(covered) elements, the tensor has \(tensor.globalElements)")
        }
        for (index, dimension) in tensor.dimensions.enumerated() {
            let shards = Set(holders.keys.map { $0[index] }).sorted()
            var next = 0
            for shard in shards where shard >= 0 && shard < dimension.parts {
                let range = dimension.range(ofShard: shard)
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
