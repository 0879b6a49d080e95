import Testing

@testable import PlanbookCore

/// DOT with its tooltips and left-set graph label taken out: graphs that differ only there share one layout, and the
/// drawing made through the template is byte for byte the drawing Graphviz makes of the graph itself.
@Suite struct LayoutTemplateTests {
    /// A row of eight nodes under a two-line left-set label, with a tooltip on every edge; clusters label themselves.
    /// The row is 931 pt wide; the widest line's bound, "Batch 4096 · prefill shapes" at 14 pt, is
    /// (26 × 1.1 + 1 × 1.6) em × 14 pt = 423 pt, + 40 = 463 pt ≤ 931: the label cannot set the width.
    static func graph(batch: Int, tip: String? = nil) -> String {
        let tooltip = tip ?? "[\(batch)×10000, 4096]"
        return """
            digraph "flow" {
              graph [label="Batch \(batch) · prefill shapes\\lone row of eight experts\\l", labelloc="t", labeljust="l"]
              subgraph cluster_g0 { graph [label="GPU 0"]; a [label="router"] }
              node [shape=box]
              a -> {expert_zero expert_one expert_two expert_three expert_four expert_five expert_six expert_seven} \
            [tooltip="\(tooltip)"]
            }
            """
    }

    /// The template of `dot`, its label taken out however small the graph (the tests' graphs are).
    private func layoutTemplate(_ dot: String, engine: String, keepingLabel: Bool = false) -> LayoutTemplate {
        LayoutTemplate(dot: dot, engine: engine, keepingLabel: keepingLabel, labelStatements: 0)
    }

    @Test func aSmallGraphKeepsItsLabel() {
        // 5 lines, fewer than 500 statements: another layout costs little, so only the tooltip is taken out.
        let template = LayoutTemplate(dot: Self.graph(batch: 8), engine: "dot")
        #expect(template.texts == ["[8×10000, 4096]"] && template.labelWidthBound == nil)
    }

    @Test func graphsThatDifferInTooltipsAndTheirLabelsNumbersShareATemplate() {
        let small = layoutTemplate(Self.graph(batch: 8), engine: "dot")
        let large = layoutTemplate(Self.graph(batch: 4096), engine: "dot")
        #expect(small.dot == large.dot)
        // In the order of the DOT: the label's two lines, then the tooltip (written once for the eight edges).
        #expect(small.texts == ["Batch 8 · prefill shapes", "one row of eight experts", "[8×10000, 4096]"])
        #expect(large.texts[0] == "Batch 4096 · prefill shapes")
        #expect(small.dot.contains("label=\"PB#0#\\lPB#1#\\l\"") && small.dot.contains("tooltip=\"PB#2#\""))
        // Cluster and node labels size their boxes: they stay.
        #expect(small.dot.contains("label=\"GPU 0\"") && small.dot.contains("label=\"router\""))
    }

    @Test func theDrawingThroughTheTemplateIsGraphvizsDrawingOfTheGraph() throws {
        // Text Graphviz escapes: < > - ' and a space after a space (and after that one).
        for (dot, tip) in [(Self.graph(batch: 64), "[64×10000, 4096]"), (Self.graph(batch: 7, tip: "a<b> c-d it's  two   three"), "a<b> c-d it's  two   three")] {
            let template = layoutTemplate(dot, engine: "dot")
            #expect(template.texts.contains(tip) && template.texts.count == 3)
            let layout = try Graphviz.svg(fromDOT: template.dot)
            #expect(template.fits(layout))
            #expect(template.filled(layout) == (try Graphviz.svg(fromDOT: dot)))
        }
    }

    @Test func aTooltipWithBackslashesOrEntitiesStaysInTheDOT() {
        // `\n` is a line break to Graphviz, `&amp;` an entity: neither is plain text.
        let template = layoutTemplate(
            "digraph { a [tooltip=\"two\\nlines\"]; b [tooltip=\"x &amp; y\"]; c [tooltip=\"plain\"] }", engine: "dot")
        #expect(template.texts == ["plain"])
        #expect(template.dot.contains("tooltip=\"two\\nlines\"") && template.dot.contains("tooltip=\"x &amp; y\""))
    }

