import Foundation

/// Reads the parent's answer to the satisfaction question from the new text of their reply.
///
/// Only the first lines count (the quoted question is already stripped): the first word
/// `ja`/`yes` or `nee`/`no`, a rating 1–5 (4–5 satisfied, 1–3 not), or words such as
/// "tevreden" and "niet tevreden". "Nee, want ..." is not satisfied; "ja, maar ..." is
/// unclear, because the "but" is what a person must read.
public enum SatisfactionReader {
    /// How many non-empty lines at the top of the reply are read.
    static let linesRead = 3

    static let yes: Set<String> = ["ja", "jazeker", "yes", "yep", "yeah", "zeker", "jawel", "prima", "akkoord", "ok", "oke", "okay"]
    static let no: Set<String> = ["nee", "neen", "no", "nope", "niet"]
    static let but: Set<String> = ["maar", "but", "however", "echter", "alleen"]
    static let negative = ["niet tevreden", "ontevreden", "niet blij", "niet goed", "teleurgesteld", "not satisfied",
                           "dissatisfied", "unsatisfied", "not happy", "disappointed", "not at all"].map { FoldedText($0) }
    static let positive = ["tevreden", "satisfied", "blij", "happy", "goed opgelost", "naar tevredenheid"].map { FoldedText($0) }

    /// The answer, and the lines it was read from (for the case file and the quality staff).
    public static func read(_ replyText: String) -> (answer: SatisfactionAnswer, text: String) {
        let lines = replyText.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.prefix(linesRead)
        let text = lines.joined(separator: "\n")
        let words = FoldedText(text).value.split(separator: " ").map(String.init)
        guard let first = words.first else { return (.unclear, text) }
        if let rating = rating(words) { return (rating >= 4 ? .satisfied : .notSatisfied, text) }
        let folded = FoldedText(text)
        if no.contains(first) || negative.contains(where: folded.containsWords) { return (.notSatisfied, text) }
        if yes.contains(first) {
            return (words.dropFirst().prefix(2).contains(where: but.contains) ? .unclear : .satisfied, text)
        }
        if positive.contains(where: folded.containsWords) { return (.satisfied, text) }
        return (.unclear, text)
    }

    /// A rating 1–5 given as the first word: "4", "4/5", "4 van 5", "cijfer 4", "rating: 4".
    private static func rating(_ words: [String]) -> Int? {
        let start = ["cijfer", "rating", "score"].contains(words[0]) ? 1 : 0
        guard start < words.count, let value = Int(words[start]), (1...5).contains(value) else { return nil }
        return value
    }
}
