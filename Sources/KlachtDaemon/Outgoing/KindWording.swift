import ComplaintCore
import MailTemplates

/// The kind of a message as a sentence names it: "klacht", "vraag", "compliment".
enum KindWording {
    static func label(_ kind: MessageKind, english: Bool) -> String {
        guard english else { return kind == .onvrede ? "klacht" : kind.rawValue }
        switch kind {
        case .klacht, .onvrede: return "complaint"
        case .vraag: return "question"
        case .verbeterpunt: return "point for improvement"
        case .suggestie: return "suggestion"
        case .compliment: return "compliment"
        }
    }

    /// The kind as a noun with its article, demonstrative and adjective, grammatical for every
    /// kind: Dutch nouns are *de* or *het* words ("de klacht", "het compliment"), and an adjective
    /// before a *het* word after "een" or alone has no -e ("een nieuw compliment", "Nieuw compliment",
    /// but "Nieuwe vraag").
    /// Onvrede is handled, and named, as a klacht (DOMAIN.md). Templates use `{{kind.the}}` etc.
    /// rather than gluing words to `{{case.kind}}`, which gave "Nieuwe compliment".
    static func forms(_ kind: MessageKind, english: Bool) -> [String: TemplateValue] {
        let noun = label(kind, english: english)
        if english {
            return ["noun": .string(noun), "the": .string("the \(noun)"), "a": .string("a \(noun)"),
                    "this": .string("this \(noun)"), "new": .string("new \(noun)"), "a_new": .string("a new \(noun)"),
                    "new_capitalised": .string("New \(noun)")]
        }
        let neuter = kind == .compliment || kind == .verbeterpunt
        return ["noun": .string(noun), "the": .string((neuter ? "het " : "de ") + noun), "a": .string("een \(noun)"),
                "this": .string((neuter ? "dit " : "deze ") + noun), "new": .string((neuter ? "nieuw " : "nieuwe ") + noun),
                "a_new": .string((neuter ? "een nieuw " : "een nieuwe ") + noun),
                "new_capitalised": .string((neuter ? "Nieuw " : "Nieuwe ") + noun)]
    }
}
