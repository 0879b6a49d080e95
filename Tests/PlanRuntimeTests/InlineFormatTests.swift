import PlanKit
import PlanRecord
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

@Suite struct InlineValueTests {
    @Test func valuesKeepTheNumberBehindTheirText() {
        // 6.44e9 bytes shows as "6.44 GB" and keeps 6.44e9 in bytes.
        let bytes = InlineFormat.value(Bytes(6.44e9))
        #expect(bytes.text == "6.44 GB" && bytes.number?.value == 6.44e9 && bytes.number?.unit == "B")
        let rate = InlineFormat.value(Rate.tokensPerSecond(1.32e6))
        #expect(rate.number?.unit == "tokens/s" && rate.number?.value == 1.32e6)
        #expect(InlineFormat.value(450_000).number == .init(450_000))
        #expect(InlineFormat.value("text").number == nil)
    }
}
