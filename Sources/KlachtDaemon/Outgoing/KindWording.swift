import ComplaintCore

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
}
