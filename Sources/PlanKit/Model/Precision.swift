/// The number format of weights, activations and KV cache.
public enum Precision: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case fp32, bf16, fp16, fp8

    /// Bytes per element: 4 for FP32, 2 for BF16 and FP16, 1 for FP8.
    public var bytesPerElement: Double {
        switch self {
        case .fp32: 4
        case .bf16, .fp16: 2
        case .fp8: 1
        }
    }

    public var description: String { rawValue.uppercased() }
}
