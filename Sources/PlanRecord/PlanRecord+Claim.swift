extension PlanRecord {
    /// A paper's number set beside the computed one: both values with their units, how they were compared, and the
    /// verdict.
    public struct Claim: Codable, Sendable, Equatable {
        /// How the paper's value is checked.
        public enum Check: String, Codable, Sendable, Equatable {
            /// Holds when |computed / paper − 1| ≤ tolerance.
            case withinTolerance
            /// Holds when the paper's value is at least the computed bound (a physical floor).
            case atLeast
            /// Holds when the paper's value is at most the computed bound (a physical ceiling).
            case atMost
        }

        /// What is claimed ("Decode throughput").
        public var label: String
        /// The paper's value.
        public var paper: Value
        /// The computed value (for bounds: the bound).
        public var computed: Value
        /// computed / paper, as shown ("1.43×"); its number is nil when the paper's value is 0.
        public var ratio: Value
        /// How the two are compared.
        public var check: Check
        /// The accepted relative difference (0 for bounds).
        public var tolerance: Double
        /// Whether the claim holds.
        public var holds: Bool
        /// Where the claim was made.
        public var place: Place

        public init(
            label: String, paper: Value, computed: Value, ratio: Value, check: Check, tolerance: Double, holds: Bool,
            place: Place
        ) {
            self.label = label
            self.paper = paper
            self.computed = computed
            self.ratio = ratio
            self.check = check
            self.tolerance = tolerance
            self.holds = holds
            self.place = place
        }
    }
}
