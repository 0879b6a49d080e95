/// Natural logarithm and exponential computed with only `+ − × ÷` on `Double`, so results are bit-identical on every
/// platform (the C library's `pow`, `log` and `exp` may differ in the last bit between Darwin and glibc).
///
/// Accurate to a few ulps over the range routing uses (weights 1/rˢ for ranks up to millions); not a libm replacement.
package enum DeterministicMath {
    private static let ln2 = 0.693_147_180_559_945_3

    /// ln x for finite x > 0: x = m·2ᵉ with m in [√½, √2), then ln m = 2·atanh((m−1)/(m+1)) by its series.
    package static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log needs a finite positive argument")
        var exponent = Double(Int(x.exponent))
        var mantissa = x.significand  // in [1, 2)
        if mantissa > 1.414_213_562_373_095 {
            mantissa /= 2
            exponent += 1
        }
        let t = (mantissa - 1) / (mantissa + 1)  // |t| ≤ 0.172
        let t2 = t * t
        var term = t
        var sum = 0.0
        var denominator = 1.0
        for _ in 0..<24 {
            sum += term / denominator
            term *= t2
            denominator += 2
        }
        return 2 * sum + exponent * ln2
    }

    /// eˣ: x = k·ln2 + r with |r| ≤ ln2/2, then eʳ by its Taylor series, scaled by 2ᵏ exactly.
    package static func exp(_ x: Double) -> Double {
        if x > 709 { return .infinity }
        if x < -745 { return 0 }
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0
        var sum = 1.0
        for n in 1..<24 {
            term *= r / Double(n)
            sum += term
        }
        return scaled(sum, byPowerOfTwo: Int(k))
    }

    /// x raised to a real power y, for x > 0: exp(y · ln x).
    package static func pow(_ x: Double, _ y: Double) -> Double { exp(y * log(x)) }

    /// value × 2ⁿ, exact while the result stays normal.
    private static func scaled(_ value: Double, byPowerOfTwo n: Int) -> Double {
        var result = value
        var remaining = n
        while remaining > 1000 { result *= 0x1p1000; remaining -= 1000 }
        while remaining < -1000 { result *= 0x1p-1000; remaining += 1000 }
        return result * Double(sign: .plus, exponent: remaining, significand: 1)
    }
}
