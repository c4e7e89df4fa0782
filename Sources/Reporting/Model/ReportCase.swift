import ComplaintCore

/// One case as the reports see it: anonymous facts only, no names, addresses or text from parents.
///
/// Everything here survives a retention purge, so a report for an old year is the same
/// after the personal data is gone.
public struct ReportCase: Sendable, Equatable {
    public var kind: MessageKind
    public var state: CaseState
    public var receivedDate: LocalDate
    public var location: String?
    /// The category as stored; `ComplaintCategory(stored:)` maps it to the report's list.
    public var category: String?
    /// The outcome as stored; `ComplaintOutcome.of(_:)` maps it, with the state, to the report's list.
    public var outcome: String?
    public var decisionDue: LocalDate?
    /// The day the written judgement went out, if it did.
    public var judgementDate: LocalDate?
    /// The measures' own text as the handler wrote it for the parent: never published (it may name a staff member).
    public var measures: String?
    /// The case's measures term, for cases whose measures have no rows of their own.
    public var measuresDue: LocalDate?
    public var closedDate: LocalDate?
    /// The report text (`#jaarverslag TEXT`, `klachtd case REF report-text`): the one description of the complaint the report publishes.
    public var annualSummary: String?
    /// The day the case was put to the Geschillencommissie, if it was.
    public var disputeDate: LocalDate?
    public var disputeOutcome: String?
    /// Handled under the meldcode: counted, never described.
    public var underMeldcode: Bool
    /// The parent's answer to the satisfaction question, if they gave one.
    public var satisfaction: SatisfactionAnswer?
    /// How the dispute came about, when one was recorded.
    public var disputeOrigin: DisputeOrigin?
    /// The day the parent went to the Klachtenloket Kinderopvang, if that was recorded.
    public var referralDate: LocalDate?
    /// The day the Geschillencommissie ruled, if it did.
    public var rulingDate: LocalDate?
    /// Only a dispute (`klachtd case new --dispute`): never a complaint to the organisation itself.
    public var disputeOnly = false
    /// The case reference (KL-2026-0012): only the draft's to-do list shows it, never the published report.
    public var reference: String?
    /// The measures of the judgement, each with its term and the day it was done: their number
    /// and terms reach the report, their text (written for the parent) never does.
    public var measureTerms: [MeasureTerm] = []

    public init(kind: MessageKind, state: CaseState, receivedDate: LocalDate, location: String? = nil, category: String? = nil,
                outcome: String? = nil, decisionDue: LocalDate? = nil, judgementDate: LocalDate? = nil, measures: String? = nil,
                measuresDue: LocalDate? = nil, closedDate: LocalDate? = nil, annualSummary: String? = nil,
                disputeDate: LocalDate? = nil, disputeOutcome: String? = nil, underMeldcode: Bool = false,
                satisfaction: SatisfactionAnswer? = nil) {
        self.kind = kind
        self.state = state
        self.receivedDate = receivedDate
        self.location = location
        self.category = category
        self.outcome = outcome
        self.decisionDue = decisionDue
        self.judgementDate = judgementDate
        self.measures = measures
        self.measuresDue = measuresDue
        self.closedDate = closedDate
        self.annualSummary = annualSummary
        self.disputeDate = disputeDate
        self.disputeOutcome = disputeOutcome
        self.underMeldcode = underMeldcode
        self.satisfaction = satisfaction
    }

    /// The location as the report names it.
    public var locationLabel: String {
        guard let location, !location.isEmpty else { return ReportWords.noLocation }
        return location
    }

    public var reportCategory: ComplaintCategory { ComplaintCategory(stored: category) }
    public var reportOutcome: ComplaintOutcome { ComplaintOutcome.of(outcome, state: state) }

    /// Days from receipt to the judgement, when there was one.
    public var handlingDays: Int? { judgementDate.map { receivedDate.days(until: $0) } }

    /// The day after which the judgement was late, by the Algemene termijnenwet: the statutory
    /// date behind `decisionDue` (which is the working day on or before it), run on past a
    /// weekend or general holiday; without a stored date, six weeks after receipt.
    public var legalDecisionDeadline: LocalDate {
        let termEnd = decisionDue.map { AlgemeneTermijnenwet.termEnd(told: $0, received: receivedDate) }
            ?? receivedDate.adding(days: HandlingTimes.statutoryDays)
        return AlgemeneTermijnenwet.deadline(termEnd: termEnd)
    }

    /// Whether the judgement was sent by the legal deadline; nil when there was none.
    public var judgedOnTime: Bool? { judgementDate.map { $0 <= legalDecisionDeadline } }

    /// A complaint in the statutory sense, handled under the complaint procedure.
    public var isReportedComplaint: Bool { kind.startsStatutoryClock && !underMeldcode && !disputeOnly }

    /// Still waiting for its judgement on `day` while the legal deadline has passed: late, as
    /// surely as a judgement sent after it.
    public func isOpenPastTerm(on day: LocalDate) -> Bool {
        judgementDate == nil && reportOutcome == .pending && legalDecisionDeadline < day
    }

    /// The report text, when one was written (blank is none).
    public var reportText: String? {
        guard let text = annualSummary, text.contains(where: { !$0.isWhitespace }) else { return nil }
        return text
    }
}

/// One measure of a judgement as the reports see it: when it was due and when it was done.
public struct MeasureTerm: Sendable, Equatable {
    public var due: LocalDate
    public var done: LocalDate?

    public init(due: LocalDate, done: LocalDate? = nil) {
        self.due = due
        self.done = done
    }

    /// Past its term and not done on `day` (done later means it was still open that day).
    public func isOverdue(on day: LocalDate) -> Bool {
        due < day && (done.map { $0 > day } ?? true)
    }
}

/// Fixed words the reports use in more than one place.
public enum ReportWords {
    public static let noLocation = "Algemeen (geen locatie)"
}
