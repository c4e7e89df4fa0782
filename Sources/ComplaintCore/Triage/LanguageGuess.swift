/// Guesses whether a parent wrote in Dutch or English, from the short words every sentence has.
///
/// Counting function words is crude but robust for the few sentences of a complaint; a text
/// too short or too mixed to tell gives nil, and the location's language applies.
public enum LanguageGuess {
    private static let english: Set<String> = [
        "the", "and", "is", "was", "were", "my", "i", "you", "your", "we", "our", "he", "she", "it", "of", "to", "in", "on",
        "at", "for", "with", "not", "have", "has", "had", "this", "that", "are", "be", "been", "would", "could", "please",
        "when", "what", "why", "because", "but", "very", "there", "they", "them", "his", "her", "from", "about", "dear",
    ]
    private static let dutch: Set<String> = [
        "de", "het", "een", "en", "is", "was", "waren", "mijn", "ik", "je", "jij", "u", "uw", "wij", "we", "ons", "onze",
        "hij", "zij", "ze", "van", "naar", "op", "aan", "voor", "met", "niet", "heb", "heeft", "hebben", "dit", "dat", "zijn",
        "graag", "wanneer", "wat", "waarom", "omdat", "maar", "erg", "er", "hun", "haar", "over", "beste", "geachte", "bij",
    ]

    /// "en", "nl", or nil when the text does not say clearly.
    public static func language(of text: String) -> String? {
        var englishCount = 0, dutchCount = 0
        for word in FoldedText(text).value.split(separator: " ").prefix(400) {
            let word = String(word)
            if english.contains(word) { englishCount += 1 }
            if dutch.contains(word) { dutchCount += 1 }
        }
        guard englishCount + dutchCount >= 4 else { return nil }
        if englishCount >= 2 * dutchCount { return "en" }
        if dutchCount >= 2 * englishCount { return "nl" }
        return nil
    }
}
