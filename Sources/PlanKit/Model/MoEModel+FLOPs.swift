extension MoEModel {
    /// FLOPs to process one token that attends to `contextLength` earlier tokens.
    ///
    /// 2 FLOPs per active parameter (one multiply-add), plus attention scores and weighted values:
    /// per layer QKᵀ costs 2·context·hidden and AV another 2·context·hidden, so 4·context·hidden in all.
    public func flopsPerToken(contextLength: Int) -> FLOPs {
        let dense = 2.0 * Double(activeParametersPerToken)
        let attention = 4.0 * Double(layers) * Double(contextLength) * Double(hidden)
        return FLOPs(dense + attention)
    }
}
