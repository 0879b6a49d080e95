/// The number format of a tensor: weights, activations, KV cache, the operands of attention, dispatched tokens.
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

    /// Bytes per element on the wire, scales included: FP8 tensors carry one FP32 scale per 128 elements
    /// (DeepSeek-V3 technical report §3.3.2, fine-grained 1 × 128 tile quantization; DeepEP's FP8 dispatch sends
    /// those scales with the tokens), so 1 + 4/128 = 1.03125 bytes; other formats carry no scales.
    public var bytesPerElementWithScales: Double {
        self == .fp8 ? 1 + Precision.fp8ScaleBytes / Double(Precision.fp8ScaleBlock) : bytesPerElement
    }

    /// Elements sharing one FP8 scale: 128 (DeepSeek-V3 §3.3.2).
    public static let fp8ScaleBlock = 128
    /// Bytes of one FP8 scale: an FP32, 4.
    public static let fp8ScaleBytes = 4.0

    public var description: String { rawValue.uppercased() }
}
