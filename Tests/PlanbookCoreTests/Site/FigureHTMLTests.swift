import Testing

@testable import PlanbookCore

@Suite("Figures: legible at reading size, linked when large")
struct FigureHTMLTests {
    /// A Graphviz root: 890 × 1492 pt, drawn in points, its smallest text 10 pt.
    let drawing = """
        <svg width="890pt" height="1492pt" viewBox="0.00 0.00 890.00 1492.00" xmlns="http://www.w3.org/2000/svg">
        <text font-size="13.00">title</text><text font-size="10.00">node</text></svg>
        """
    /// A PlanKit chart: 560 × 400 px, its text 12 px (13 px titles).
    let chart = """
        <svg xmlns="http://www.w3.org/2000/svg" width="560" height="400" viewBox="0 0 560 400" font-size="12">
        <text font-size="13">Axis</text></svg>
        """

    @Test func metricsReadPointsAndPixels() throws {
        // 890 pt × 4/3 = 1186.67 px; 10 pt at that scale = 13.33 px. At 9 px the drawing may shrink to
        // 1186.67 × 9 / 13.33 = 801 px, at 7 px to 623 px.
        let metrics = try #require(SVGMetrics(drawing))
        #expect(abs(metrics.width - 1186.67) < 0.01 && abs(metrics.height - 1989.33) < 0.01)
        #expect(abs((metrics.smallestFont ?? 0) - 13.333) < 0.001)
        #expect(abs(metrics.minimumWidth(forFont: 9) - 801) <= 1)
        #expect(abs(metrics.minimumWidth(forFont: 7) - 623) <= 1)
        // The chart: 12 px text at 560 px; 9 px at 560 × 9 / 12 = 420 px, 7 px at 326.7 → 327 px.
        let chartMetrics = try #require(SVGMetrics(chart))
        #expect(chartMetrics.width == 560 && chartMetrics.smallestFont == 12)
        #expect(chartMetrics.minimumWidth(forFont: 9) == 420 && chartMetrics.minimumWidth(forFont: 7) == 327)
        #expect(SVGMetrics("<svg viewBox=\"0 0 10 10\"></svg>") == nil)  // no size: the page cannot size it
    }

    @Test func aNarrowChartSitsInTheColumnAndAWideDrawingBreaksOut() throws {
        let narrow = FigureHTML(kind: .chart, name: "c", number: "Figure 1.2", caption: "Memory", label: "Memory",
                                svg: chart, downloads: [("CSV", "p/c.csv", "a,b\r\n")], folder: "p")
            .html(scope: .site, embedding: FigureEmbedding())
        #expect(narrow.hasPrefix("<figure class=\"figure figure-chart\" id=\"fig-c\" "
            + "style=\"--figure-width: 560px; --figure-min: 420px; --figure-min-phone: 327px\">"))
        #expect(narrow.contains("<div class=\"figure-frame\"><svg"))
        #expect(narrow.contains("<a href=\"p/c.svg\">Full size</a> · Download: <a href=\"p/c.svg\">SVG</a> · "
            + "<a href=\"p/c.csv\">CSV</a>"))
        let wide = FigureHTML(kind: .drawing, name: "d", number: nil, caption: nil, label: "DAG", svg: drawing,
                              downloads: [], folder: "p").html(scope: .site, embedding: FigureEmbedding())
        #expect(wide.hasPrefix("<figure class=\"figure figure-drawing figure-wide\" id=\"fig-d\""))
    }

    @Test func aDrawingPastTheLimitIsLinkedExceptWhereThePageMustStandAlone() throws {
        let figure = FigureHTML(kind: .drawing, name: "full", number: "Figure 2.9", caption: "Every layer",
                                label: "Every layer", svg: drawing, downloads: [("DOT", "p/full.dot", "digraph {}")],
                                folder: "p")
        let small = FigureEmbedding(inlineLimit: 100)  // the drawing is about 250 bytes
        let linked = figure.html(scope: .site, embedding: small)
        #expect(linked.contains("figure-linked"))
        #expect(linked.contains("<a class=\"figure-open\" href=\"p/full.html\"><img src=\"p/full.svg\" "
            + "alt=\"Figure 2.9: Every layer (a drawing too large to show here; open it full size)\" width=\"1187\" "
            + "height=\"1989\" loading=\"lazy\" decoding=\"async\"></a>"))
        #expect(!linked.contains("<svg"))
        #expect(linked.contains("<a href=\"p/full.html\">Full size</a>"))
        let embedded = figure.html(scope: .selfContained, embedding: small)
        #expect(embedded.contains("<svg") && !embedded.contains("<img") && !embedded.contains("Full size"))
    }
}
