import Foundation

/// A case whose personal data the retention policy says to delete now.
public struct PurgeCandidate: Sendable, Equatable {
    public var caseID: Int64
    public var reference: String
    public var closedAt: Date
}

/// The retention purge's statements: which closed cases are due, and deleting a case's personal
/// data while its anonymous facts stay (`RetentionPurge` decides when, and records it).
extension CaseStore {
    /// A case the purge must keep: flagged `hold`, or under the meldcode now or ever.
    private static let heldTest = """
        (',' || c.flags || ',' LIKE '%,hold,%' OR ',' || c.flags || ',' LIKE '%,safeguarding,%'
         OR EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.to_state = 'safeguarding'))
        """

    /// Closed cases past the term, not purged yet: through the index of unpurged cases by
    /// closing date, so the cost follows the cases due, not the ten years kept.
    private static let dueScope = """
        FROM cases c INDEXED BY cases_purge_due
        WHERE c.purged_at IS NULL AND c.closed_at IS NOT NULL AND c.closed_at <= ?
          AND c.state IN ('closed', 'withdrawn', 'not_a_complaint')
        """

    /// Cases closed at or before `cutoff`, not held, not yet purged, oldest first (at most
    /// `limit`), and how many a hold keeps.
    public func purgeCandidates(closedBy cutoff: Date, limit: Int?) throws -> (due: [PurgeCandidate], held: Int) {
        let cutoff = SQLValue.text(Timestamp.string(cutoff))
        let rows = try db.query("""
            SELECT c.id, c.reference, c.closed_at \(Self.dueScope) AND NOT \(Self.heldTest)
            ORDER BY c.closed_at, c.id LIMIT ?
            """, [cutoff, .int(limit ?? -1)])
        let held = try db.queryOne("SELECT COUNT(*) AS n \(Self.dueScope) AND \(Self.heldTest)", [cutoff])?.int("n") ?? 0
        let due = rows.compactMap { row -> PurgeCandidate? in
            guard let id = row.int("id"), let closed = Timestamp.date(row.string("closed_at")) else { return nil }
            return PurgeCandidate(caseID: id, reference: row.string("reference") ?? "", closedAt: closed)
        }
        return (due, Int(held))
    }

    /// How many cases closed at or before `cutoff` are due: counted, not read.
    public func purgeDueCount(closedBy cutoff: Date) throws -> Int {
        Int(try db.queryOne("SELECT COUNT(*) AS n \(Self.dueScope) AND NOT \(Self.heldTest)",
                            [.text(Timestamp.string(cutoff))])?.int("n") ?? 0)
    }

    /// Raw messages on no case, stored at or before `cutoff`, whose bytes are still there.
    public func looseRawMessageCount(storedBy cutoff: Date) throws -> Int {
        Int(try db.queryOne("""
            SELECT COUNT(*) AS n FROM raw_messages r INDEXED BY raw_messages_case
            WHERE r.case_id IS NULL AND r.stored_at <= ? AND EXISTS (SELECT 1 FROM raw_message_bytes b WHERE b.raw_message_id = r.id)
            """, [.text(Timestamp.string(cutoff))])?.int("n") ?? 0)
    }

    /// Deletes the bytes and Message-IDs of raw messages on no case stored at or before `cutoff`.
    public func purgeLooseRawMessages(storedBy cutoff: Date) throws {
        let stamp = SQLValue.text(Timestamp.string(cutoff))
        let loose = "SELECT id FROM raw_messages INDEXED BY raw_messages_case WHERE case_id IS NULL AND stored_at <= ?"
        try db.query("DELETE FROM raw_message_bytes WHERE raw_message_id IN (\(loose))", [stamp])
        try db.query("UPDATE raw_messages SET message_id = NULL WHERE id IN (\(loose) AND message_id IS NOT NULL)", [stamp])
    }

    /// Deletes a case's personal data: the complainant, the handler, the subject, every case
    /// message and form field, raw bytes, the sent mails' bytes, recipients and subjects; the
    /// events' actor and reason are redacted through the path the schema allows.
    public func purgePersonalData(caseID: Int64, now: Date) throws {
        let id = SQLValue.integer(caseID)
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
    }
}
