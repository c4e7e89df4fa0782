/// Where a case is in the complaint procedure (DOMAIN.md, "A case's life").
public enum CaseState: String, Sendable, CaseIterable, Codable {
    case received
    case acknowledged
    case assigned
    case judgementSent = "judgement_sent"
    case measuresPending = "measures_pending"
    case closed
    case withdrawn
    case suspended
    case notAComplaint = "not_a_complaint"
    case safeguarding
    case referredKlachtenloket = "referred_klachtenloket"
    case referredGeschillencommissie = "referred_geschillencommissie"

    /// Dutch, as the quality staff and reports name it.
    public var dutchLabel: String {
        switch self {
        case .received: "ontvangen"
        case .acknowledged: "ontvangst bevestigd"
        case .assigned: "in behandeling"
        case .judgementSent: "oordeel verstuurd"
        case .measuresPending: "maatregelen lopen"
        case .closed: "afgesloten"
        case .withdrawn: "ingetrokken"
        case .suspended: "geschorst"
        case .notAComplaint: "geen klacht"
        case .safeguarding: "meldcode (afgeschermd)"
        case .referredKlachtenloket: "doorverwezen naar Klachtenloket"
        case .referredGeschillencommissie: "voorgelegd aan Geschillencommissie"
        }
    }

    /// English, as an English organisation's staff mails name it.
    public var englishLabel: String {
        switch self {
        case .received: "received"
        case .acknowledged: "receipt confirmed"
        case .assigned: "in progress"
        case .judgementSent: "judgement sent"
        case .measuresPending: "measures pending"
        case .closed: "closed"
        case .withdrawn: "withdrawn"
        case .suspended: "suspended"
        case .notAComplaint: "not a complaint"
        case .safeguarding: "meldcode (restricted)"
        case .referredKlachtenloket: "referred to the Klachtenloket"
        case .referredGeschillencommissie: "before the Geschillencommissie"
        }
    }

    /// A case that still needs someone to act: terms are watched only for these.
    public var isOpen: Bool {
        switch self {
        case .closed, .withdrawn, .notAComplaint: false
        default: true
        }
    }

    /// Before the judgement: the decision term applies.
    public var awaitsJudgement: Bool {
        switch self {
        case .received, .acknowledged, .assigned: true
        default: false
        }
    }
}
