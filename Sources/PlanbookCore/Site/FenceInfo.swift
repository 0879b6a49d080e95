/// The info string of a fenced code block, split into its leading words and its `key=value` options.
///
/// `dot engine=neato caption="GPU layout"` has words `["dot"]` and options engine → neato, caption → GPU layout.
/// Values may be quoted with double quotes to hold spaces. Options keep the order they were written in.
public struct FenceInfo: Sendable, Equatable {
    /// The words before the first option, e.g. `["swift", "plan"]`.
    public var words: [String]
    /// The options in the order written.
    public var options: [(key: String, value: String)]

    /// The value of option `key`, if given.
    public subscript(key: String) -> String? { options.last { $0.key == key }?.value }

    public static func == (lhs: FenceInfo, rhs: FenceInfo) -> Bool {
        lhs.words == rhs.words && lhs.options.map(\.key) == rhs.options.map(\.key)
            && lhs.options.map(\.value) == rhs.options.map(\.value)
    }

    /// Splits `info`; throws a message when a quote is left open.
    public init(parsing info: String) throws(FenceInfoError) {
        words = []
        options = []
        var index = info.startIndex
        func skipSpaces() { while index < info.endIndex, info[index].isWhitespace { index = info.index(after: index) } }
        skipSpaces()
        while index < info.endIndex {
            var token = ""
            var key: String?
            while index < info.endIndex, !info[index].isWhitespace {
                let character = info[index]
                if character == "=", key == nil {
                    key = token
                    token = ""
                    index = info.index(after: index)
                    if index < info.endIndex, info[index] == "\"" {
                        index = info.index(after: index)
                        guard let close = info[index...].firstIndex(of: "\"") else {
                            throw FenceInfoError(message: "the quoted value of `\(key ?? "")` is not closed; add a `\"`")
                        }
                        token = String(info[index..<close])
                        index = info.index(after: close)
                        break
                    }
                    continue
                }
                token.append(character)
                index = info.index(after: index)
            }
            if let key {
                options.append((key, token))
            } else if options.isEmpty {
                words.append(token)
            } else {
                throw FenceInfoError(message: "`\(token)` follows the options; write options as `key=value`")
            }
            skipSpaces()
        }
    }
}

/// Why an info string could not be read.
public struct FenceInfoError: Error, Sendable, Equatable {
    /// What is wrong and what to write instead.
    public var message: String
}
