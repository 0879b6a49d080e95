import PlanKit

/// Which GPU holds each expert of each layer: a layers × experts grid, each cell coloured by its GPU and labelled
/// with its number; under tensor (or data) parallelism a cell is split into one stripe per GPU holding a shard (or a
/// copy), labelled with the range ("0–7"). A legend lists the GPUs node by node; pipeline stages are marked.
///
/// `show(deployment.placementHeatmap)`.
public struct PlacementHeatmap: Displayable, Hashable, Sendable {
    /// One (layer, expert): the GPUs holding it, ascending, and the label drawn on it.
    public struct Cell: Hashable, Sendable {
        public var layer: Int
        public var expert: Int
        /// Every GPU holding a shard or a copy of this expert.
        public var gpus: [Int]
        /// The GPUs as printed: "5", "0–7", "0, 8".
        public var label: String
    }

    /// The placement drawn.
    public let placement: Placement
    /// The figure caption and the SVG's `<title>`.
    public var title: String

    public init(_ placement: Placement, title: String? = nil) {
        self.placement = placement
        self.title = title ?? "Expert placement: \(placement.parallelism) on \(placement.cluster.gpuCount) GPUs"
    }

    /// Every cell, layer by layer, expert by expert.
    public var cells: [Cell] {
        (0..<placement.model.layers).flatMap { layer in
            (0..<placement.model.expertsPerLayer).map { cell(layer: layer, expert: $0) }
        }
    }

    /// The cell of `expert` in `layer`.
    public func cell(layer: Int, expert: Int) -> Cell {
        let gpus = placement.gpus(layer: layer, expert: expert)
        return Cell(layer: layer, expert: expert, gpus: gpus, label: GPUList.text(gpus))
    }

    /// The fill of GPU `gpu`'s cells and legend swatch (a palette colour, or a striped or dotted pattern).
    public func fill(ofGPU gpu: Int) -> String { GPUColors.fill(ofGPU: gpu) }

    /// One row per cell: layer, expert, pipeline stage and the GPUs holding it.
    public var data: DisplayTable {
        DisplayTable(header: ["layer", "expert", "stage", "GPUs"], rows: cells.map {
            ["\($0.layer)", "\($0.expert)", "\(placement.stage(ofLayer: $0.layer))", $0.label]
        })
    }

    /// The placement's deployment, when it came from one (`deployment.placementHeatmap`).
    public var plan: DisplayPlan? { placement.plan }

    public var display: Display { Display.chart(svg: svg, title: title, data: data).described(by: plan) }

    /// The chart as a standalone SVG document.
    public var svg: String {
        let model = placement.model
        let layers = model.layers
        let experts = model.expertsPerLayer
        let cluster = placement.cluster
        let stages = placement.parallelism.pp
        let legend = ChartLegend(rows: (0..<cluster.nodes).map { node in
            (heading: "Node \(node)", items: (node * cluster.gpusPerNode..<(node + 1) * cluster.gpusPerNode).map {
                ChartLegend.Item(label: "\($0)", swatch: .box(fill: fill(ofGPU: $0)))
            })
        })
        let rowHeight = min(22, max(6, 480 / Double(max(1, layers))))
        let layerLabels = (0..<layers).map(String.init)
        let frame = ChartFrame(plotHeight: rowHeight * Double(layers), legend: legend,
                               yLabelWidth: ChartFrame.labelWidth(layerLabels), rightPadding: stages > 1 ? 62 : 12)
        let cellWidth = frame.plotWidth / Double(max(1, experts))
        var w = SVGWriter()
        frame.drawLegend(into: &w)
        let gap = cellWidth >= 8 && rowHeight >= 8 ? 1.0 : 0
        w.open("g", ["class": "cells"])
        for layer in 0..<layers {
            let y = frame.top + Double(layer) * rowHeight
            // runs of neighbouring experts on the same GPUs: one rectangle each when cells are too narrow to
            // separate, and one label each when a cell is too narrow for its label
            var expert = 0
            while expert < experts {
                let first = cell(layer: layer, expert: expert)
                var end = expert + 1
                while end < experts, placement.gpus(layer: layer, expert: end) == first.gpus { end += 1 }
                let runX = frame.x(Double(expert) / Double(experts))
                let runWidth = cellWidth * Double(end - expert)
                if gap > 0 {
                    for e in expert..<end {
                        drawCell(first.gpus, x: runX + Double(e - expert) * cellWidth, y: y, width: cellWidth - gap,
                                 height: rowHeight - gap, into: &w)
                    }
                } else {
                    drawCell(first.gpus, x: runX, y: y, width: runWidth, height: rowHeight, into: &w)
                }
                let labelWidth = ChartStyle.textWidth(first.label, size: 11) + 4
                if rowHeight >= 12 {
                    if labelWidth <= cellWidth - gap {
                        for e in expert..<end {
                            drawLabel(first, cx: runX + (Double(e - expert) + 0.5) * cellWidth - gap / 2,
                                      cy: y + (rowHeight - gap) / 2, into: &w)
                        }
                    } else if labelWidth <= runWidth {
                        drawLabel(first, cx: runX + runWidth / 2, cy: y + (rowHeight - gap) / 2, into: &w)
                    }
                }
                expert = end
            }
        }
        w.close("g")
        drawAxes(frame, rowHeight: rowHeight, cellWidth: cellWidth, into: &w)
        let gpus = Array(0..<cluster.gpuCount)
        return SVGWriter.document(width: frame.width, height: frame.height, title: title, desc: description,
                                  defs: GPUColors.defs(for: gpus), body: w.markup)
    }

