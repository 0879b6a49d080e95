/// Planbook's version, printed by `planbook --version` and in every page's footer.
public enum PlanbookVersion {
    /// The version of this build of Planbook.
    public static let current = "0.1.0"
}
