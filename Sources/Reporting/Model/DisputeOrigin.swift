/// How a dispute at the Geschillencommissie Kinderopvang came about; the annual report counts
/// every dispute, also those that never went through the internal procedure (DOMAIN.md).
public enum DisputeOrigin: String, Sendable, CaseIterable, Equatable {
    /// After (or during) the organisation's own complaint procedure.
    case afterProcedure = "after-procedure"
    /// A parent went to the Geschillencommissie without complaining to the organisation first.
    case direct
    /// The oudercommissie brought the dispute.
    case parentCouncil = "oudercommissie"

    /// How the report names it.
    public var dutchLabel: String {
        switch self {
        case .afterProcedure: "na de interne klachtprocedure"
        case .direct: "rechtstreeks, zonder interne klachtprocedure"
        case .parentCouncil: "door de oudercommissie"
        }
    }
}

extension Dispute {
    /// The outcome of a dispute whose ruling was not recorded (yet).
    public static let noRulingYet = "nog geen uitspraak"
}
