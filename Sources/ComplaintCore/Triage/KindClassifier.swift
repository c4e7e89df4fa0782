import Foundation

/// Decides what kind of message a parent sent when no form field says so.
///
/// A message is a complaint unless its subject clearly says otherwise: a complaint
/// mistaken for a question would run no clock, the worse mistake of the two.
public enum KindClassifier {
    public static func kind(formKind: String?, subject: String?) -> MessageKind {
        if let formKind, let kind = kind(named: formKind) { return kind }
        guard let subject else { return .klacht }
        let words = FoldedText(subject)
        if words.containsWordStart(FoldedText("klacht")) || words.containsWordStart(FoldedText("complaint")) { return .klacht }
        for (stem, kind) in subjectStems where words.containsWordStart(FoldedText(stem)) { return kind }
        return .klacht
    }

    /// A kind named in a form field or a command (`#soort compliment`), in Dutch or English.
    public static func kind(named word: String) -> MessageKind? {
        let folded = FoldedText(word).value.trimmingCharacters(in: .whitespaces)
        if let direct = MessageKind(rawValue: folded) { return direct }
        return synonyms[folded]
    }

    private static let subjectStems: [(String, MessageKind)] = [
        ("compliment", .compliment), ("bedankt", .compliment), ("dankwoord", .compliment),
        ("verbeterpunt", .verbeterpunt), ("suggestie", .suggestie), ("idee", .suggestie),
        ("vraag", .vraag), ("question", .vraag), ("onvrede", .onvrede),
    ]

    private static let synonyms: [String: MessageKind] = [
        "complaint": .klacht, "klachten": .klacht, "compliments": .compliment, "complimenten": .compliment,
        "question": .vraag, "vragen": .vraag, "suggestion": .suggestie, "idea": .suggestie, "idee": .suggestie,
        "improvement": .verbeterpunt, "verbeterpunten": .verbeterpunt, "dissatisfaction": .onvrede,
        "signaal": .onvrede,
    ]
}
