import Foundation
import Testing
import PlanbookCore

/// Accessible pages: every drawing has a text alternative, headings go down one level at a time, and the
/// stylesheet's text colours keep a contrast of at least 4.5:1 in light and in dark mode.
@Suite struct AccessibilityGateTests {
    @Test func everyImageAndDrawingHasATextAlternative() {
        for page in CommittedSite.pages {
            for tag in Self.tags("svg", in: page.html) {
                #expect(tag.contains("aria-label=\"") || tag.contains("aria-labelledby=\""), "\(page.path): \(tag.prefix(120))")
            }
            for tag in Self.tags("img", in: page.html) {
                #expect(tag.contains(" alt=\""), "\(page.path): \(tag.prefix(120))")
            }
        }
    }

    @Test func headingsGoDownOneLevelAtATime() {
        for page in CommittedSite.pages {
            var previous = 0
            for level in Self.headingLevels(in: page.html) {
                #expect(level <= previous + 1, "\(page.path): h\(level) after h\(previous)")
                previous = level
            }
        }
    }

    @Test func textColoursContrastAtLeastFourAndAHalfToOne() throws {
        let css = String(decoding: try #require(BuiltInTemplates.contents(of: "style.css")), as: UTF8.self)
        let light = try #require(Self.variables(in: css, block: ":root {"))
        let darkStart = try #require(css.range(of: "@media (prefers-color-scheme: dark)"))
        let dark = try #require(Self.variables(in: String(css[darkStart.upperBound...]), block: ":root {"))
        for palette in [light, dark] {
            let background = try #require(palette["--bg"])
            let surface = try #require(palette["--surface"])
            for text in ["--fg", "--muted", "--link", "--link-visited", "--heading"] {
                let ratio = Self.contrast(try #require(palette[text]), background)
                #expect(ratio >= 4.5, "\(text) on --bg: \(ratio)")
            }
            for token in ["--tok-kw", "--tok-str", "--tok-num", "--tok-com", "--tok-type", "--tok-attr"] {
                let ratio = Self.contrast(try #require(palette[token]), surface)
                #expect(ratio >= 4.5, "\(token) on --surface: \(ratio)")
            }
        }
        // The WCAG formula itself: black on white is 21:1, and #767676 on white is 4.54:1.
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.01)
        #expect(abs(Self.contrast("#767676", "#ffffff") - 4.54) < 0.01)
    }

    // MARK: - Reading HTML and CSS

    static func tags(_ name: String, in html: String) -> [String] { CommittedSite.tags(name, in: html) }

    static func headingLevels(in html: String) -> [Int] {
        var levels: [Int] = []
        let characters = Array(html.utf8)
        var index = 0
        while index + 3 < characters.count {
            if characters[index] == 60, characters[index + 1] == 104, (49...54).contains(characters[index + 2]),
                characters[index + 3] == 32 || characters[index + 3] == 62 {
                levels.append(Int(characters[index + 2] - 48))
            }
            index += 1
        }
        return levels
    }

    /// The `--name: #rrggbb` custom properties of the first block opened by `block` in `css`.
    static func variables(in css: String, block: String) -> [String: String]? {
        guard let start = css.range(of: block), let end = css[start.upperBound...].firstIndex(of: "}") else { return nil }
        var values: [String: String] = [:]
        for declaration in css[start.upperBound..<end].split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0].hasPrefix("--"), parts[1].hasPrefix("#") else { continue }
            values[parts[0]] = String(parts[1].prefix(7))
        }
        return values
    }

    /// WCAG 2 contrast ratio of two `#rrggbb` colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            let channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map { Double($0) / 255 }
            let linear = channels.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}
