import Foundation
import Testing
@testable import PlanRecord

/// The protocol between plan programs and Planbook: every record kind survives the trip through the one JSON writer
/// and Foundation's decoder, and a kind from a newer runtime is a clear error.
@Suite struct PlanRecordTests {
    static let place = PlanRecord.Place(file: "cell-2", line: 5, column: 3)
    static let table = PlanRecord.Table(
        title: "Memory", header: ["part", "bytes"],
        rows: [[PlanRecord.Value("weights"), PlanRecord.Value("6.44 GB", number: .init(6.44e9, unit: "B"))]],
        plan: PlanRecord.Plan(name: "EP=16", fits: false, detail: "EP=16 at batch 1024, 10,000 tokens, on 2 × 8 H100 SXM",
                              number: 2, acknowledged: true))

    /// One record of every kind, with awkward text (quotes, a line feed, a control character, non-ASCII).
    static let everyKind: [PlanRecord] = [
        .cellStarted(cell: 3),
        .statementStarted(place),
        .text(cell: 0, "a \"quoted\" line\nand a tab\t\u{1} × µs"),
        .table(cell: 1, table),
        .graph(cell: 1, PlanRecord.Graph(title: "DAG", dot: "digraph { a -> b }", plan: nil)),
        .chart(cell: 2, PlanRecord.Chart(title: "Bars", svg: "<svg/>", data: table, plan: table.plan)),
        .file(cell: 2, PlanRecord.File(title: "Plan", fileExtension: "json", contents: "{}\n")),
        .inline(cell: 4, PlanRecord.Value("10.6 ms", number: .init(0.0106, unit: "s"))),
        .claim(cell: 5, PlanRecord.Claim(
            label: "TPOT", paper: PlanRecord.Value("2.20 ms", number: .init(2.2e-3, unit: "s")),
            computed: PlanRecord.Value("at least 8.18 ms", number: .init(8.18e-3, unit: "s")),
            ratio: PlanRecord.Value("3.72×", number: .init(8.18 / 2.2, unit: "×")), check: .atLeast, tolerance: 0,
            holds: false, place: place)),
        .headline(cell: 6, label: "Decode \"TPOT\"", PlanRecord.Value("10.6 ms", number: .init(0.0106, unit: "s"))),
        .parameterRead(PlanRecord.Parameter(name: "batch", value: PlanRecord.Value("128", number: .init(128)),
                                            type: "Int", given: true)),
        .expectationFailed(place, message: "fits"),
        .warning(place, message: "does not fit"),
        .planAcknowledged(number: 2),
        .failure(place, message: "threw"),
        .badParameter(place, name: "batch", message: "parameter `batch` is \"lots\" (String)"),
    ]

    static func decoded(_ line: [UInt8]) throws -> PlanRecord {
        #expect(line.first == PlanRecord.separator && line.last == 10)
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(PlanRecord.self, from: Data(line.dropFirst().dropLast()))
    }

    @Test(arguments: everyKind)
    func everyKindRoundTrips(_ record: PlanRecord) throws {
        #expect(try Self.decoded(record.line) == record)
    }

    @Test func everyKindIsCovered() {
        // One record per kind: sixteen cases, sixteen distinct kinds.
        let kinds = Set(Self.everyKind.map { JSONWriter().text($0).split(separator: ",")[0] })
        #expect(kinds.count == 16 && Self.everyKind.count == 16)
    }

    @Test func aKindFromANewerRuntimeIsAClearError() throws {
        let line = Array("\u{1E}{\"kind\":\"hologram\",\"cell\":0}\n".utf8)
        #expect {
            try Self.decoded(line)
        } throws: { error in
            (error as? PlanRecord.UnknownKind)?.kind == "hologram"
                && "\(error)".contains("newer than planbook")
        }
    }

    @Test func nonFiniteNumbersSurvive() throws {
        // A ratio against a paper value of 0 is infinite; JSON has no infinity, so it travels as "inf".
        let record = PlanRecord.inline(cell: 0, PlanRecord.Value("—", number: .init(.infinity, unit: "×")))
        #expect(JSONWriter().text(record).contains("\"value\":\"inf\""))
        #expect(try Self.decoded(record.line) == record)
    }
}