    @Test func aLabelThatCouldMoveTheLayoutStays() {
        // Centred (labeljust is not l); a line set apart with \n; a cluster without a label of its own, which shows
        // the graph's; another engine; two root labels.
        let cases = [
            "digraph { label=\"Batch 8\\l\"; a -> b }",
            "digraph { label=\"Batch 8\\nmore\\l\"; labeljust=l; a -> b }",
            "digraph { label=\"Batch 8\\l\"; labeljust=l; subgraph cluster_x { a } a -> b }",
            "digraph { label=\"x\\l\"; label=\"Batch 8\\l\"; labeljust=l; a -> b }",
        ]
        for dot in cases {
            #expect(layoutTemplate(dot, engine: "dot").texts.isEmpty, "\(dot)")
        }
        #expect(layoutTemplate("digraph { label=\"Batch 8\\l\"; labeljust=l; a -> b }", engine: "neato").texts.isEmpty)
        // The statement form at the root counts, as does a quoted `"l"`; a subgraph's own label is not the root's.
        let statement = layoutTemplate(
            "digraph { subgraph cluster_x { label=\"Inner\\l\"; a } label=\"Batch 8\\l\"; labeljust=\"l\"; a -> b }",
            engine: "dot")
        #expect(statement.texts == ["Batch 8"])
    }

    @Test func commentsAndNodeLabelsAreNotAttributesOfTheGraph() {
        let dot = """
            digraph {
              // tooltip="in a comment"
              /* label="also a comment\\l" */
              labeljust=l
              a [label="Batch 8\\l", tooltip="tip"]
            }
            """
        let template = layoutTemplate(dot, engine: "dot")
        #expect(template.texts == ["tip"])
        #expect(template.dot.contains("// tooltip=\"in a comment\"") && template.dot.contains("label=\"Batch 8\\l\""))
    }

    @Test func aGraphNarrowerThanItsLabelIsLaidOutWithIt() throws {
        // One node under a label of 40 w's: the drawing is as wide as the label, 505 pt; the bound is
        // 40 × 1.1 em × 14 pt = 616 pt, + 40 = 656 pt > 505.
        let dot = "digraph { label=\"\(String(repeating: "w", count: 40))\\l\"; labeljust=l; a }"
        let template = layoutTemplate(dot, engine: "dot")
        #expect(template.texts.count == 1)
        #expect(!template.fits(try Graphviz.svg(fromDOT: template.dot)))
        let kept = layoutTemplate(dot, engine: "dot", keepingLabel: true)
        #expect(kept.texts.isEmpty && kept.dot == dot && kept.fits("no drawing needed"))
    }

    @Test func graphvizMeasuresTheLabelWhenTheBoundCannotTell() throws {
        // Six nodes in a row, about 420 pt wide. 60 i's: the bound is 60 × 1.1 em × 14 pt = 924 pt, too much, but
        // Graphviz draws the label alone (an i is 0.28 em) under 300 pt wide: it fits, and the drawing is still
        // Graphviz's own. 60 W's (about 1 em each: the label alone is 880 pt wide) do not.
        func row(_ label: String) -> String {
            "digraph { label=\"\(label)\\l\"; labeljust=l; a -> {b1 b2 b3 b4 b5 b6} }"
        }
        let narrowText = row(String(repeating: "i", count: 60))
        let template = layoutTemplate(narrowText, engine: "dot")
        let layout = try Graphviz.svg(fromDOT: template.dot)
        #expect(!template.fits(layout))
        let measurement = try #require(template.labelMeasurement)
        #expect(template.fits(layout, measured: try Graphviz.svg(fromDOT: measurement)))
        #expect(template.filled(layout) == (try Graphviz.svg(fromDOT: narrowText)))
        let wide = layoutTemplate(row(String(repeating: "W", count: 60)), engine: "dot")
        let wideLayout = try Graphviz.svg(fromDOT: wide.dot)
        #expect(wide.dot == template.dot)
        #expect(!wide.fits(wideLayout, measured: try Graphviz.svg(fromDOT: try #require(wide.labelMeasurement))))
    }

