import CaseStore
import ComplaintCore
import Foundation

/// What `klachtd status` shows and the metrics file counts: is klachtd alive, is anything stuck.
public struct ServiceStatus: Sendable {
    public var lastCycleAt: Date?
    public var lastPollOKAt: Date?
    public var lastPollError: String?
    public var lastPurgeAt: Date?
    /// Outgoing mails per state (queued, sending, sent, failed).
    public var outbox: [OutboxState: Int]
    /// Stored messages per status (pending, processed, duplicate, quarantined).
    public var rawMessages: [RawMessageStatus: Int]
    public var casesByState: [String: Int]
    public var openCases: Int
    /// Open complaints without a judgement whose decision date has passed.
    public var overdueDecisions: Int
    /// Cases whose measures' term has passed while they are still pending.
    public var overdueMeasures: Int
    /// Addresses our mail could not reach: failed outbox mails and addresses suppressed after a bounce.
    /// Personal data: shown by `klachtd status` to the operator, never logged or put in metrics.
    public var bouncingAddresses: [String]
    /// Since when sending fails for every mail (login, STARTTLS, outage), and the last error; nil when it works.
    public var smtpFailingSince: Date?
    public var smtpLastError: String?
    /// The cases with a letter held for a person to decide on (`HeldLetters.swift`), by reference; mail the
    /// limit on new addresses holds is released by itself and is not counted here.
    public var heldCases: [String] = []
    /// Open cases whose judgement waits for the second reader's `#akkoord` (`review_judgements`),
    /// by reference with the day it was written, the longest waiting first. Part of the
    /// procedure, not a fault: the decision-term reminders still run.
    public var judgementsInReview: [(reference: String, since: Date)] = []

    public static func read(_ store: CaseStore, today: LocalDate, now: Date) throws -> ServiceStatus {
        let byState = try store.caseCountsByState()
        let open = byState.filter { CaseState(rawValue: $0.key)?.isOpen ?? false }.values.reduce(0, +)
        var bouncing = try store.failedRecipients()
        for suppressed in try store.suppressedAddresses(now: now) { bouncing.insert(suppressed.address) }
        return ServiceStatus(
            lastCycleAt: Timestamp.date(try store.daemonState(.lastCycleAt)),
            lastPollOKAt: Timestamp.date(try store.daemonState(.lastPollOKAt)),
            lastPollError: try store.daemonState(.lastPollError),
            lastPurgeAt: Timestamp.date(try store.daemonState(.lastPurgeAt)),
            outbox: try store.outboxCounts(), rawMessages: try store.rawMessageCounts(), casesByState: byState,
            openCases: open, overdueDecisions: try store.overdueDecisionCount(today: today),
            overdueMeasures: try store.overdueMeasureCount(today: today),
            bouncingAddresses: bouncing.sorted(),
            smtpFailingSince: Timestamp.date(try store.daemonState(.smtpFailingSince)),
            smtpLastError: (try store.daemonState(.smtpLastError)).flatMap { $0.isEmpty ? nil : $0 },
            heldCases: try store.referencesWithHeldLetters(),
            judgementsInReview: try store.referencesWithPendingJudgement()
                .filter { CaseState(rawValue: $0.state)?.isOpen ?? false }.map { ($0.reference, $0.since) })
    }
}
