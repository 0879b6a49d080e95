/// The tensors one operator of a layer reads and writes, each with its global shape, split and local shape.
///
/// Guarantees: the list holds the operator's inputs first, then weights or cache, then outputs.
public struct OperatorShape: Hashable, Codable, Sendable, CustomStringConvertible {
    public var op: LayerOperator
    public var tensors: [TensorShape]

    public init(_ op: LayerOperator, _ tensors: [TensorShape]) {
        self.op = op
        self.tensors = tensors
    }

    /// The tensors with role `role`.
    public func tensors(_ role: TensorShape.Role) -> [TensorShape] { tensors.filter { $0.role == role } }

    public var description: String {
        "\(op): " + tensors.map(\.description).joined(separator: "; ")
    }
}
