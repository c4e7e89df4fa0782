/// Screens text against a word list: safeguarding signals or marks of a serious complaint.
///
/// Entries match as word starts after folding, so "slaan" also needs "sloeg" and "geslagen"
/// in the list: false positives are acceptable, false negatives are not (DOMAIN.md).
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

    /// Words that suggest abuse or a sexual offence; each hit goes to the safeguarding officer.
    public static let defaultSafeguarding: [String] = [
        "slaan", "slaat", "sloeg", "geslagen", "klap", "knijp", "kneep", "geknepen",
        "blauwe plek", "blauwe plekken", "bloedneus", "schop", "geschopt", "duwen", "geduwd",
        "misbruik", "seksueel", "seksuele", "grensoverschrijdend", "mishandel", "aanrand",
        "betast", "bloot", "naakt", "ongepast aangeraakt", "aangeraakt", "aanraking", "opgesloten",
        "vastgebonden", "vastgehouden", "geweld", "intimidatie", "bedreigd", "verwaarloos",
        "pedofiel", "ontucht", "kindermishandeling", "onveilig gevoel",
        "abuse", "sexual", "bruise", "assault", "molest", "neglect",
    ]

    /// Words that mark a complaint management must hear of at once.
    public static let defaultSerious: [String] = [
        "ongeluk", "ongeval", "ziekenhuis", "huisarts", "gewond", "letsel", "vermist", "kwijt",
        "weggelopen", "alleen gelaten", "allergie", "allergische", "verstikking", "gestikt",
        "politie", "advocaat", "rechter", "journalist", "krant", "inspectie", "ggd",
        "accident", "hospital", "injured", "missing", "police", "lawyer",
    ]
}
