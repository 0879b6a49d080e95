import Testing

@testable import PlanKit

@Suite("SplitMix64 and deterministic math")
struct RoutingRandomTests {
    @Test func splitMixMatchesTheReferenceStream() {
        // Reference outputs of SplitMix64 (Vigna's splitmix64.c) for seed 1234567, also recomputed with Python's
        // arbitrary-precision integers: the same numbers on every platform.
        var generator = SplitMix64(seed: 1_234_567)
        let outputs = (0..<5).map { _ in generator.next() }
        #expect(
            outputs == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
            ])
    }

    @Test func unitDrawsStayInTheHalfOpenInterval() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<10_000 {
            let u = generator.nextUnit()
            #expect(u >= 0 && u < 1)
        }
    }

    @Test func boundedDrawsCoverEveryValueAndNothingElse() {
        // 6,000 draws below 6: each value expected 1,000 times (σ ≈ 29); all six must appear, none outside.
        var generator = SplitMix64(seed: 99)
        var seen = Array(repeating: 0, count: 6)
        for _ in 0..<6_000 { seen[generator.nextInt(below: 6)] += 1 }
        #expect(seen.allSatisfy { $0 > 850 && $0 < 1_150 })
    }

    @Test func streamsOfOneSeedDiffer() {
        var layer0 = SplitMix64.stream(0, of: 42)
        var layer1 = SplitMix64.stream(1, of: 42)
        #expect(layer0.next() != layer1.next())
    }

    @Test func logarithmAndExponentialAreAccurate() {
        // Reference values from CPython's libm: e = 2.718281828459045, ln 10 = 2.302585092994046,
        // e^-3.5 = 0.0301973834223185, 2^-1.2 = 0.43527528164806206.
        #expect(abs(DeterministicMath.exp(1) - 2.718281828459045) < 1e-15)
        #expect(abs(DeterministicMath.log(10) - 2.302585092994046) < 1e-15)
        #expect(abs(DeterministicMath.exp(-3.5) - 0.0301973834223185) < 1e-17)
        #expect(abs(DeterministicMath.pow(2, -1.2) - 0.43527528164806206) < 1e-15)
        #expect(DeterministicMath.log(1) == 0)
    }
}
