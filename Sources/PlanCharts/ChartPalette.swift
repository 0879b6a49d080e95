import PlanKit

/// The colours of every chart's data: the Okabe–Ito palette, adjusted so that each colour keeps at least 3:1
/// contrast (WCAG 2 for graphics) against both the light page (#ffffff) and the dark page (#0d1117).
///
/// Contrast on white / on #0d1117: blue #0072B2 5.2 / 3.7; amber #C98300 (Okabe–Ito orange darkened) 3.1 / 6.1;
/// green #009E73 3.4 / 5.5; vermillion #D55E00 3.9 / 4.9; purple #CC79A7 3.1 / 6.2; sky blue #3D9AD1 (darkened)
/// 3.1 / 6.1; olive #9A8C00 (in place of yellow, 1.3:1 on white) 3.4 / 5.5; grey #8C8C8C (in place of black,
/// 1.1:1 on dark) 3.4 / 5.6. Colour is never the only cue: series also differ by marker, cells carry numbers.
public enum ChartPalette {
    /// The eight data colours, in the order series use them.
    public static let colors = ["#0072B2", "#C98300", "#009E73", "#D55E00", "#CC79A7", "#3D9AD1", "#9A8C00", "#8C8C8C"]

    /// The colour of series (or GPU) `index`, cycling through the eight.
    public static func color(_ index: Int) -> String { colors[((index % colors.count) + colors.count) % colors.count] }

    /// The text colour that reads best on a fill of `colors[index]`: white on blue, black on the others
    /// (each at least 5.2:1).
    static func labelColor(onColor index: Int) -> String {
        ((index % colors.count) + colors.count) % colors.count == 0 ? "#ffffff" : "#000000"
    }

    /// The opposite of `labelColor`, for a thin halo that keeps a label legible over stripes.
    static func haloColor(onColor index: Int) -> String { labelColor(onColor: index) == "#ffffff" ? "#000000" : "#ffffff" }

    /// Colours of a step timeline's segments: compute, memory traffic, communication.
    static let compute = colors[0]
    static let memory = colors[1]
    static let communication = colors[3]
}
