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
        while index < characters.count {
            let (end, kind) = token(characters, at: index)
            let text = HTML.escape(String(characters[index..<end]))
            html += kind.map { "<span class=\"tok-\($0)\">\(text)</span>" } ?? text
            index = end
        }
        return html
    }

    /// The end of the token starting at `index`, and its kind (nil for plain text).
    private static func token(_ characters: [Character], at index: Int) -> (end: Int, kind: String?) {
        let character = characters[index]
        let next = index + 1 < characters.count ? characters[index + 1] : "\0"
        if character == "/" && next == "/" { return (characters[index...].firstIndex(of: "\n") ?? characters.count, "com") }
        if character == "/" && next == "*" { return (blockCommentEnd(characters, from: index), "com") }
        if character == "\"" { return (stringEnd(characters, from: index), "str") }
        if character.isNumber { return (numberEnd(characters, from: index), "num") }
        guard character.isLetter || character == "_" || ((character == "@" || character == "#") && next.isLetter) else {
            return (index + 1, nil)
        }
        var end = index + 1
        while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" {
            end += 1
        }
        let word = String(characters[index..<end])
        let previous = index > 0 ? characters[index - 1] : " "
        if character == "@" || character == "#" { return (end, "attr") }
        if keywords.contains(word) && previous != "." { return (end, "kw") }
        return (end, character.isUppercase ? "type" : nil)
    }

    /// The end of the number literal at `start`: digits, hex, `_`, a decimal point and an exponent's sign.
    private static func numberEnd(_ characters: [Character], from start: Int) -> Int {
        var end = start + 1
        while end < characters.count,
            characters[end].isHexDigit || characters[end] == "_" || characters[end] == "x"
                || (characters[end] == "." && end + 1 < characters.count && characters[end + 1].isNumber)
                || ((characters[end] == "-" || characters[end] == "+") && (characters[end - 1] == "e" || characters[end - 1] == "E")
                    && end + 1 < characters.count && characters[end + 1].isNumber) {
            end += 1
        }
        return end
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
