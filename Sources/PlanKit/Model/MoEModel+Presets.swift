extension MoEModel {
    /// DeepSeek-V3 (671 B parameters, 37 B active): 61 layers, the first 3 dense (FFN 18,432), 58 MoE layers of 256
    /// routed experts (FFN 2,048, SwiGLU) and 1 shared expert, top-8, hidden 7,168, 128 heads of MLA (q rank 1,536,
    /// KV rank 512, nope 128, RoPE 64, value 128), vocabulary 129,280. Source: deepseek-ai/DeepSeek-V3 config.json
    /// (hidden_size, intermediate_size, moe_intermediate_size, num_hidden_layers, first_k_dense_replace,
    /// n_routed_experts, n_shared_experts, num_experts_per_tok, num_attention_heads, q_lora_rank, kv_lora_rank,
    /// qk_nope_head_dim, qk_rope_head_dim, v_head_dim, vocab_size); technical report §4.2.
    public static let deepSeekV3 = MoEModel(
        layers: 61, expertsPerLayer: 256, hidden: 7168, expertFFN: 2048, topK: 8, attentionHeads: 128,
        kvHeads: 128, headDimension: 128, attention: .latent(.deepSeekV3), gatedFFN: true, sharedExperts: 1,
        vocabulary: 129_280, denseLayers: 3, denseFFN: 18_432)

    /// Mixtral 8x7B (46.7 B parameters, 12.9 B active): 32 layers of 8 experts (FFN 14,336, SwiGLU), top-2, hidden
    /// 4,096, 32 query heads and 8 KV heads of 128 (GQA), vocabulary 32,000. Source: mistralai/Mixtral-8x7B-v0.1
    /// config.json (hidden_size, intermediate_size, num_hidden_layers, num_local_experts, num_experts_per_tok,
    /// num_attention_heads, num_key_value_heads, vocab_size); Jiang et al. 2024, "Mixtral of Experts", Table 1.
    public static let mixtral8x7B = MoEModel(
        layers: 32, expertsPerLayer: 8, hidden: 4096, expertFFN: 14_336, topK: 2, attentionHeads: 32, kvHeads: 8,
        headDimension: 128, gatedFFN: true, vocabulary: 32_000)

    /// Qwen3-235B-A22B (235 B parameters, 22 B active): 94 MoE layers of 128 experts (FFN 1,536, SwiGLU), top-8, no
    /// shared expert, hidden 4,096, 64 query heads and 4 KV heads of 128 (GQA; heads × dimension = 8,192 ≠ hidden),
    /// vocabulary 151,936. Source: Qwen/Qwen3-235B-A22B config.json (hidden_size, moe_intermediate_size,
    /// num_hidden_layers, num_experts, num_experts_per_tok, num_attention_heads, num_key_value_heads, head_dim,
    /// vocab_size); Qwen3 technical report, Table 2.
    public static let qwen3_235B = MoEModel(
        layers: 94, expertsPerLayer: 128, hidden: 4096, expertFFN: 1536, topK: 8, attentionHeads: 64, kvHeads: 4,
        headDimension: 128, gatedFFN: true, vocabulary: 151_936)
}
