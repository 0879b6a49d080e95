extension SIFormat {
    /// A token count that may be fractional (tokens split over DP replicas): whole ones grouped ("1,280"),
    /// others with one decimal ("6.5").
    static func tokenCount(_ tokens: Double) -> String {
        tokens == tokens.rounded() && abs(tokens) < 9e15 ? grouped(Int(tokens)) : fixed(tokens, decimals: 1)
    }
}
