/// How precisely a page shows a number, read from its text: "10.6 ms" shows three significant digits, "450,000" six,
/// "0.0123" three. Two builds' numbers are compared at the coarser of their two precisions, so that a value that moved
/// in a digit the page does not show is no change.
enum ShownPrecision {
    /// The significant digits of the first number written in `text` (digits, `,` separators and one `.`, up to an
    /// exponent), or nil when it holds no digit or shows only zeros.
    static func significantDigits(in text: String) -> Int? {
        var digits: [Character] = []
        var started = false
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                started = true
            } else if started, character == "," || character == "." {
                continue
            } else if started {
                break
            }
        }
        let significant = digits.drop { $0 == "0" }
        return significant.isEmpty ? nil : significant.count
    }

    /// `value` rounded to `digits` significant digits.
    static func rounded(_ value: Double, digits: Int) -> Double {
        guard value != 0, value.isFinite else { return value }
        var scale = 1.0
        var magnitude = abs(value)
        var exponent = 0
        while magnitude >= 10 {
            magnitude /= 10
            exponent += 1
        }
        while magnitude < 1 {
            magnitude *= 10
            exponent -= 1
        }
        let places = digits - 1 - exponent
        for _ in 0..<abs(places) { scale *= 10 }
        return places >= 0 ? (value * scale).rounded() / scale : (value / scale).rounded() * scale
    }

    /// Whether two shown numbers are the same at the precision the page shows them: the same text, or values equal
    /// once rounded to the fewer significant digits of the two texts (exactly equal when a text shows no digit).
    static func same(_ old: LedgerEntry, _ new: LedgerEntry) -> Bool {
        guard old.number.unit == new.number.unit else { return false }
        if old.text == new.text || old.number.value == new.number.value { return true }
        guard let a = significantDigits(in: old.text), let b = significantDigits(in: new.text) else { return false }
        let digits = min(a, b)
        let x = rounded(old.number.value, digits: digits)
        let y = rounded(new.number.value, digits: digits)
        return abs(x - y) <= 1e-12 * max(abs(x), abs(y))
    }
}
