/// Gives headings stable, unique `id`s made from their text, as GitHub and mdBook do.
///
/// "Memory per GPU" becomes `memory-per-gpu`; a second heading with the same text becomes `memory-per-gpu-1`.
/// The same headings in the same order always get the same ids.
public struct HeadingAnchors: Sendable {
    private var taken: Set<String>

    /// Anchors that avoid the ids in `reserved` (the template's and figures' own).
    public init(reserved: Set<String> = []) { taken = reserved }

    /// The id for a heading with `text`, unique among all ids handed out so far.
    public mutating func anchor(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var counter = 1
        while taken.contains(candidate) || Self.isClaimAnchor(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// Whether `id` has the form of a claim card's anchor (`claim-3`), which headings must not take.
    static func isClaimAnchor(_ id: String) -> Bool {
        id.hasPrefix("claim-") && id.count > 6 && id.dropFirst(6).allSatisfy(\.isASCII) && id.dropFirst(6).allSatisfy(\.isNumber)
    }

    /// Marks `id` as used.
    public mutating func reserve(_ id: String) { taken.insert(id) }

    /// Lower-case letters and digits of `text`, with runs of anything else as one `-`; `section` if none remain.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : result
    }
}
