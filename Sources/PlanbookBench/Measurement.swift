/// Runs several cases side by side — interleaved, one run of each per round — and reports their medians.
struct SideBySide {
    /// One named thing to time.
    struct Case {
        var name: String
        var body: () throws -> Void
    }

    var cases: [Case]

    /// Seconds per run of each case, `rounds` runs each after one untimed warm-up round (when `warmUp`).
    func measure(rounds: Int, warmUp: Bool = true) throws -> [[Double]] {
        let clock = ContinuousClock()
        if warmUp { for item in cases { try item.body() } }
        var times = Array(repeating: [Double](), count: cases.count)
        for _ in 0..<rounds {
            for (index, item) in cases.enumerated() {
                let elapsed = try clock.measure { try item.body() }
                times[index].append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            }
        }
        return times
    }
}

/// The middle value (mean of the two middle values for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// "12.3 ms" / "1.23 s" / "45.6 µs".
func formatSeconds(_ seconds: Double) -> String {
    if seconds >= 1 { return String(format3(seconds)) + " s" }
    if seconds >= 1e-3 { return format3(seconds * 1e3) + " ms" }
    return format3(seconds * 1e6) + " µs"
}

func format3(_ value: Double) -> String {
    let scaled = (value * 100).rounded() / 100
    return String(scaled)
}

/// Prints a row of the results table.
func report(_ name: String, _ value: String, _ note: String = "") {
    let padded = name.count < 52 ? name + String(repeating: " ", count: 52 - name.count) : name
    print("\(padded) \(value)\(note.isEmpty ? "" : "   \(note)")")
}

/// The machine's load averages over 1, 5 and 15 minutes ("5.26 7.33 6.83"), as `uptime` prints them.
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}
