import Foundation

/// What the scheduler needs to know of a case: its clocks as stored, and what the file shows was done.
///
/// A projection of `Case` (`init(case:...)`) kept because the scheduler needs both less and
/// more: not the parent's name, subject or text, but what the rest of the file shows (mails
/// queued, keys claimed, the satisfaction check), which a `Case` does not hold. The daemon
/// reads these facts from the store; the scheduler only looks at them, so the ladder is
/// tested without a database.
public struct ScheduledCase: Sendable, Equatable {
    /// The case's row id.
    public var id: Int64
    /// The public reference, for the digest and the log.
    public var reference: CaseReference
    /// Where the case is in the procedure.
    public var state: CaseState
    /// What the message is; only a complaint runs the statutory clock.
    public var kind: MessageKind
    /// The regime the case's terms run under.
    public var regime: Regime
    /// When the complaint reached the mailbox.
    public var receivedAt: Date
    /// The location it is about, if known.
    public var location: String?
    /// The assigned handler's address, if any.
    public var handler: String?
    /// Whether staff mail about the case is written in English (the location's language).
    public var english: Bool
    /// The stored due dates; nil where no term runs (safeguarding, not a complaint, no judgement yet).
    public var acknowledgementDue, firstContactDue, decisionDue, measuresDue: LocalDate?
    /// The parent was sent the acknowledgement (or the neutral receipt), or the case moved past 'received'.
    public var acknowledged: Bool
    /// The handler has been in touch with the parent: a message from the handler on the case,
    /// or a mail to the parent other than the automatic receipts.
    public var parentContacted: Bool
    /// The scheduled keys already claimed for this case (`reminder:week-2`, `escalation:decision:2026-06-16`).
    public var sentKeys: Set<String>
    /// Whether the parent can be written to (an address, not suppressed for good).
    public var parentReachable = false
    /// When the last mail to the parent of any kind was queued (acknowledgement, answer, update, ...).
    public var lastParentMail: Date?
    /// When the judgement letter was queued.
    public var judgementAt: Date?
    /// The satisfaction check, once the question was asked.
    public var satisfaction: SatisfactionCheck?
    /// Under the meldcode: the safeguarding officer has put something on the case (a reply, a command).
    public var safeguardingActedOn = false
    /// When a later message put an open case under the meldcode; nil when it was restricted from the start.
    public var safeguardingSince: Date?
    /// Suspended: the day the handler looks at the case again.
    public var reviewDue: LocalDate?
    /// Management appoints the handler (serious, or about the location's own handler): it is
    /// reminded every working day until the case has one.
    public var managementAssigns = false
    /// A judgement waits for the second reader (`review_judgements`): the handler wrote it, so
    /// the decision reminders go to the quality staff, whose `#akkoord` sends it.
    public var judgementInReview = false

    /// Creates the facts of one case.
    public init(id: Int64, reference: CaseReference, state: CaseState, kind: MessageKind, regime: Regime, receivedAt: Date,
                location: String? = nil, handler: String? = nil, english: Bool = false,
                acknowledgementDue: LocalDate? = nil, firstContactDue: LocalDate? = nil, decisionDue: LocalDate? = nil,
                measuresDue: LocalDate? = nil, acknowledged: Bool = false, parentContacted: Bool = false,
                sentKeys: Set<String> = []) {
        self.id = id
        self.reference = reference
        self.state = state
        self.kind = kind
        self.regime = regime
        self.receivedAt = receivedAt
        self.location = location
        self.handler = handler
        self.english = english
        self.acknowledgementDue = acknowledgementDue
        self.firstContactDue = firstContactDue
        self.decisionDue = decisionDue
        self.measuresDue = measuresDue
        self.acknowledged = acknowledged
        self.parentContacted = parentContacted
        self.sentKeys = sentKeys
    }

    /// The facts `record` holds itself: who, where, its clocks, its review date and whether
    /// management assigns it. What the file shows was done is the caller's to give or set.
    public init(case record: Case, english: Bool, acknowledged: Bool, parentContacted: Bool, sentKeys: Set<String>) {
        self.init(id: record.id, reference: record.reference, state: record.state, kind: record.kind, regime: record.regime,
                  receivedAt: record.receivedAt, location: record.location, handler: record.handler, english: english,
                  acknowledgementDue: record.acknowledgementDue, firstContactDue: record.firstContactDue,
                  decisionDue: record.decisionDue, measuresDue: record.measuresDue, acknowledged: acknowledged,
                  parentContacted: parentContacted, sentKeys: sentKeys)
        reviewDue = record.reviewDue
        managementAssigns = record.flags.contains(.managementAssigns)
    }

    /// Whether the statutory ladder (reminders and escalations) runs for this case at all.
    ///
    /// Only an open complaint outside the meldcode, not suspended and not with an outside body.
    var runsClock: Bool {
        guard kind.startsStatutoryClock else { return false }
        switch state {
        case .received, .acknowledged, .assigned, .judgementSent, .measuresPending: return true
        default: return false
        }
    }
}