    /// A cell (or a run of cells) held by `gpus`: one colour, or one vertical stripe per GPU.
    private func drawCell(_ gpus: [Int], x: Double, y: Double, width: Double, height: Double, into w: inout SVGWriter) {
        guard gpus.count > 1 else {
            w.rect(x, y, width, height, fill: fill(ofGPU: gpus.first ?? 0))
            return
        }
        let stripe = width / Double(gpus.count)
        for (i, gpu) in gpus.enumerated() {
            w.rect(x + Double(i) * stripe, y, stripe, height, fill: fill(ofGPU: gpu))
        }
    }

    /// The cell's GPU numbers, in the colour that reads on its fill, with a halo over stripes and patterns.
    private func drawLabel(_ cell: Cell, cx: Double, cy: Double, into w: inout SVGWriter) {
        let gpu = cell.gpus.first ?? 0
        let plain = cell.gpus.count == 1 && GPUColors.variant(ofGPU: gpu) == 0
        let hue = cell.gpus.count == 1 ? GPUColors.hue(ofGPU: gpu) : 1
        w.text(cx, cy + 4, cell.label, anchor: "middle", size: 11, extra: [
            "fill": ChartPalette.labelColor(onColor: hue),
            "stroke": plain ? "" : ChartPalette.haloColor(onColor: hue),
            "stroke-width": plain ? "" : "2.5", "stroke-opacity": plain ? "" : "0.85",
            "style": plain ? "" : "paint-order:stroke", "stroke-linejoin": plain ? "" : "round",
            "font-weight": "600",
        ])
    }

    /// Layer numbers on the left, expert numbers below, stage brackets on the right.
    private func drawAxes(_ frame: ChartFrame, rowHeight: Double, cellWidth: Double, into w: inout SVGWriter) {
        let layers = placement.model.layers
        let experts = placement.model.expertsPerLayer
        let every = max(1, Int((14 / rowHeight).rounded(.up)))
        w.open("g", ["class": "axes", "fill-opacity": SVGWriter.n(ChartStyle.mutedOpacity)])
        for layer in stride(from: 0, to: layers, by: every) {
            w.text(frame.left - 6, frame.top + (Double(layer) + 0.5) * rowHeight + 4, "\(layer)", anchor: "end")
        }
        let widest = ChartStyle.textWidth("\(experts - 1)") + 6
        let step = [1, 2, 4, 8, 16, 32, 64].first { Double($0) * cellWidth >= widest } ?? 128
        for expert in stride(from: 0, to: experts, by: step) {
            w.text(frame.left + (Double(expert) + 0.5) * cellWidth, frame.bottom + 17, "\(expert)", anchor: "middle")
        }
        w.close("g")
        frame.drawYTitle("Layer", into: &w)
        frame.drawXTitle("Expert", into: &w)
        let stages = placement.parallelism.pp
        guard stages > 1 else { return }
        let perStage = placement.layersPerStage
        for stage in 0..<stages {
            let top = frame.top + Double(stage * perStage) * rowHeight
            let bottom = top + Double(perStage) * rowHeight - 1
            let x = frame.right + 6
            w.raw("<path d=\"M\(SVGWriter.n(x)),\(SVGWriter.n(top + 1))h4V\(SVGWriter.n(bottom))h-4\" fill=\"none\" "
                + "stroke=\"currentColor\" stroke-opacity=\"\(SVGWriter.n(ChartStyle.axisOpacity))\"/>\n")
            w.text(x + 9, (top + bottom) / 2 + 4, "stage \(stage)", size: 11)
        }
    }

    /// The `<desc>`: the layout in words.
    private var description: String {
        let p = placement.parallelism
        let c = placement.cluster
        var text = "Placement of \(placement.model.layers) layers × \(placement.model.expertsPerLayer) experts on "
            + "\(c.gpuCount) GPUs (\(c.nodes) node\(c.nodes == 1 ? "" : "s") × \(c.gpusPerNode)) under \(p). "
            + "Each cell is one expert of one layer, coloured by the GPU holding it and labelled with its number; "
            + "GPUs 8 and up repeat the eight colours with stripes, dots or cross-hatching. "
        text += "Each GPU holds \(placement.expertsPerRank) expert\(placement.expertsPerRank == 1 ? "" : "s") of each "
            + "of its \(placement.layersPerStage) layers"
        if p.tp > 1 { text += ", each split into \(p.tp) tensor shards on consecutive GPUs (cells striped)" }
        if p.dp > 1 { text += ", copied on \(p.dp) data-parallel replicas" }
        text += "."
        if p.pp > 1 {
            text += " Pipeline stages: " + (0..<p.pp).map { s in
                let gpus = placement.gpus(inStage: s)
                return "layers \(s * placement.layersPerStage)–\((s + 1) * placement.layersPerStage - 1) on GPUs "
                    + GPUList.text(gpus)
            }.joined(separator: "; ") + "."
        }
        return text
    }
}
