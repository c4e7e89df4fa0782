import ComplaintCore

/// The outcomes of the annual report (DOMAIN.md), plus "nog in behandeling" for open cases.
public enum ComplaintOutcome: String, Sendable, CaseIterable, Comparable {
    case upheld = "gegrond"
    case partlyUpheld = "deels gegrond"
    case rejected = "ongegrond"
    case withdrawn = "ingetrokken"
    case resolvedInformally = "informeel opgelost"
    case notAComplaint = "geen klacht"
    case referred = "doorverwezen"
    case pending = "nog in behandeling"
    case closedWithoutJudgement = "gesloten zonder oordeel"

    public var label: String { rawValue }

    /// The outcome stored on a case, or else what its state implies.
    public static func of(_ stored: String?, state: CaseState) -> ComplaintOutcome {
        let folded = ReportFolding.fold(stored ?? "")
        if let known = allCases.first(where: { ReportFolding.fold($0.rawValue) == folded }) { return known }
        switch state {
        case .withdrawn: return .withdrawn
        case .notAComplaint: return .notAComplaint
        case .referredKlachtenloket, .referredGeschillencommissie: return .referred
        case .closed: return .closedWithoutJudgement
        default: return .pending
        }
    }

    public static func < (a: ComplaintOutcome, b: ComplaintOutcome) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
