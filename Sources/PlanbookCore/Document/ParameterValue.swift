/// A value of a report parameter: a front-matter `params:` entry or a `--param name=value` override.
public enum ParameterValue: Sendable, Equatable, Hashable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)

    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .string(let value): value
        case .bool(let value): String(value)
        }
    }

    /// The type's name as users write it ("Int", "Double", "String", "Bool").
    public var typeName: String {
        switch self {
        case .int: "Int"
        case .double: "Double"
        case .string: "String"
        case .bool: "Bool"
        }
    }

    /// Reads a command-line value: a whole number is an Int, a decimal a Double, true/false a Bool, else a String.
    public init(parsing text: String) {
        if let value = Int(text) {
            self = .int(value)
        } else if let value = Double(text), text.contains(where: { $0.isNumber }) {
            self = .double(value)
        } else if text == "true" || text == "false" {
            self = .bool(text == "true")
        } else {
            self = .string(text)
        }
    }
}
