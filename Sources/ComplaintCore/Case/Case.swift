import Foundation

/// A case as klachtd knows it: the one value the store reads and the rules, letters and
/// command line look at.
///
/// Typed throughout: terms are `LocalDate`s in the organisation's zone (stored as
/// `YYYY-MM-DD`), flags are `CaseFlag`s (unknown ones kept). `CaseStore` builds it from a
/// row in one place (`CaseStore.caseRecord`); nobody else parses a case's cells.
///
/// The planners that need less, or more, get a projection made from it in this module:
/// `CaseSnapshot` (intake), `ScheduledCase` (scheduler), `CaseFacts` (commands); the
/// reports read `ReportCase`, which by construction cannot hold a name.
public struct Case: Sendable, Equatable {
    public var id: Int64
    public var reference: CaseReference
    public var state: CaseState
    public var kind: MessageKind
    public var regime: Regime
    public var receivedAt: Date
    public var complainantName: String?
    public var complainantAddress: String?
    public var complainantMessageID: String?
    public var location: String?
    public var handler: String?
    public var subject: String?
    public var category: String?
    public var outcome: String?
    public var flags: [CaseFlag]
    /// Due dates in the organisation's zone; nil where no term runs.
    public var acknowledgementDue, firstContactDue, solutionTargetDue, decisionDue, gckWindowEnd, measuresDue: LocalDate?
    public var closedAt: Date?
    /// A suspended case's review date: the handler is reminded then.
    public var reviewDue: LocalDate?

    public init(id: Int64, reference: CaseReference, state: CaseState, kind: MessageKind, regime: Regime, receivedAt: Date,
                complainantName: String? = nil, complainantAddress: String? = nil, complainantMessageID: String? = nil,
                location: String? = nil, handler: String? = nil, subject: String? = nil, category: String? = nil,
                outcome: String? = nil, flags: [CaseFlag] = [], acknowledgementDue: LocalDate? = nil,
                firstContactDue: LocalDate? = nil, solutionTargetDue: LocalDate? = nil, decisionDue: LocalDate? = nil,
                gckWindowEnd: LocalDate? = nil, measuresDue: LocalDate? = nil, closedAt: Date? = nil, reviewDue: LocalDate? = nil) {
        self.id = id
        self.reference = reference
        self.state = state
        self.kind = kind
        self.regime = regime
        self.receivedAt = receivedAt
        self.complainantName = complainantName
        self.complainantAddress = complainantAddress
        self.complainantMessageID = complainantMessageID
        self.location = location
        self.handler = handler
        self.subject = subject
        self.category = category
        self.outcome = outcome
        self.flags = flags
        self.acknowledgementDue = acknowledgementDue
        self.firstContactDue = firstContactDue
        self.solutionTargetDue = solutionTargetDue
        self.decisionDue = decisionDue
        self.gckWindowEnd = gckWindowEnd
        self.measuresDue = measuresDue
        self.closedAt = closedAt
        self.reviewDue = reviewDue
    }
}
