extension Deployment {
    /// Every operator of a layer in prefill: global shape, split and local shape of each tensor.
    public var dimensions: DimensionTable { dimensions(for: .prefill) }

    /// Every operator of a layer in `phase`: global shape, split and local shape of each tensor.
    ///
    /// Splits follow the parallel layout: tokens by the attention replicas (DP, and EP under data-parallel
    /// attention) and micro-batches; heads by the attention tensor degree; layers of weights and KV cache by PP;
    /// experts by EP; each expert's FFN width by TP. Under tensor-parallel attention each EP rank routes a slice
    /// of its replica's tokens, gathered back after combine. Routed rows are split as uniform routing
    /// distributes them in expectation.
    public func dimensions(for phase: Phase) -> DimensionTable {
        let m = model
        let p = parallelism
        let d = m.hidden
        let dh = m.headDimension
        let tokens = StepTokens(self, phase: phase)
        let n = tokens.globalTokens

        // splits are filtered once here so that every TensorDimension shares these arrays
        let tokenSplits: [AxisSplit] = (p.attention == .dataParallel
            ? [AxisSplit(.data, p.dp), AxisSplit(.expert, p.ep), AxisSplit(.microBatch, p.microBatches)]
            : [AxisSplit(.data, p.dp), AxisSplit(.microBatch, p.microBatches)]).filter { $0.ways > 1 }
        let moeSplits = p.attention == .dataParallel || p.ep == 1
            ? tokenSplits : tokenSplits + [AxisSplit(.expert, p.ep)]
        let headSplits: [AxisSplit] = (p.attention == .dataParallel
            ? [AxisSplit(.tensor, p.tp)] : [AxisSplit(.expert, p.ep), AxisSplit(.tensor, p.tp)]).filter { $0.ways > 1 }
        let tp = [AxisSplit(.tensor, p.tp)].filter { $0.ways > 1 }
        let layers = TensorDimension("layers", m.layers, [AxisSplit(.pipeline, p.pp)])
        let hidden = TensorDimension("hidden", d)
        let tokenDim = TensorDimension("tokens", n, tokenSplits)
        let moeTokenDim = TensorDimension("tokens", n, moeSplits)
        let rowDim = TensorDimension("routed rows", n * m.topK, moeSplits)
        let ffn = TensorDimension("FFN", m.expertFFN, tp)
        let x = [tokenDim, hidden]
        let moeX = [moeTokenDim, hidden]
        let partial = p.tp > 1 ? "partial sums, all-reduced over TP" : ""

        func norm(_ op: LayerOperator, _ input: String, _ output: String) -> OperatorShape {
            OperatorShape(op, [TensorShape(.input, input, x), TensorShape(.output, output, x)])
        }
        func residual(_ op: LayerOperator, _ branch: String) -> OperatorShape {
            OperatorShape(op, [
                TensorShape(.input, "x", x), TensorShape(.input, branch, x), TensorShape(.output, "x", x),
            ])
        }

        let slots = m.attentionHeads + 2 * m.kvHeads
        var ops: [OperatorShape] = [
            norm(.attentionNorm, "x", "x̂"),
            OperatorShape(.qkvProjection, [
                TensorShape(.input, "x̂", x),
                TensorShape(.weight, "W_qkv", [layers, hidden, TensorDimension("q+k+v heads", slots, headSplits),
                    TensorDimension("head dim", dh)]),
                TensorShape(.output, "qkv", [tokenDim, TensorDimension("q+k+v heads", slots, headSplits),
                    TensorDimension("head dim", dh)]),
            ]),
            OperatorShape(.attention, [
                TensorShape(.input, "qkv", [tokenDim, TensorDimension("q+k+v heads", slots, headSplits),
                    TensorDimension("head dim", dh)]),
                TensorShape(.cache, "KV", [layers, TensorDimension("sequences", workload.batch, tokenSplits),
                    TensorDimension("cached tokens", workload.sequenceLength), TensorDimension("K,V", 2),
                    TensorDimension("KV heads", m.kvHeads, headSplits), TensorDimension("head dim", dh)]),
                TensorShape(.output, "o", [tokenDim, TensorDimension("heads", m.attentionHeads, headSplits),
                    TensorDimension("head dim", dh)]),
            ]),
            OperatorShape(.outputProjection, [
                TensorShape(.input, "o", [tokenDim, TensorDimension("heads", m.attentionHeads, headSplits),
                    TensorDimension("head dim", dh)]),
                TensorShape(.weight, "W_o", [layers, TensorDimension("heads", m.attentionHeads, headSplits),
                    TensorDimension("head dim", dh), hidden]),
                TensorShape(.output, "attn", x,
                    note: p.attentionTensorDegree > 1 ? "partial sums, all-reduced over the attention group" : ""),
            ]),
            residual(.attentionResidual, "attn"),
            norm(.moeNorm, "x", "x̃"),
            OperatorShape(.router, [
                TensorShape(.input, "x̃", moeX),
                TensorShape(.weight, "W_router", [layers, hidden, TensorDimension("experts", m.expertsPerLayer)]),
                TensorShape(.output, "logits", [moeTokenDim, TensorDimension("experts", m.expertsPerLayer)]),
            ]),
            OperatorShape(.dispatch, [
                TensorShape(.input, "x̃", moeX),
                TensorShape(.output, "rows", [rowDim, hidden],
                    note: p.ep > 1 ? "after all-to-all: rows for this GPU's experts (uniform routing)" : ""),
            ]),
        ]
        let expertDim = TensorDimension("experts", m.expertsPerLayer, [AxisSplit(.expert, p.ep)])
        if m.gatedFFN {
            ops.append(OperatorShape(.expertGate, [
                TensorShape(.input, "rows", [rowDim, hidden]),
                TensorShape(.weight, "W_gate", [layers, expertDim, hidden, ffn]),
                TensorShape(.output, "g", [rowDim, ffn]),
            ]))
        }
        ops.append(OperatorShape(.expertUp, [
            TensorShape(.input, "rows", [rowDim, hidden]),
            TensorShape(.weight, "W_up", [layers, expertDim, hidden, ffn]),
            TensorShape(.output, "h", [rowDim, ffn]),
        ]))
        ops.append(OperatorShape(.expertDown, [
            TensorShape(.input, "h", [rowDim, ffn]),
            TensorShape(.weight, "W_down", [layers, expertDim, ffn, hidden]),
            TensorShape(.output, "expert out", [rowDim, hidden], note: partial),
        ]))
        if m.sharedExperts > 0 {
            ops.append(OperatorShape(.sharedExperts, [
                TensorShape(.input, "x̃", moeX),
                TensorShape(.weight, "W_shared", [layers, TensorDimension("matrices", m.sharedExperts
                    * m.matricesPerExpert), hidden, ffn]),
                TensorShape(.output, "shared out", moeX, note: partial),
            ]))
        }
        ops.append(OperatorShape(.combine, [
            TensorShape(.input, "expert out", [rowDim, hidden]),
            TensorShape(.output, "moe", moeX, note: p.ep > 1 ? "after all-to-all back to the token's GPU" : ""),
        ]))
        ops.append(OperatorShape(.moeResidual, [
            TensorShape(.input, "x", x),
            TensorShape(.input, "moe", p.attention == .tensorParallel && p.ep > 1 ? x : moeX,
                note: p.attention == .tensorParallel && p.ep > 1 ? "after all-gather over EP" : ""),
            TensorShape(.output, "x", x),
        ]))
        return DimensionTable(phase: phase, parallelism: p, operators: ops, plan: DisplayPlan(self))
    }
}
