@preconcurrency internal import Glibc
internal import PlanRecord

/// A type a report parameter can have: `Int`, `Double`, `String` or `Bool`.
public protocol PlanParameter {
    /// The type's name as users write it.
    static var typeName: String { get }
    /// The value of a parameter given as `text` of type `type`, or nil when it does not fit this type.
    init?(parameter text: String, type: String)
}

extension Int: PlanParameter {
    public static var typeName: String { "Int" }
    public init?(parameter text: String, type: String) {
        guard type == "Int", let value = Int(text) else { return nil }
        self = value
    }
}

extension Double: PlanParameter {
    public static var typeName: String { "Double" }
    /// A whole number fits a `Double` parameter too.
    public init?(parameter text: String, type: String) {
        guard type == "Double" || type == "Int", let value = Double(text) else { return nil }
        self = value
    }
}

extension String: PlanParameter {
    public static var typeName: String { "String" }
    /// Any value can be read as text.
    public init?(parameter text: String, type: String) { self = text }
}

extension Bool: PlanParameter {
    public static var typeName: String { "Bool" }
    public init?(parameter text: String, type: String) {
        guard type == "Bool", let value = Bool(text) else { return nil }
        self = value
    }
}

/// The report parameter `name`: its front-matter value, overridden by `planbook build --param name=value`, or
/// `default` when neither gives one. A value that does not fit the default's type is reported as an error at the
/// call, and the default is used so the program can go on to report other problems.
public func param<T: PlanParameter>(_ name: String, default value: T, file: String = #filePath, line: Int = #line) -> T {
    guard let given = ParameterValues.given[name] else {
        ParameterValues.report(name, value: value, given: false)
        return value
    }
    if let parsed = T(parameter: given.text, type: given.type) {
        ParameterValues.report(name, value: parsed, given: true)
        return parsed
    }
    let shown = given.type == "String" ? "\"\(given.text)\"" : given.text
    RecordChannel.send(.badParameter(
        PlanRecord.Place(file: file, line: line), name: name,
        message: "parameter `\(name)` is \(shown) (\(given.type)), which does not fit its default \(value) "
            + "(\(T.typeName)); give it a\(T.typeName == "Int" ? "n" : "") \(T.typeName) value"))
    ParameterValues.report(name, value: value, given: false)
    return value
}

/// The parameters Planbook gave the program, read once from the file `PLANBOOK_INPUT` names (see `PlanInput`).
enum ParameterValues {
    nonisolated(unsafe) private static var reported: Set<String> = []

    /// Tells Planbook, once per name, which value a parameter was read with (for the page's provenance).
    static func report<T: PlanParameter>(_ name: String, value: T, given: Bool) {
        guard reported.insert(name).inserted else { return }
        RecordChannel.send(.parameterRead(PlanRecord.Parameter(
            name: name, value: InlineFormat.value(value), type: T.typeName, given: given)))
    }

    static let given: [String: PlanInput.Parameter] = {
        guard let path = getenv(PlanInput.environmentVariable), let bytes = FileBytes.read(String(cString: path)) else {
            return [:]
        }
        let input = (try? PlanInput(decoding: bytes)) ?? PlanInput(parameters: [])
        return Dictionary(input.parameters.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
    }()
}
