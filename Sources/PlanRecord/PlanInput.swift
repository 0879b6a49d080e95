/// What Planbook gives a plan program to read: its parameters, in a file named by the environment variable
/// `PLANBOOK_INPUT` (never on the command line, whose length is limited to about 128 kB).
///
/// The file is a sequence of entries, each `NAME` U+001F `TYPE` U+001F `BYTES` line feed, then exactly `BYTES` bytes
/// of UTF-8 value and a line feed, so values may hold any text (line feeds included).
public struct PlanInput: Sendable, Equatable {
    /// The environment variable naming the input file.
    public static let environmentVariable = "PLANBOOK_INPUT"
    /// The environment variable naming the folder where the program may remember what PlanKit simulates
    /// (`RoutingMemo`), shared by every run of the study's programs.
    public static let memoVariable = "PLANBOOK_MEMO"
    /// Set (to `1`) with `--no-cache`: the program recalls nothing from the memo folder, draws every simulation and
    /// replaces what the folder holds for it.
    public static let memoReplaceVariable = "PLANBOOK_MEMO_REPLACE"
    /// The entry that carries the study's plans (`plans:` in `index.md`), their names separated by U+001F; a name no
    /// parameter can have.
    public static let plansEntry = "(plans)"

    /// One parameter: its name, its type as users write it (`Int`, `Double`, `String`, `Bool`) and its value's text.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var type: String
        public var text: String

        public init(name: String, type: String, text: String) {
            self.name = name
            self.type = type
            self.text = text
        }
    }

    /// Why an input file could not be read.
    public struct Malformed: Error, Sendable, Equatable {
        /// The byte offset where reading stopped.
        public var offset: Int
    }

    public var parameters: [Parameter]

    public init(parameters: [Parameter]) { self.parameters = parameters }

    /// The file's bytes.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        for parameter in parameters {
            let value = Array(parameter.text.utf8)
            bytes += Array(parameter.name.utf8) + [0x1F] + Array(parameter.type.utf8) + [0x1F]
            bytes += Array("\(value.count)".utf8) + [10] + value + [10]
        }
        return bytes
    }

    /// Reads the file's bytes.
    public init(decoding bytes: [UInt8]) throws(Malformed) {
        var parameters: [Parameter] = []
        var offset = 0
        while offset < bytes.count {
            guard let end = bytes[offset...].firstIndex(of: 10) else { throw Malformed(offset: offset) }
            let fields = bytes[offset..<end].split(separator: 0x1F, omittingEmptySubsequences: false)
            guard fields.count == 3, let count = Int(String(decoding: fields[2], as: UTF8.self)),
                end + 1 + count < bytes.count, bytes[end + 1 + count] == 10
            else { throw Malformed(offset: offset) }
            parameters.append(Parameter(
                name: String(decoding: fields[0], as: UTF8.self), type: String(decoding: fields[1], as: UTF8.self),
                text: String(decoding: bytes[(end + 1)..<(end + 1 + count)], as: UTF8.self)))
            offset = end + 2 + count
        }
        self.parameters = parameters
    }
}
