/// One tensor an operator reads or writes: its role, its name, and its dimensions with their splits.
///
/// Guarantees: `global` and `local` list the dimensions in the same order; `localElements` × parts ≥
/// `globalElements` with equality when every split is even.
public struct TensorShape: Hashable, Codable, Sendable, CustomStringConvertible {
    /// What the tensor is to its operator.
    public enum Role: String, Hashable, Codable, Sendable {
        case input, weight, cache = "KV cache", output
    }

    public var role: Role
    /// The tensor's name, shared by the operator that writes it and those that read it (e.g. "x", "qkv").
    public var name: String
    public var dimensions: [TensorDimension]
    /// A caveat, e.g. "partial sums, all-reduced over TP", or "" when none.
    public var note: String

    public init(_ role: Role, _ name: String, _ dimensions: [TensorDimension], note: String = "") {
        self.role = role
        self.name = name
        self.dimensions = dimensions
        self.note = note
    }

    /// The whole tensor's sizes, dimension by dimension.
    public var global: [Int] { dimensions.map(\.global) }
    /// One GPU's sizes, dimension by dimension.
    public var local: [Int] { dimensions.map(\.local) }
    /// Elements of the whole tensor.
    public var globalElements: Int { dimensions.reduce(1) { $0 * $1.global } }
    /// Elements one GPU holds.
    public var localElements: Int { dimensions.reduce(1) { $0 * $1.local } }

    /// "[1,280,000 × 4,096]".
    public var globalText: String { Self.text(global) }
    /// "[80,000 × 4,096]".
    public var localText: String { Self.text(local) }
    /// "tokens by DP·EP·µB; heads by TP", or "replicated".
    public var splitText: String {
        let split = dimensions.filter { !$0.splits.isEmpty }
        return split.isEmpty ? "replicated" : split.map(\.description).joined(separator: "; ")
    }

    static func text(_ sizes: [Int]) -> String { "[" + sizes.map(SIFormat.grouped).joined(separator: " × ") + "]" }

    public var description: String {
        "\(role) \(name) \(globalText) → \(localText) per GPU (\(splitText))" + (note.isEmpty ? "" : ", \(note)")
    }
}
