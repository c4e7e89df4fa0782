/// A case field a command sets.
public enum CaseField: String, Sendable, Equatable {
    case handler, location, category, outcome, kind
    case decisionDue = "decision_due"
    case measuresDue = "measures_due"
}

/// A measure with its concrete date, as the judgement letter names it.
public struct PlannedMeasure: Sendable, Equatable {
    public var text: String
    public var due: LocalDate

    public init(text: String, due: LocalDate) {
        self.text = text
        self.due = due
    }
}

/// One change to the case, in the order it is made.
public enum CaseChange: Sendable, Equatable {
    case transition(CaseAction, reason: String)
    case set(CaseField, String?)
    case recordMeasures([PlannedMeasure])
    /// The measures at these positions (from 0, in the judgement's order) are carried out.
    case completeMeasures([Int])
    /// The handler's anonymous summary for the annual report, which outlives the personal data.
    case annualSummary(String)
}

/// A mail a command sends.
public enum PlannedMail: Sendable, Equatable {
    /// The handler's text to the parent, in the parent's thread.
    case answer(text: String)
    case judgement(outcome: JudgementOutcome, reasons: String, measures: [PlannedMeasure])
    case termExtension(weeks: Int, reason: String, originalDue: LocalDate)
    case closing(reason: String?)
    /// The assignment mail to a newly assigned handler.
    case assignment
}

/// What a set of commands does to a case: all of it, or (with errors) nothing.
public struct CommandPlan: Sendable, Equatable {
    public var changes: [CaseChange] = []
    public var mails: [PlannedMail] = []
    /// Why nothing is done; the sender gets these with the help text.
    public var errors: [String] = []
    public var helpRequested = false

    public init(changes: [CaseChange] = [], mails: [PlannedMail] = [], errors: [String] = [], helpRequested: Bool = false) {
        self.changes = changes
        self.mails = mails
        self.errors = errors
        self.helpRequested = helpRequested
    }

    /// True when the sender should get a `command-reply`: errors or `#help`.
    public var needsReply: Bool { !errors.isEmpty || helpRequested }
}

/// The facts of a case and the organisation that the planner checks commands against.
public struct CaseFacts: Sendable {
    public var snapshot: CaseSnapshot
    public var regime: Regime
    /// The case's terms as they stand (with any extension already applied); nil when no clock runs.
    public var terms: CaseTerms?
    public var locations: [LocationProfile]
    /// Addresses a case may be assigned to: the locations' handlers and the quality staff.
    public var assignableAddresses: Set<String>
    public var termPolicy: TermPolicy
    /// The day the commands are given, in the organisation's zone.
    public var today: LocalDate
    /// Per measure of the judgement, in order, whether it is done; empty when there are none.
    public var measuresDone: [Bool] = []

    public init(snapshot: CaseSnapshot, regime: Regime, terms: CaseTerms?, locations: [LocationProfile],
                assignableAddresses: Set<String>, termPolicy: TermPolicy, today: LocalDate) {
        self.snapshot = snapshot
        self.regime = regime
        self.terms = terms
        self.locations = locations
        self.assignableAddresses = Set(assignableAddresses.map { $0.lowercased() })
        self.termPolicy = termPolicy
        self.today = today
    }
}