@Suite struct JSONWriterTests {
    struct Sample: Encodable {
        var zebra = 1
        var apple = [1.5, 2]
        var name: String? = nil
        var nested = ["key": true]
    }

    @Test func compactKeepsTheEncodingOrder() {
        // Synthesized Encodable encodes the properties in declaration order; a nil optional is left out.
        #expect(JSONWriter().text(Sample()) == "{\"zebra\":1,\"apple\":[1.5,2.0],\"nested\":{\"key\":true}}")
    }

    @Test func prettySortsAndIndents() {
        #expect(JSONWriter(sortedKeys: true, pretty: true).text(Sample()) == """
            {
              "apple" : [
                1.5,
                2.0
              ],
              "nested" : {
                "key" : true
              },
              "zebra" : 1
            }
            """)
    }

    @Test func stringsEscapeOnlyWhatJSONRequires() {
        #expect(JSONWriter.quoted("a \"b\"\n\\c\u{1}/é") == "\"a \\\"b\\\"\\n\\\\c\\u0001/é\"")
    }

    /// The escaping path copies the bytes between escapes in runs: every control character, escapes at the start and
    /// the end, and multi-byte scalars (two, three and four bytes) beside them come back from Foundation's decoder as
    /// they went in.
    @Test func escapedTextRoundTripsThroughFoundation() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let samples = [
            "\"", "\\", "\"start", "end\\", "\u{1F}é\"𝄞\"€\u{0}", controls, "a\tb\rc\nd",
            "digraph g { n0 [label=\"E0 × 4\", tooltip=\"[8, 7168]\"]; }",
        ]
        for text in samples {
            let quoted = JSONWriter.quoted(text)
            #expect(try JSONDecoder().decode(String.self, from: Data(quoted.utf8)) == text, "\(quoted)")
        }
        // Each control character but the three with short escapes is written as \u00XX, in lower-case hex.
        #expect(JSONWriter.quoted("\u{1F}\u{0B}") == "\"\\u001f\\u000b\"")
    }

    /// The escaping path writes what escaping scalar by scalar writes, for text mixing every kind of byte.
    @Test func escapingMatchesTheScalarByScalarWriter() {
        func reference(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "\""
        }
        // Seeded: quotes, backslashes, every control character, ASCII, and scalars of two, three and four bytes.
        let alphabet: [Unicode.Scalar] = ["\"", "\\", "a", "Z", " ", "é", "×", "€", "\u{2028}", "𝄞", "\u{7F}"]
            + (0..<0x20).compactMap(Unicode.Scalar.init)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            var text = String.UnicodeScalarView()
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 58) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let string = String(text)
            #expect(JSONWriter.quoted(string) == reference(string), "\(Array(string.utf8))")
        }
    }
}

@Suite struct PlanInputTests {
    @Test func valuesOfAnySizeAndTextRoundTrip() throws {
        // 200 kB is past the ~128 kB a command-line argument may hold.
        let big = String(repeating: "x", count: 200_000)
        let input = PlanInput(parameters: [
            .init(name: "batch", type: "Int", text: "128"), .init(name: "note", type: "String", text: "two\nlines"),
            .init(name: "big", type: "String", text: big), .init(name: "empty", type: "String", text: ""),
        ])
        #expect(try PlanInput(decoding: input.encoded) == input)
    }

    @Test func aTruncatedFileIsMalformed() {
        let bytes = Array(PlanInput(parameters: [.init(name: "a", type: "Int", text: "12345")]).encoded.dropLast(3))
        #expect(throws: PlanInput.Malformed.self) { try PlanInput(decoding: bytes) }
    }
}
