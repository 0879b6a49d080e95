/// Why Graphviz could not lay out or render a DOT graph, with Graphviz's own message.
public struct GraphvizError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Graphviz's message, without its "Error:" prefix.
    public var message: String
    /// The 1-based line of the DOT text the message names, when it names one.
    public var line: Int?

    public init(message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    public var description: String { message }
}
