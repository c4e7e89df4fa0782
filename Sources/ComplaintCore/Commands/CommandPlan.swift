/// A case field a command sets to a text. The core names the field; the store's `CaseColumn`
/// names its column, and the executor maps one to the other.
public enum CaseField: Sendable, Equatable {
    case handler, location, category, outcome, kind, complainantAddress
}

/// A term of the case a command sets to a day, or clears: a `LocalDate` in the plan, so the
/// planner cannot put anything but a date there; the store writes it as `LocalDate.iso`.
public enum CaseDateField: Sendable, Equatable {
    case decisionDue, measuresDue, acknowledgementDue, firstContactDue, solutionTargetDue, gckWindowEnd
    /// When a suspended case is looked at again.
    case reviewDue
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
    /// A term set to a day, or cleared with nil.
    case setDate(CaseDateField, LocalDate?)
    case recordMeasures([PlannedMeasure])
    /// The measures at these positions (from 0, in the judgement's order) are carried out.
    case completeMeasures([Int])
    /// The handler's anonymous summary for the annual report, which outlives the personal data.
    case annualSummary(String)
    /// The handler was in touch with the parent on that day (`#contact`).
    case recordContact(LocalDate, ContactMethod)
    /// The parent went to the Klachtenloket Kinderopvang on that day.
    case recordReferral(LocalDate)
    /// A dispute was submitted to the Geschillencommissie on that day.
    case recordDispute(LocalDate)
    /// The Geschillencommissie ruled on that day.
    case recordRuling(RulingOutcome, LocalDate)
    /// The second reader approved the judgement held for review: it is carried out now.
    case approveJudgement
    /// The second reader returned the held judgement to the handler with this remark.
    case returnJudgement(String)
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
    /// No handler for the case's location: the quality staff assign it.
    case unassigned
    /// The acknowledgement after a release from the meldcode, with an apology for the delay.
    case releaseAcknowledgement
    /// The parent's withdrawal, confirmed to them.
    case withdrawal
    /// The suspension, told to the parent, with the day it is looked at again.
    case suspension(review: LocalDate)
    /// The handling goes on after a suspension.
    case resumption
    /// The parent agreed the complaint is solved without a judgement; `text` is how, in the letter.
    case resolution(text: String)
}

/// What a set of commands does to a case: all of it, or (with errors) nothing.
public struct CommandPlan: Sendable, Equatable {
    public var changes: [CaseChange] = []
    public var mails: [PlannedMail] = []
    /// Why nothing is done; the sender gets these with the help text.
    public var errors: [CommandProblem] = []
    public var helpRequested = false

    public init(changes: [CaseChange] = [], mails: [PlannedMail] = [], errors: [CommandProblem] = [], helpRequested: Bool = false) {
        self.changes = changes
        self.mails = mails
        self.errors = errors
        self.helpRequested = helpRequested
    }

    /// True when the sender should get a `command-reply`: errors or `#help`.
    public var needsReply: Bool { !errors.isEmpty || helpRequested }
}

/// The facts of a case and the organisation that the planner checks commands against.
///
/// Built from a `Case` (`init(case:...)`), holding of it only what the planner reads (the
/// intake's `CaseSnapshot`, the kind, the regime), beside what a `Case` does not hold: the
/// terms as the event log makes them, the measures, the organisation and the day.
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
    /// What the message is: a complaint ends only with a judgement, a withdrawal or `#opgelost`.
    public var kind: MessageKind = .klacht
    /// The terms counted from the original receipt, for a case released from the meldcode.
    public var receiptTerms: CaseTerms?
    /// The day the case was received, in the organisation's zone: contact cannot be before it.
    public var receivedDate: LocalDate?
    /// The organisation's working days, so a new decision date lands on one; nil keeps the statutory date.
    public var calendar: WorkingDayCalendar?
    /// A judgement of this case waits for the second reader (`[procedure] review_judgements`).
    public var judgementUnderReview = false

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

    /// The facts of `record`: its parties and state, its kind and its regime.
    public init(case record: Case, terms: CaseTerms?, locations: [LocationProfile], assignableAddresses: Set<String>,
                termPolicy: TermPolicy, today: LocalDate) {
        self.init(snapshot: record.snapshot, regime: record.regime, terms: terms, locations: locations,
                  assignableAddresses: assignableAddresses, termPolicy: termPolicy, today: today)
        kind = record.kind
    }
}
