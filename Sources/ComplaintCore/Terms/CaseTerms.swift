/// Every date a case's clocks run to, computed once at receipt.
///
/// All dates are local dates in the organisation's zone; a term due on a date ends at
/// the end of that local day (`CivilTime.endOfDay`).
public struct CaseTerms: Sendable, Equatable, Codable {
    /// The regime the terms were computed under.
    public var regime: Regime
    /// The local date the complaint was submitted (received in our mailbox or form).
    public var receivedDate: LocalDate
    /// The written acknowledgement is due by the end of this day.
    public var acknowledgementDue: LocalDate
    /// The handler has contacted the parent by the end of this day.
    public var firstContactDue: LocalDate
    /// The organisation's target for a proposed solution, if it sets one.
    public var solutionTargetDue: LocalDate?
    /// The reasoned judgement is due by the end of this day: the last working day on or before
    /// `decisionTermEnd`, the date parents and handlers are told and reminders follow.
    public var decisionDue: LocalDate
    /// The statutory date itself: 6 weeks after receipt for wko and wkkgz (plus any Wkkgz
    /// extension), which may be a weekend day or a holiday.
    public var decisionTermEnd: LocalDate
    /// The Wkkgz extension in weeks, once one has been announced (0 means none).
    public var extensionWeeks: Int
    /// The last day the parent can go to the Geschillencommissie: 12 months after submission.
    public var gckWindowEnd: LocalDate
    /// Reminders to the handler, sorted by date.
    public var reminders: [ScheduledReminder]

    /// Creates terms from their parts; `TermCalculator.terms` is the usual way to get them.
    public init(regime: Regime, receivedDate: LocalDate, acknowledgementDue: LocalDate, firstContactDue: LocalDate,
                solutionTargetDue: LocalDate?, decisionDue: LocalDate, decisionTermEnd: LocalDate? = nil,
                extensionWeeks: Int = 0, gckWindowEnd: LocalDate, reminders: [ScheduledReminder]) {
        self.regime = regime
        self.receivedDate = receivedDate
        self.acknowledgementDue = acknowledgementDue
        self.firstContactDue = firstContactDue
        self.solutionTargetDue = solutionTargetDue
        self.decisionDue = decisionDue
        self.decisionTermEnd = decisionTermEnd ?? decisionDue
        self.extensionWeeks = extensionWeeks
        self.gckWindowEnd = gckWindowEnd
        self.reminders = reminders
    }

    /// The day the judgement is late after, by the Algemene termijnenwet: the statutory date,
    /// moved past a Saturday, Sunday or general holiday. The annual report judges by it.
    public var legalDecisionDeadline: LocalDate { AlgemeneTermijnenwet.deadline(termEnd: decisionTermEnd) }
}

/// What a handler reminder is about.
public enum ReminderKind: String, Sendable, Codable {
    /// The acknowledgement is due the next working day.
    case acknowledgementDue
    /// The first contact with the parent is due the next working day.
    case firstContactDue
    /// A number of weeks has passed since receipt.
    case weeksElapsed
    /// The judgement is due in a few working days.
    case decisionApproaching
}

/// One reminder to send to the handler, with a key that stays the same when terms are recomputed.
public struct ScheduledReminder: Sendable, Equatable, Codable {
    /// A stable key ("ack-due-1", "first-contact-due-1", "week-2", "decision-minus-2"), used to send each reminder once.
    public var key: String
    /// The local date on which the reminder is sent.
    public var date: LocalDate
    /// What the reminder is about.
    public var kind: ReminderKind

    /// Creates a reminder.
    public init(key: String, date: LocalDate, kind: ReminderKind) {
        self.key = key
        self.date = date
        self.kind = kind
    }
}
