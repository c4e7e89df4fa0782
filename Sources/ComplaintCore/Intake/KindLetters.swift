/// Which letter each kind of message gets: its own receipt for the parent and its own notice
/// for staff, so a compliment is never told about judgement dates and a question is never
/// handled as if a judgement were due.
public extension MessageKind {
    /// The parent's receipt.
    var receiptTemplate: TemplateName {
        switch self {
        case .klacht, .onvrede: .acknowledgement
        case .vraag: .questionReceipt
        case .verbeterpunt: .improvementReceipt
        case .suggestie: .suggestionReceipt
        case .compliment: .complimentThanks
        }
    }

    /// The mail to the location's handler.
    var staffNoticeTemplate: TemplateName {
        switch self {
        case .klacht, .onvrede: .handlerAssignment
        case .vraag: .questionNotice
        case .verbeterpunt: .improvementNotice
        case .suggestie: .suggestionNotice
        case .compliment: .complimentNotice
        }
    }
}

/// Whether a complaint must not go to the location's own handler (DOMAIN.md, seed 000): it is
/// about them (their configured name in the message), so management decides who handles it.
public enum HandlerConflict {
    /// True when the handler's full name, or their surname with its tussenvoegsel, is in `text`.
    public static func mentions(_ location: LocationProfile, in text: String) -> Bool {
        guard let name = location.handlerName else { return false }
        let words = name.split(separator: " ").map(String.init)
        var phrases = [name]
        if words.count >= 2 { phrases.append(words.dropFirst().joined(separator: " ")) }
        let folded = FoldedText(text)
        return phrases.contains { phrase in phrase.count >= 3 && folded.containsWords(FoldedText(phrase)) }
    }
}
