import PlanKit

/// The colours of every chart's data: the Okabe–Ito palette, adjusted so that each colour keeps at least 3:1
/// contrast (WCAG 2 for graphics) against both the light page (#ffffff) and the dark page (#0d1117).
///
/// Contrast on white / on #0d1117: blue #0072B2 5.2 / 3.7; amber #C98300 (Okabe–Ito orange darkened) 3.1 / 6.1;
/// green #009E73 3.4 / 5.5; vermillion #D55E00 3.9 / 4.9; purple #CC79A7 3.1 / 6.2; sky blue #3D9AD1 (darkened)
/// 3.1 / 6.1; olive #9A8C00 (in place of yellow, 1.3:1 on white) 3.4 / 5.5; grey #8C8C8C (in place of black,
/// 1.1:1 on dark) 3.4 / 5.6. Colour is never the only cue: series also differ by marker, cells carry numbers.
///
/// **One colour per plan.** The study's plans (`plans:` in `index.md`, set here by PlanRuntime before the first
/// cell runs) take the palette's first colours, in their order, and keep them on every chart: a series named after a
/// plan ("Large EP", or "Large EP, over 80 GB") is drawn in its colour wherever it appears. Every other series —
/// measures, components, segments — takes the remaining colours in order, so a plan's colour never means
/// anything else.
public enum ChartPalette {
    /// The eight data colours, in the order series use them.
    public static let colors = ["#0072B2", "#C98300", "#009E73", "#D55E00", "#CC79A7", "#3D9AD1", "#9A8C00", "#8C8C8C"]

    /// The study's plans, by the names its charts give their series; set once by PlanRuntime at the program's start.
    nonisolated(unsafe) public static var plans: [String] = []

    /// The colour of series (or GPU) `index`, cycling through the eight.
    public static func color(_ index: Int) -> String { colors[((index % colors.count) + colors.count) % colors.count] }

    /// The plan `name` belongs to: the plan itself, or a variant of it ("Large EP, over 80 GB", "Large EP 128").
    static func plan(of name: String) -> Int? {
        plans.indices.filter { name == plans[$0] || name.hasPrefix(plans[$0] + ",") || name.hasPrefix(plans[$0] + " ") }
            .max { plans[$0].count < plans[$1].count }
    }

    /// Whether `name` is a variant of a plan rather than the plan itself (drawn dashed on line charts).
    static func isVariant(_ name: String) -> Bool { plan(of: name).map { plans[$0] != name } ?? false }

    /// The colour of each of `names`, series of one chart: a plan's own, else the next colour no plan keeps.
    public static func colors(for names: [String]) -> [String] {
        let free = colors.indices.filter { $0 >= min(plans.count, colors.count) }.map { colors[$0] }
        var next = 0
        return names.map { name in
            if let plan = plan(of: name), plan < colors.count { return colors[plan] }
            defer { next += 1 }
            return free.isEmpty ? color(next) : free[next % free.count]
        }
    }

    /// The text colour that reads best on a fill of `color`: white on blue, black on the others (each at least
    /// 5.2:1).
    static func labelColor(on color: String) -> String { color == colors[0] ? "#ffffff" : "#000000" }

    /// The opposite of `labelColor`, for a thin halo that keeps a label legible over stripes.
    static func haloColor(on color: String) -> String { labelColor(on: color) == "#ffffff" ? "#000000" : "#ffffff" }

    /// Colours of a step timeline's segments: compute, memory traffic, communication (none of them a plan's).
    static var segmentColors: (compute: String, memory: String, communication: String) {
        let three = colors(for: ["compute-bound", "memory-bound", "communication"])
        return (three[0], three[1], three[2])
    }
}
