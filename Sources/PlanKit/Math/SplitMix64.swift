/// SplitMix64, a small 64-bit pseudo-random generator (Steele, Lea & Flood 2014) owned by PlanKit.
///
/// It uses only wrapping integer arithmetic, so a seed gives the same stream on every platform and Swift version,
/// unlike `SystemRandomNumberGenerator`. Not cryptographic; fine for simulation.
public struct SplitMix64: RandomNumberGenerator, Hashable, Codable, Sendable {
    /// The generator's whole state: advanced by the golden-ratio increment on every draw.
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// A uniform double in [0, 1): the top 53 bits of `next()` scaled by 2⁻⁵³ (exact, platform-independent).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in 0 ..< `bound` without modulo bias (Lemire's multiply-and-reject). `bound` must be > 0.
    public mutating func nextInt(below bound: Int) -> Int {
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// SplitMix64's output function: a bijective avalanche of 64 bits, also used to derive independent seeds.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent generator for sub-stream `index` of `seed` (e.g. one per layer), so that one stream's
    /// length never shifts another's draws.
    public static func stream(_ index: Int, of seed: UInt64) -> SplitMix64 {
        SplitMix64(seed: mix(seed ^ mix(UInt64(truncatingIfNeeded: index) &+ 0x632B_E59B_D9B4_E019)))
    }
}
