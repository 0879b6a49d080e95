import PlanKit
import Testing
@testable import PlanRuntime

@Suite struct InlineFormatTests {
    @Test func numbersReadAsInProse() {
        #expect(InlineFormat.text(450_000) == "450,000")
        #expect(InlineFormat.text(128.0) == "128")
        // 3.7735… to three significant digits.
        #expect(InlineFormat.text(450_000.0 / 119_250.0) == "3.77")
        #expect(InlineFormat.text(0.001234) == "0.00123")
        #expect(InlineFormat.text("text") == "text")
    }

    @Test func quantitiesKeepTheirUnits() {
        #expect(InlineFormat.text(Bytes(6.44e9)) == "6.44 GB")
        #expect(InlineFormat.text(Seconds(0.0106)) == "10.6 ms")
        #expect(InlineFormat.text(Rate.tokensPerSecond(1.32e6)) == "1.32 M tokens/s")
    }
}

@Suite struct JSONValueTests {
    @Test func stringsAreEscaped() {
        #expect(JSONValue.quote("a \"b\"\n\\c\u{1}") == "\"a \\\"b\\\"\\n\\\\c\\u0001\"")
        #expect(JSONValue.object([("n", .integer(3)), ("x", .null), ("ok", .bool(true))]).text == "{\"n\":3,\"x\":null,\"ok\":true}")
    }
}
