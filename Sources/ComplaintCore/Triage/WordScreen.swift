/// Screens text against a word list: the marks of a serious complaint. (Safeguarding has a
/// screen of its own, `SafeguardingScreen`, with inflections and combinations.)
///
/// Entries match as word starts after folding, so "ziekenhuis" also finds "ziekenhuisopname".
public struct WordScreen: Sendable {
    public let entries: [String]
    private let folded: [FoldedText]

    public init(entries: [String]) {
        self.entries = entries
        folded = entries.map(FoldedText.init)
    }

    /// The entries found in the text, in list order.
    public func hits(in text: String) -> [String] {
        let haystack = FoldedText(text)
        let starts = haystack.wordStarts
        return zip(entries, folded).filter { haystack.containsWordStart($0.1, wordStarts: starts) }.map(\.0)
    }

    /// Words that mark a complaint management must hear of at once.
    public static let defaultSerious: [String] = [
        "ongeluk", "ongeval", "ziekenhuis", "huisarts", "gewond", "letsel", "vermist", "kwijt",
        "weggelopen", "alleen gelaten", "allergie", "allergische", "verstikking", "gestikt",
        "politie", "advocaat", "rechter", "journalist", "krant", "inspectie", "ggd",
        "accident", "hospital", "injured", "missing", "police", "lawyer",
    ]
}
