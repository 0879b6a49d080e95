import Testing
@testable import PlanbookCore

@Suite struct HeadingAnchorsTests {
    @Test func slugsAreLowercaseWordsJoinedByDashes() {
        #expect(HeadingAnchors.slug("Memory per GPU") == "memory-per-gpu")
        #expect(HeadingAnchors.slug("TP=8 × PP=2: the baseline!") == "tp-8-pp-2-the-baseline")
        #expect(HeadingAnchors.slug("  ***  ") == "section")
    }

    @Test func repeatedHeadingsGetNumberedAnchors() {
        var anchors = HeadingAnchors(reserved: ["toc"])
        #expect(anchors.anchor(for: "Results") == "results")
        #expect(anchors.anchor(for: "Results") == "results-1")
        #expect(anchors.anchor(for: "Results") == "results-2")
        #expect(anchors.anchor(for: "TOC") == "toc-1")
    }
}

@Suite struct FenceInfoTests {
    @Test func wordsThenOptionsWithQuotedValues() throws {
        let info = try FenceInfo(parsing: "dot engine=neato caption=\"GPU layout, both plans\" id=layout")
        #expect(info.words == ["dot"])
        #expect(info["engine"] == "neato")
        #expect(info["caption"] == "GPU layout, both plans")
        #expect(info["id"] == "layout")
        #expect(info["name"] == nil)
    }

    @Test func anOpenQuoteIsAnError() {
        #expect(throws: FenceInfoError.self) { try FenceInfo(parsing: "dot caption=\"open") }
    }
}

@Suite struct InlineSVGTests {
    @Test func stripsPrologAndPrefixesIDs() throws {
        let svg = try Graphviz.svg(fromDOT: twoClusterDOT)
        #expect(svg.hasPrefix("<?xml"))
        let inline = InlineSVG.make(svg, idPrefix: "layout", label: "Two GPUs")
        #expect(inline.hasPrefix("<svg role=\"img\" aria-label=\"Two GPUs\" "))
        #expect(!inline.contains("<!--"))
        #expect(!inline.contains("<!DOCTYPE"))
        #expect(inline.contains("id=\"layout-graph0\""))
        #expect(!inline.contains(" id=\"graph0\""))
    }

    @Test func twoDrawingsOfOneGraphShareNoID() throws {
        let svg = try Graphviz.svg(fromDOT: twoClusterDOT)
        let page = InlineSVG.make(svg, idPrefix: "a", label: "A") + InlineSVG.make(svg, idPrefix: "b", label: "B")
        let ids = page.split(separator: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count)
    }
}

@Suite struct InlineSVGLabelTests {
    @Test func ariaLabelledByFollowsThePrefixedIDs() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"title desc\"><title id=\"title\">T</title><desc id=\"desc\">D</desc></svg>"
        let inline = InlineSVG.make(svg, idPrefix: "mem", label: "ignored")
        #expect(inline.contains("aria-labelledby=\"mem-title mem-desc\""))
        #expect(inline.contains("<title id=\"mem-title\">T</title>"))
        // The drawing labels itself, so no second role or aria-label is added.
        #expect(!inline.contains("aria-label=\"ignored\""))
    }

    @Test func idsThatWouldStartWithADigitStartWithSVG() {
        // A chart named after a headline "8 experts per GPU": "8-experts-title" is no XML name (the W3C checker
        // refuses it), so the prefix becomes "svg-8-experts".
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"title desc\"><title id=\"title\">T</title><desc id=\"desc\">D</desc></svg>"
        let inline = InlineSVG.make(svg, idPrefix: "8-experts", label: "ignored")
        #expect(inline.contains("aria-labelledby=\"svg-8-experts-title svg-8-experts-desc\""))
        #expect(inline.contains("<title id=\"svg-8-experts-title\">T</title>"))
        #expect(!inline.contains("\"8-experts"))
    }
}
