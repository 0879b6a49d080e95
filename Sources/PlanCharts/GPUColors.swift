import PlanKit

/// How a heatmap tells GPUs apart: eight hues (GPU g takes hue g mod 8) and, for each further group of eight —
/// the second node of an 8-GPU-per-node cluster — a texture over the hue: diagonal stripes, then dots, then a
/// cross-hatch. Numbers printed on every cell make colour a second cue, never the only one.
public enum GPUColors {
    /// The hue of GPU `gpu`.
    public static func hue(ofGPU gpu: Int) -> Int { ((gpu % 8) + 8) % 8 }
    /// The texture of GPU `gpu`: 0 solid, 1 striped, 2 dotted, 3 cross-hatched.
    public static func variant(ofGPU gpu: Int) -> Int { (max(0, gpu) / 8) % 4 }

    /// The SVG fill of GPU `gpu`: a palette colour, or a reference to a pattern that `defs` defines.
    public static func fill(ofGPU gpu: Int) -> String {
        let variant = variant(ofGPU: gpu)
        return variant == 0 ? ChartPalette.color(hue(ofGPU: gpu)) : "url(#gpu-v\(variant)-h\(hue(ofGPU: gpu)))"
    }

    /// The patterns the fills of `gpus` refer to, each once, in a fixed order.
    static func defs(for gpus: [Int]) -> String {
        var needed: [(variant: Int, hue: Int)] = []
        for gpu in gpus where variant(ofGPU: gpu) > 0 {
            let key = (variant(ofGPU: gpu), hue(ofGPU: gpu))
            if !needed.contains(where: { $0 == key }) { needed.append(key) }
        }
        needed.sort { $0.variant != $1.variant ? $0.variant < $1.variant : $0.hue < $1.hue }
        return needed.map { key in
            let color = ChartPalette.color(key.hue)
            let overlay = "#ffffff"
            let texture: String
            switch key.variant {
            case 1:  // stripes at 45°
                texture = "<rect width=\"2.5\" height=\"6\" fill=\"\(overlay)\" fill-opacity=\"0.5\"/>"
            case 2:  // dots
                texture = "<circle cx=\"3\" cy=\"3\" r=\"1.4\" fill=\"\(overlay)\" fill-opacity=\"0.65\"/>"
            default:  // cross-hatch
                texture = "<rect width=\"1.6\" height=\"6\" fill=\"\(overlay)\" fill-opacity=\"0.5\"/>"
                    + "<rect width=\"6\" height=\"1.6\" fill=\"\(overlay)\" fill-opacity=\"0.5\"/>"
            }
            let rotate = key.variant == 2 ? "" : " patternTransform=\"rotate(45)\""
            return "<pattern id=\"gpu-v\(key.variant)-h\(key.hue)\" patternUnits=\"userSpaceOnUse\" width=\"6\" "
                + "height=\"6\"\(rotate)><rect width=\"6\" height=\"6\" fill=\"\(color)\"/>\(texture)</pattern>\n"
        }.joined()
    }
}
