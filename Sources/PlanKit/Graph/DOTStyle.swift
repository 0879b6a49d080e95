/// How a deployment graph looks in DOT: the Okabe–Ito colour-blind-safe palette, the font, and the attributes of
/// each node and edge kind, with DOT string quoting.
///
/// Link classes differ in both colour and dash pattern, so they stay apart in greyscale print too.
enum DOTStyle {
    /// DejaVu Sans, the font Planbook pins Graphviz to, then fallbacks for readers without it.
    static let font = "DejaVu Sans,Verdana,sans-serif"
    /// Okabe–Ito colours.
    static let bluishGreen = "#009E73"
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let yellow = "#F0E442"
    static let vermillion = "#D55E00"
    static let ink = "#333333"
    static let grey = "#8C8C8C"

    /// One sentence per style, for the captions of the edge-level graph.
    static let legend = "solid green = NVLink, dashed orange = InfiniBand, light grey = a GPU's share to itself, "
        + "dotted = residual connection, bold = pipeline send/recv, thin dark = data on one GPU; "
        + "yellow nodes are collectives, blue ones experts"
    /// The same for the layer overview, where each collective is one node.
    static let overviewLegend = "each yellow node is one collective for its whole group of GPUs, with the bytes "
        + "each GPU sends; blue nodes are experts; bold = pipeline send/recv (green NVLink, dashed orange InfiniBand)"

    /// DOT attributes of a node of `kind`.
    static func attributes(of kind: DeploymentGraph.NodeKind) -> [(String, String)] {
        switch kind {
        case .operator: [("fillcolor", "#FFFFFF")]
        case .expert: [("fillcolor", "#A9D8F3"), ("color", "#0072B2")]
        case .collective: [("fillcolor", yellow)]
        case .summary: [("fillcolor", "#EEEEEE"), ("style", "rounded,filled,dashed")]
        }
    }

    /// The colour of a link: green for NVLink, orange for InfiniBand, light grey when no wire is crossed.
    static func colour(of link: LinkClass?) -> String {
        switch link {
        case .nvlink: bluishGreen
        case .infiniband: orange
        case nil: "#BBBBBB"
        }
    }

    /// DOT attributes of `edge`; `labelTensors` writes shapes as visible labels (else only as tooltips).
    static func attributes(of edge: DeploymentGraph.Edge, labelTensors: Bool) -> [(String, String)] {
        let tooltip = edge.detail.isEmpty ? edge.tensor : edge.detail
        var attributes: [(String, String)] = []
        switch edge.kind {
        case .data:
            attributes = [("color", ink)]
            if labelTensors && !edge.tensor.isEmpty { attributes.append(("label", edge.tensor)) }
        case .residual:
            attributes = [("style", "dotted"), ("color", grey)]
        case .allToAll:
            attributes = [("color", colour(of: edge.link)), ("penwidth", "0.7"), ("arrowsize", "0.4")]
            if edge.link == .infiniband { attributes.append(("style", "dashed")) }
        case .allReduce:
            attributes = [("color", colour(of: edge.link)), ("penwidth", "2"), ("dir", "none"), ("constraint", "false")]
            if edge.link == .infiniband { attributes.append(("style", "dashed")) }
        case .sendRecv:
            let style = edge.link == .infiniband ? "bold,dashed" : "bold"
            attributes = [("style", style), ("penwidth", "2.5"), ("color", colour(of: edge.link))]
            if labelTensors && !edge.tensor.isEmpty { attributes.append(("label", edge.tensor)) }
        case .collectiveMember:
            attributes = [("color", ink), ("penwidth", "0.8"), ("arrowsize", "0.5")]
        }
        attributes.append(("tooltip", tooltip))
        return attributes
    }

    /// `text` as a quoted DOT string: backslashes and quotes escaped, line breaks as DOT's centred "\n".
    static func quoted(_ text: String) -> String { "\"" + quotedContent(text) + "\"" }

    /// `text` escaped for the inside of a DOT string.
    static func quotedContent(_ text: String) -> String {
        // Most labels need no escape: one scan of their bytes instead of a walk over their characters.
        if !text.utf8.contains(where: { $0 == 92 || $0 == 34 || $0 == 10 || $0 == 13 }) { return text }
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out
    }

    /// ` [a="x", b="y"]`, or nothing when empty.
    static func list(_ attributes: [(String, String)]) -> String {
        attributes.isEmpty ? "" : " [" + pairs(attributes) + "]"
    }

    /// `a="x", b="y"`.
    static func pairs(_ attributes: [(String, String)]) -> String {
        attributes.map { "\($0.0)=\(quoted($0.1))" }.joined(separator: ", ")
    }
}
