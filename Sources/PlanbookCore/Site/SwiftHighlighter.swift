/// Swift code as HTML with its keywords, strings, numbers, comments, types and attributes marked for the stylesheet
/// (`tok-kw`, `tok-str`, `tok-num`, `tok-com`, `tok-type`, `tok-attr`), so code reads highlighted without JavaScript.
///
/// A small lexer, not a parser: it knows Swift's comment (nested `/* */`), string (`"…"`, `"""…"""`, with `\(…)`
/// interpolations and escapes) and number syntax; every other character is copied, escaped. The text is unchanged —
/// only spans are added.
public enum SwiftHighlighter {
    static let keywords: Set<String> = [
        "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch", "class", "continue",
        "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "for",
        "func", "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "nil", "nonisolated", "open",
        "operator", "private", "protocol", "public", "repeat", "rethrows", "return", "self", "Self", "some", "static",
        "struct", "subscript", "super", "switch", "throw", "throws", "true", "try", "typealias", "var", "where", "while",
    ]

    /// `code` as highlighted, escaped HTML (to go inside `<pre><code>`).
    public static func html(_ code: String) -> String {
        let characters = Array(code)
        var html = ""
        var index = 0
        func span(_ kind: String, _ text: some StringProtocol) {
            html += "<span class=\"tok-\(kind)\">\(HTML.escape(String(text)))</span>"
        }
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : "\0"
            if character == "/" && next == "/" {
                let end = characters[index...].firstIndex(of: "\n") ?? characters.count
                span("com", String(characters[index..<end]))
                index = end
            } else if character == "/" && next == "*" {
                let end = blockCommentEnd(characters, from: index)
                span("com", String(characters[index..<end]))
                index = end
            } else if character == "\"" {
                let end = stringEnd(characters, from: index)
                span("str", String(characters[index..<end]))
                index = end
            } else if character.isNumber {
                var end = index + 1
                while end < characters.count,
                    characters[end].isHexDigit || characters[end] == "_" || characters[end] == "x"
                        || (characters[end] == "." && end + 1 < characters.count && characters[end + 1].isNumber)
                        || ((characters[end] == "-" || characters[end] == "+") && (characters[end - 1] == "e" || characters[end - 1] == "E")
                            && end + 1 < characters.count && characters[end + 1].isNumber) {
                    end += 1
                }
                span("num", String(characters[index..<end]))
                index = end
            } else if character.isLetter || character == "_" || ((character == "@" || character == "#") && next.isLetter) {
                var end = index + 1
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" {
                    end += 1
                }
                let word = String(characters[index..<end])
                let previous = index > 0 ? characters[index - 1] : " "
                if character == "@" || character == "#" {
                    span("attr", word)
                } else if keywords.contains(word) && previous != "." {
                    span("kw", word)
                } else if character.isUppercase {
                    span("type", word)
                } else {
                    html += HTML.escape(word)
                }
                index = end
            } else {
                html += HTML.escape(String(character))
                index += 1
            }
        }
        return html
    }

    private static func blockCommentEnd(_ characters: [Character], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index + 1 < characters.count {
            if characters[index] == "/" && characters[index + 1] == "*" {
                depth += 1
                index += 2
            } else if characters[index] == "*" && characters[index + 1] == "/" {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return characters.count
    }

    /// The index after the string literal starting at `start` (a `"` or `"""`), skipping escapes and `\(…)`.
    private static func stringEnd(_ characters: [Character], from start: Int) -> Int {
        let multiline = start + 2 < characters.count && characters[start + 1] == "\"" && characters[start + 2] == "\""
        var index = start + (multiline ? 3 : 1)
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                if index + 1 < characters.count, characters[index + 1] == "(" {
                    var depth = 0
                    index += 1
                    while index < characters.count {
                        if characters[index] == "(" { depth += 1 }
                        if characters[index] == ")" { depth -= 1; if depth == 0 { break } }
                        index += 1
                    }
                }
                index += 2
                continue
            }
            if character == "\"" {
                if !multiline { return index + 1 }
                if index + 2 < characters.count, characters[index + 1] == "\"", characters[index + 2] == "\"" {
                    return index + 3
                }
            }
            if character == "\n" && !multiline { return index }
            index += 1
        }
        return characters.count
    }
}
