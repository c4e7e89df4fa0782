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

    /// Closed cases past the term, not held, not yet purged.
    public func candidates(now: Date) throws -> (due: [PurgeCandidate], held: Int) {
        let rows = try store.db.query("""
            SELECT c.id, c.reference, c.closed_at, c.flags,
                   EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.to_state = 'safeguarding') AS meldcode
            FROM cases c
            WHERE c.state IN ('closed', 'withdrawn', 'not_a_complaint') AND c.purged_at IS NULL
              AND c.closed_at IS NOT NULL AND c.closed_at <= ?
            ORDER BY c.closed_at, c.id
            """, [.text(Timestamp.string(cutoff(now: now)))])
        var due: [PurgeCandidate] = []
        var held = 0
        for row in rows {
            let flags = (row.string("flags") ?? "").split(separator: ",").map(String.init)
            if flags.contains("hold") || flags.contains("safeguarding") || row.int("meldcode") == 1 {
                held += 1
                continue
            }
            guard let id = row.int("id"), let closed = Timestamp.date(row.string("closed_at")) else { continue }
            due.append(PurgeCandidate(caseID: id, reference: row.string("reference") ?? "", closedAt: closed))
        }
        return (due, held)
    }

    /// Purges what is due (nothing changes with `dryRun`); each case in its own transaction.
    public func run(now: Date, actor: String, dryRun: Bool) throws -> PurgeResult {
        let (due, held) = try candidates(now: now)
        let stamp = Timestamp.string(cutoff(now: now))
        let loose = try store.db.queryOne("""
            SELECT COUNT(*) AS n FROM raw_messages WHERE case_id IS NULL AND bytes IS NOT NULL AND stored_at <= ?
            """, [.text(stamp)])?.int("n") ?? 0
        guard !dryRun else { return PurgeResult(cases: due, looseRawMessages: Int(loose), held: held) }
        for candidate in due {
            try store.transaction { try purge(candidate, now: now, actor: actor) }
        }
        try store.transaction {
            try store.db.query("""
                UPDATE raw_messages SET bytes = NULL, message_id = NULL WHERE case_id IS NULL AND bytes IS NOT NULL AND stored_at <= ?
                """, [.text(stamp)])
            try store.appendEvent(caseID: nil, actor: actor, action: "retention purge", from: nil, to: nil,
                                  reason: "\(due.count) case(s) and \(loose) loose message(s) purged, \(held) held; term \(settings.months) months",
                                  rawMessageID: nil, now: now)
            try store.setDaemonState(.lastPurgeAt, Timestamp.string(now), now: now)
        }
        return PurgeResult(cases: due, looseRawMessages: Int(loose), held: held)
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
        try db.query("UPDATE satisfaction SET text = NULL WHERE case_id = ?", [id])
        try db.query("UPDATE raw_messages SET bytes = NULL, message_id = NULL WHERE case_id = ?", [id])
        try db.query("UPDATE outbox SET bytes = x'', recipients = '', subject = '', mail_from = '', last_error = NULL WHERE case_id = ?", [id])
        try db.query("UPDATE first_contact_mail SET address = '' WHERE outbox_id IN (SELECT id FROM outbox WHERE case_id = ?)", [id])
        try db.query("""
            UPDATE events SET actor = CASE WHEN actor = 'klachtd' THEN actor ELSE '[verwijderd]' END, reason = NULL WHERE case_id = ?
            """, [id])
        try store.appendEvent(caseID: candidate.caseID, actor: actor, action: "retention purge", from: nil, to: nil,
                              reason: "personal data deleted \(settings.months) months after closing", rawMessageID: nil, now: now)
    }
}
