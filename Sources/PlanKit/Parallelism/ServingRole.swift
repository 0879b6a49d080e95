/// Which phases a deployment serves: both (one set of GPUs prefills and decodes), or one of them in a
/// prefill–decode disaggregated service (DeepSeek-V3's online service, SGLang's PD disaggregation), where each set
/// is sized and laid out for its own phase.
public enum ServingRole: String, Hashable, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case prefill
    case decode
    case both

    /// The phases served.
    public var phases: [Phase] {
        switch self {
        case .prefill: [.prefill]
        case .decode: [.decode]
        case .both: [.prefill, .decode]
        }
    }

    public var description: String { rawValue }
}
