import PlanKit

/// The look every PlanKit chart shares: the page's fonts and sizes, the width of the text column, and the
/// opacities that let text, axes and gridlines follow the page's text colour (`currentColor`) in light and dark mode.
public enum ChartStyle {
    /// Width of every chart, in CSS pixels: the text column (the page scales it down, never up).
    public static let width = 560.0
    /// DejaVu Sans first, the font Planbook measures Graphviz drawings in, so charts and drawings look alike; then
    /// the page's sans-serif stack.
    public static let fontFamily = "'DejaVu Sans', Verdana, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
    /// Size of tick labels, legend entries and cell labels.
    public static let fontSize = 12.0
    /// Size of axis titles.
    public static let titleSize = 13.0
    /// Opacity of gridlines drawn in the text colour.
    static let gridOpacity = 0.14
    /// Opacity of axis lines and tick marks.
    static let axisOpacity = 0.55
    /// Opacity of tick labels and secondary text.
    static let mutedOpacity = 0.8

    /// Estimated width of `text` at `size` px in a system sans-serif (no font metrics without I/O): digits and
    /// most letters ≈ 0.6 em, capitals ≈ 0.7 em, narrow ones (i, l, 1, punctuation) ≈ 0.32 em, wide ones ≈ 0.9 em,
    /// erring wide so that labels never collide.
    static func textWidth(_ text: String, size: Double = fontSize) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "I", "1", ".", ",", ":", ";", "'", "|", "!", " ", "(", ")", "[", "]", "f", "t", "r":
                ems += 0.32
            case "m", "w", "M", "W", "—", "%", "@":
                ems += 0.9
            case "A"..."Z", "µ", "×", "–":
                ems += 0.7
            default:
                ems += 0.6
            }
        }
        return ems * size
    }
}
