import CaseStore
import ComplaintCore
import Foundation
import KlachtConfig

/// A case whose personal data the retention policy says to delete now.
public struct PurgeCandidate: Sendable, Equatable {
    public var caseID: Int64
    public var reference: String
    public var closedAt: Date
}

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

    /// A case the purge must keep: flagged `hold`, or under the meldcode now or ever.
    static let heldTest = """
        (',' || c.flags || ',' LIKE '%,hold,%' OR ',' || c.flags || ',' LIKE '%,safeguarding,%'
         OR EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.to_state = 'safeguarding'))
        """

    /// Closed cases past the term, not purged yet: through the index of unpurged cases by
    /// closing date, so the cost follows the cases due, not the ten years kept.
    static let dueScope = """
        FROM cases c INDEXED BY cases_purge_due
        WHERE c.purged_at IS NULL AND c.closed_at IS NOT NULL AND c.closed_at <= ?
          AND c.state IN ('closed', 'withdrawn', 'not_a_complaint')
        """

    /// Closed cases past the term, not held, not yet purged, oldest first (at most `limit`),
    /// and how many a hold keeps.
    public func candidates(now: Date, limit: Int? = nil) throws -> (due: [PurgeCandidate], held: Int) {
        let cutoff = SQLValue.text(Timestamp.string(cutoff(now: now)))
        let rows = try store.db.query("""
            SELECT c.id, c.reference, c.closed_at \(Self.dueScope) AND NOT \(Self.heldTest)
            ORDER BY c.closed_at, c.id LIMIT ?
            """, [cutoff, .int(limit ?? -1)])
        let held = try store.db.queryOne("SELECT COUNT(*) AS n \(Self.dueScope) AND \(Self.heldTest)", [cutoff])?.int("n") ?? 0
        let due = rows.compactMap { row -> PurgeCandidate? in
            guard let id = row.int("id"), let closed = Timestamp.date(row.string("closed_at")) else { return nil }
            return PurgeCandidate(caseID: id, reference: row.string("reference") ?? "", closedAt: closed)
        }
        return (due, Int(held))
    }

    /// How many cases are due (for `klachtd status` and the metrics, after every cycle): counted, not read.
    public func dueCount(now: Date) throws -> Int {
        Int(try store.db.queryOne("SELECT COUNT(*) AS n \(Self.dueScope) AND NOT \(Self.heldTest)",
                                  [.text(Timestamp.string(cutoff(now: now)))])?.int("n") ?? 0)
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
        Int(try store.db.queryOne("""
            SELECT COUNT(*) AS n FROM raw_messages r INDEXED BY raw_messages_case
            WHERE r.case_id IS NULL AND r.stored_at <= ? AND EXISTS (SELECT 1 FROM raw_message_bytes b WHERE b.raw_message_id = r.id)
            """, [.text(Timestamp.string(cutoff(now: now)))])?.int("n") ?? 0)
    }

    /// The loose messages' bytes, the run's event and its date (`cases` nil: counted per batch by each case's own event).
    private func finish(cases: Int?, loose: Int, held: Int, now: Date, actor: String) throws {
        let stamp = SQLValue.text(Timestamp.string(cutoff(now: now)))
        try store.transaction {
            let loose = "SELECT id FROM raw_messages INDEXED BY raw_messages_case WHERE case_id IS NULL AND stored_at <= ?"
            try store.db.query("DELETE FROM raw_message_bytes WHERE raw_message_id IN (\(loose))", [stamp])
            try store.db.query("UPDATE raw_messages SET message_id = NULL WHERE id IN (\(loose) AND message_id IS NOT NULL)", [stamp])
            let counted = cases.map { "\($0) case(s) and " } ?? ""
            try store.appendEvent(caseID: nil, actor: actor, action: "retention purge", from: nil, to: nil,
                                  reason: "\(counted)\(loose) loose message(s) purged, \(held) held; term \(settings.months) months",
                                  rawMessageID: nil, now: now)
            try store.setDaemonState(.lastPurgeAt, Timestamp.string(now), now: now)
        }
    }

    private func purge(_ candidate: PurgeCandidate, now: Date, actor: String) throws {
        let db = store.db
        let id = SQLValue.integer(candidate.caseID)
        try db.query("""
            UPDATE cases SET complainant_name = NULL, complainant_address = NULL, complainant_message_id = NULL,
              handler = NULL, subject = NULL, purged_at = ?, updated_at = ? WHERE id = ?
            """, [.text(Timestamp.string(now)), .text(Timestamp.string(now)), id])
        try db.query("DELETE FROM case_messages WHERE case_id = ?", [id])
        try db.query("DELETE FROM form_fields WHERE case_id = ?", [id])
        // A judgement held for the second reader holds the reasons, which may name people.
        try db.query("UPDATE judgement_reviews SET judgement = NULL, remark = NULL WHERE case_id = ?", [id])
        try db.query("UPDATE satisfaction SET text = NULL WHERE case_id = ?", [id])
        try db.query("DELETE FROM raw_message_bytes WHERE raw_message_id IN (SELECT id FROM raw_messages WHERE case_id = ?)", [id])
        try db.query("UPDATE raw_messages SET message_id = NULL WHERE case_id = ?", [id])
        try db.query("UPDATE outbox SET bytes = x'', recipients = '', subject = '', mail_from = '', last_error = NULL WHERE case_id = ?", [id])
        try db.query("UPDATE first_contact_mail SET address = '' WHERE outbox_id IN (SELECT id FROM outbox WHERE case_id = ?)", [id])
        try db.query("""
            UPDATE events SET actor = CASE WHEN actor = 'klachtd' THEN actor ELSE '[verwijderd]' END, reason = NULL WHERE case_id = ?
            """, [id])
        try store.appendEvent(caseID: candidate.caseID, actor: actor, action: "retention purge", from: nil, to: nil,
                              reason: "personal data deleted \(settings.months) months after closing", rawMessageID: nil, now: now)
    }
}
