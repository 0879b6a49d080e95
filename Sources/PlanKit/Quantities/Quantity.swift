/// A physical amount with a unit that formats itself for prose ("6.44 GB", "8.21 ms").
///
/// Every quantity stores one `Double` in its base unit (bytes, seconds, FLOPs, items per second) and
/// prints with decimal SI prefixes (k = 10³, M = 10⁶, G = 10⁹, …) and three significant digits.
public protocol Quantity: Comparable, Hashable, Sendable, CustomStringConvertible, Codable {
    /// The value in the quantity's base unit.
    var value: Double { get }
    init(_ value: Double)
}

extension Quantity {
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Self, rhs: Self) -> Self { Self(lhs.value + rhs.value) }
    public static func - (lhs: Self, rhs: Self) -> Self { Self(lhs.value - rhs.value) }
    public static func * (lhs: Self, rhs: Double) -> Self { Self(lhs.value * rhs) }
    public static func * (lhs: Double, rhs: Self) -> Self { Self(lhs * rhs.value) }
    public static func / (lhs: Self, rhs: Double) -> Self { Self(lhs.value / rhs) }
    /// The ratio of two amounts of the same unit.
    public static func / (lhs: Self, rhs: Self) -> Double { lhs.value / rhs.value }
    public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
    public static var zero: Self { Self(0) }
}

/// Sums a sequence of quantities of one unit.
extension Sequence where Element: Quantity {
    public func sum() -> Element { reduce(.zero, +) }
}