    @Test func whatCouldSpellAMarkerOrMoveTheDrawingKeepsTheTextIn() {
        let base = "digraph { labeljust=l; label=\"Batch 8\\l\"; a -> b [tooltip=\"tip\"] "
        // Nothing is taken out: strings joined with +, a character reference, a name escape, a charset.
        for extra in ["c [label=\"P\" + \"B\"]", "c [label=\"&#80;\"]", "c [label=\"\\N\"]", "charset=latin1"] {
            #expect(layoutTemplate(base + extra + " }", engine: "dot").texts.isEmpty, "\(extra)")
        }
        // The tooltip is taken out but the label stays: the drawing is padded, scaled or turned; the label is set
        // right through a quoted attribute name (cgraph reads `"labeljust"=r` as labeljust); a cluster hidden from a
        // scanner that missed `#` comments would inherit it.
        for extra in ["pad=3", "size=\"4,4!\"", "rotate=90", "\"labeljust\"=r", "d # \" odd\nsubgraph cluster_x { c }\n# \""] {
            #expect(layoutTemplate(base + extra + " }", engine: "dot").texts == ["tip"], "\(extra)")
        }
        // A subgraph whose name this scan cannot read might be a cluster; `Cluster_x` is one (Graphviz ignores case).
        for name in ["<cluster_x>", "\"clus\\\nter_x\"", "Cluster_x"] {
            let dot = base + "subgraph \(name) { c } }"
            #expect(layoutTemplate(dot, engine: "dot").texts == ["tip"], "\(name)")
        }
        #expect(layoutTemplate(base + "subgraph other { c } }", engine: "dot").texts == ["Batch 8", "tip"])
    }

    @Test func textThatCouldSpellAMarkerIsFoundAnywhere() {
        // Every name escape Graphviz expands, a character reference and the prefix, at the start, in the middle and
        // at the very end of the text; near misses are not.
        for needle in ["\\N", "\\G", "\\E", "\\T", "\\H", "\\L", "&#", "PB#"] {
            for text in [needle + "xyz", "ab" + needle + "cd", "abc" + needle] {
                #expect(LayoutTemplate.spellsMarker(Array(text.utf8)), "\(text)")
            }
        }
        for text in ["", "P", "PB", "PB-#", "&amp;", "\\n", "\\l", "\\", "&", "abc\\", "P#B#"] {
            #expect(!LayoutTemplate.spellsMarker(Array(text.utf8)), "\(text)")
        }
    }

    @Test func onlyWholeMarkersAreFilled() {
        // Two texts: markers PB#0# and PB#1#. Text that only looks like a marker — no digits, no closing #, a number
        // past the texts, ten digits, a marker cut short at the end — is left as it is.
        let template = layoutTemplate("digraph { a [tooltip=\"x<y\"]; b [tooltip=\"z\"] }", engine: "dot")
        #expect(template.texts == ["x<y", "z"])
        let svg = "PB#0#|PB##|PB#1|PB#2#|PB#0000000001#|P|PB#1#é PB#1#PB#0"
        #expect(template.filled(svg) == "x&lt;y|PB##|PB#1|PB#2#|PB#0000000001#|P|zé zPB#0")
        #expect(template.filled("") == "" && template.filled("PB#") == "PB#" && template.filled("PB#1#") == "z")
    }

    @Test func dotThatAlreadyHoldsAMarkerIsNotTemplated() {
        let dot = "digraph { a [tooltip=\"PB#0#\"]; b [tooltip=\"x\"] }"
        let template = layoutTemplate(dot, engine: "dot")
        #expect(template.texts.isEmpty && template.dot == dot)
    }
}
