import Foundation

/// Decides what kind of message a parent sent.
///
/// Under the Wet kinderopvang a parent's written expression of dissatisfaction is a
/// complaint, so onvrede is a klacht, and a complaint mistaken for a question would run no
/// clock: the worse mistake of the two. A message is something else without a person only
/// when it clearly is: the parent chose the kind in a form's field, or the subject or text
/// asks or praises and nothing in subject or text shows dissatisfaction. Any doubt makes it
/// a complaint that the quality staff are asked to look at (`#soort` reclassifies it).
public enum KindClassifier {
    /// The kind and whether a person should check it.
    public struct Classification: Sendable, Equatable {
        public var kind: MessageKind
        /// A complaint by default rather than by its words: the quality staff are asked to look.
        public var doubtful: Bool

        public init(kind: MessageKind, doubtful: Bool) {
            self.kind = kind
            self.doubtful = doubtful
        }
    }

    public static func classify(formKind: String?, subject: String?, text: String?) -> Classification {
        if let formKind, let kind = kind(named: formKind) { return Classification(kind: kind, doubtful: false) }
        let all = FoldedText([subject, text].compactMap { $0 }.joined(separator: "\n"))
        let dissatisfied = dissatisfaction.contains { all.containsWordStart(FoldedText($0)) }
        let other = otherKind(subject: subject, text: text, all: all)
        // Dissatisfaction anywhere makes it a complaint; when it also asks or praises, a person looks.
        if dissatisfied { return Classification(kind: .klacht, doubtful: other != nil) }
        return Classification(kind: other ?? .klacht, doubtful: false)
    }

    /// What the words say the message is besides a complaint: the subject names it, or the text
    /// thanks, or asks with a question mark.
    private static func otherKind(subject: String?, text: String?, all: FoldedText) -> MessageKind? {
        let subjectWords = FoldedText(subject ?? "")
        if subjectWords.containsWordStart(FoldedText("klacht")) || subjectWords.containsWordStart(FoldedText("complaint")) {
            return nil
        }
        for (stem, kind) in subjectStems where subjectWords.containsWordStart(FoldedText(stem)) { return kind }
        let bodyWords = FoldedText(text ?? "")
        if praise.contains(where: { bodyWords.containsWordStart(FoldedText($0)) }) { return .compliment }
        if ((subject ?? "") + (text ?? "")).contains("?"), asking.contains(where: { all.containsWordStart(FoldedText($0)) }) {
            return .vraag
        }
        return nil
    }

    /// The kind as earlier versions decided it (form field, else subject); kept for callers that have no text.
    public static func kind(formKind: String?, subject: String?) -> MessageKind {
        classify(formKind: formKind, subject: subject, text: nil).kind
    }

    /// A kind named in a form field or a command (`#soort compliment`), in Dutch or English.
    /// Onvrede names a complaint: the law makes no difference between them.
    public static func kind(named word: String) -> MessageKind? {
        let folded = FoldedText(word).value.trimmingCharacters(in: .whitespaces)
        if let single = single(folded) { return single }
        // A form's choice may read "Suggestie / idee" or "Klacht (onvrede)": one kind named is that kind.
        let named = Set(folded.split(whereSeparator: { !$0.isLetter }).compactMap { single(String($0)) })
        return named.count == 1 ? named.first : nil
    }

    private static func single(_ folded: String) -> MessageKind? {
        if folded == MessageKind.onvrede.rawValue { return .klacht }
        if let direct = MessageKind(rawValue: folded) { return direct }
        return synonyms[folded]
    }

    private static let subjectStems: [(String, MessageKind)] = [
        ("compliment", .compliment), ("bedankt", .compliment), ("dankwoord", .compliment), ("dank je", .compliment),
        ("dank u", .compliment), ("thank", .compliment),
        ("verbeterpunt", .verbeterpunt), ("suggestie", .suggestie), ("idee", .suggestie), ("suggestion", .suggestie),
        ("vraag", .vraag), ("question", .vraag),
    ]

    /// Word starts that show dissatisfaction anywhere in subject or text: then it is a complaint.
    static let dissatisfaction = [
        "klacht", "klag", "klaag", "beklag", "onvrede", "ontevreden", "niet tevreden", "teleurgesteld", "teleurstell",
        "boos", "kwaad", "woedend", "geïrriteerd", "geirriteerd", "irritant", "ergernis", "frustr", "onacceptabel",
        "onaanvaardbaar", "schandalig", "belachelijk", "verschrikkelijk", "slecht", "niet ok", "niet in orde", "klopt niet",
        "ongerust", "zorgen over", "bezorgd", "niet goed", "fout", "vergeten", "te laat", "onveilig", "gevaarlijk",
        "niet eens", "oneens", "jammer", "helaas", "verbaasd", "onbeschoft", "respectloos",
        "complaint", "complain", "unhappy", "dissatisf", "disappoint", "angry", "upset", "unacceptable", "not happy",
        "worried", "concerned",
    ]

    /// Thanks and praise that open a compliment when the subject says nothing.
    private static let praise = ["bedankt", "dank je wel", "dank u wel", "hartelijk dank", "complimenten", "compliment",
                                 "wat fijn", "super blij", "erg blij", "heel blij", "thank you", "thanks"]

    /// Question words, with a question mark in the text.
    private static let asking = ["vraag", "wat", "wanneer", "hoe", "waar", "welke", "kunt u", "kan ik", "mag ik", "is het mogelijk",
                                 "question", "when", "how", "can i", "could you"]

    private static let synonyms: [String: MessageKind] = [
        "complaint": .klacht, "klachten": .klacht, "compliments": .compliment, "complimenten": .compliment,
        "question": .vraag, "vragen": .vraag, "suggestion": .suggestie, "idea": .suggestie, "idee": .suggestie,
        "improvement": .verbeterpunt, "verbeterpunten": .verbeterpunt, "dissatisfaction": .klacht,
        "signaal": .klacht,
    ]
}
