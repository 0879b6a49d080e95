/// The feed-forward block a layer has: experts behind a router, or one dense FFN.
public enum LayerKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// Router, dispatch, routed and shared experts, combine.
    case moe
    /// One dense FFN (DeepSeek-V3's first three layers).
    case dense
}
