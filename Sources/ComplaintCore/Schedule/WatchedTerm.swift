/// A term the scheduler watches: the handler is reminded before it ends, staff are told when it passed.
public enum WatchedTerm: String, Sendable, CaseIterable {
    case acknowledgement
    case firstContact = "first-contact"
    case decision
    case measures

    /// The term's name in a sentence, in Dutch or English.
    public func label(english: Bool) -> String {
        switch self {
        case .acknowledgement: english ? "the written acknowledgement" : "de schriftelijke ontvangstbevestiging"
        case .firstContact: english ? "the first contact with the parent" : "het eerste contact met de ouder"
        case .decision: english ? "the written judgement" : "het schriftelijk oordeel"
        case .measures: english ? "the measures from the judgement" : "de maatregelen uit het oordeel"
        }
    }

    /// The short name a digest line shows.
    public func digestLabel(english: Bool) -> String {
        switch self {
        case .acknowledgement: english ? "acknowledgement" : "ontvangstbevestiging"
        case .firstContact: english ? "first contact" : "eerste contact"
        case .decision: english ? "judgement" : "oordeel"
        case .measures: english ? "measures" : "maatregelen"
        }
    }
}
