extension PlanRecord {
    /// A paper's number set beside the computed one: both values with their units, how they were compared, the
    /// physical bound it was held against (if any), and the verdict.
    public struct Claim: Codable, Sendable, Equatable {
        /// How the paper's value is checked.
        public enum Check: String, Codable, Sendable, Equatable {
            /// Holds when |computed / paper − 1| ≤ tolerance.
            case withinTolerance
            /// Holds when the paper's value is at least the computed bound (a physical floor).
            case atLeast
            /// Holds when the paper's value is at most the computed bound (a physical ceiling).
            case atMost
            /// A claim in words ("expert e of every layer on GPU e"): holds when the study finds it true; the paper's
            /// and the computed value are text, and there is no ratio.
            case statement
        }

        /// A physical bound the paper's value is held against: a floor no implementation can go below (a time per
        /// token cannot beat the time to read the weights) or a ceiling none can exceed (peak compute).
        public struct Bound: Codable, Sendable, Equatable {
            /// Which side of the bound the paper's value must be on.
            public enum Kind: String, Codable, Sendable, Equatable {
                /// The paper's value must be at least the bound.
                case floor
                /// The paper's value must be at most the bound.
                case ceiling
            }

            public var kind: Kind
            /// What the bound is, for sentences: "the memory floor", "the compute ceiling".
            public var name: String
            /// The bound's value, in the unit of the claim.
            public var value: Value
            /// Whether the paper's value is on its side of the bound.
            public var holds: Bool

            public init(kind: Kind, name: String, value: Value, holds: Bool) {
                self.kind = kind
                self.name = name
                self.value = value
                self.holds = holds
            }
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
        /// Whether the claim holds: within tolerance (and on its side of its bound, if it has one), on its side of
        /// its bound (`atLeast`, `atMost`), or true (`statement`).
        public var holds: Bool
        /// Where the claim was made.
        public var place: Place
        /// The physical bound the paper's value was held against: for `atLeast` and `atMost` the bound itself
        /// (whose value is also `computed`), for `withinTolerance` one given beside the estimate; nil for none.
        public var bound: Bound?

        public init(
            label: String, paper: Value, computed: Value, ratio: Value, check: Check, tolerance: Double, holds: Bool,
            place: Place, bound: Bound? = nil
        ) {
            self.label = label
            self.paper = paper
            self.computed = computed
            self.ratio = ratio
            self.check = check
            self.tolerance = tolerance
            self.holds = holds
            self.place = place
            self.bound = bound
        }
    }
}
