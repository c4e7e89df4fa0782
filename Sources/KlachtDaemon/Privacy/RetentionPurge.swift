import CaseStore
import ComplaintCore
import Foundation
import KlachtConfig

/// What a purge did (or, in a dry run, would do).
public struct PurgeResult: Sendable, Equatable {
    public var cases: [PurgeCandidate]
    /// Raw messages on no case (quarantined, ignored) whose bytes were old enough to delete.
    public var looseRawMessages: Int
    /// Closed cases past the term that a hold keeps (flag `hold`, or the meldcode).
    public var held: Int
}

/// Deletes personal data the retention policy no longer allows, keeping the anonymous facts.
///
/// Deleted: the complainant's name, address and Message-ID, the handler, the subject, every
/// case message and form field, raw message bytes, and the sent mails' bytes, recipients and
/// subjects; the events' actor and reason are redacted through the path the schema allows.
/// Kept: dates, state, kind, regime, location, category, outcome, terms, flags, measures
/// and the `#jaarverslag` summary, so a report for an old year comes out the same.
public struct RetentionPurge {
    let store: CaseStore
    let settings: RetentionSettings

    public init(store: CaseStore, settings: RetentionSettings) {
        self.store = store
        self.settings = settings
    }

    /// The closing moment before which a case's personal data goes.
    func cutoff(now: Date) -> Date {
        Calendar(identifier: .gregorian).date(byAdding: .month, value: -settings.months, to: now) ?? now
    }

    /// Closed cases past the term, not held, not yet purged, oldest first (at most `limit`),
    /// and how many a hold keeps.
    public func candidates(now: Date, limit: Int? = nil) throws -> (due: [PurgeCandidate], held: Int) {
        try store.purgeCandidates(closedBy: cutoff(now: now), limit: limit)
    }

    /// How many cases are due (for `klachtd status` and the metrics, after every cycle): counted, not read.
    public func dueCount(now: Date) throws -> Int {
        try store.purgeDueCount(closedBy: cutoff(now: now))
    }

    /// Purges what is due (nothing changes with `dryRun`); each case in its own transaction.
    public func run(now: Date, actor: String, dryRun: Bool) throws -> PurgeResult {
        let (due, held) = try candidates(now: now)
        let loose = try looseCount(now: now)
        guard !dryRun else { return PurgeResult(cases: due, looseRawMessages: loose, held: held) }
        for candidate in due {
            try store.transaction { try purge(candidate, now: now, actor: actor) }
        }
        try finish(cases: due.count, loose: loose, held: held, now: now, actor: actor)
        return PurgeResult(cases: due, looseRawMessages: loose, held: held)
    }

    /// One small batch for the daemon, between intake cycles: at most `limit` cases, and no
    /// more once `budget` seconds have passed, each case in its own short transaction. Returns
    /// the cases purged and whether the purge is complete (then the loose messages went too
    /// and the run is recorded); an incomplete purge continues at the next cycle.
    public func runBatch(now: Date, actor: String, limit: Int = 20, budget: TimeInterval = 0.25) throws -> (purged: Int, complete: Bool) {
        let started = Date()
        let due = try candidates(now: now, limit: limit + 1).due
        var purged = 0
        for candidate in due.prefix(limit) {
            if purged > 0, Date().timeIntervalSince(started) > budget { return (purged, false) }
            try store.transaction { try purge(candidate, now: now, actor: actor) }
            purged += 1
        }
        guard due.count <= limit else { return (purged, false) }
        let held = try candidates(now: now, limit: 0).held
        try finish(cases: nil, loose: try looseCount(now: now), held: held, now: now, actor: actor)
        return (purged, true)
    }

    /// Raw messages on no case whose bytes are old enough to delete.
    private func looseCount(now: Date) throws -> Int {
        try store.looseRawMessageCount(storedBy: cutoff(now: now))
    }

    /// The loose messages' bytes, the run's event and its date (`cases` nil: counted per batch by each case's own event).
    private func finish(cases: Int?, loose: Int, held: Int, now: Date, actor: String) throws {
        try store.transaction {
            try store.purgeLooseRawMessages(storedBy: cutoff(now: now))
            let counted = cases.map { "\($0) case(s) and " } ?? ""
            try store.appendEvent(caseID: nil, actor: actor, action: "retention purge", from: nil, to: nil,
                                  reason: "\(counted)\(loose) loose message(s) purged, \(held) held; term \(settings.months) months",
                                  rawMessageID: nil, now: now)
            try store.setDaemonState(.lastPurgeAt, Timestamp.string(now), now: now)
        }
    }

    private func purge(_ candidate: PurgeCandidate, now: Date, actor: String) throws {
        try store.purgePersonalData(caseID: candidate.caseID, now: now)
        try store.appendEvent(caseID: candidate.caseID, actor: actor, action: "retention purge", from: nil, to: nil,
                              reason: "personal data deleted \(settings.months) months after closing", rawMessageID: nil, now: now)
    }
}
