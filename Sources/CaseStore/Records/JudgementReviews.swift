import Foundation

/// A judgement held for the second reader (`[procedure] review_judgements`).
public struct JudgementReviewRecord: Sendable, Equatable {
    public var id: Int64
    public var caseID: Int64
    /// The judgement as JSON (outcome, reasons, measures), as `HeldJudgement` writes it.
    public var judgement: String
    /// Who gave the `#oordeel`, and in which role.
    public var actor: String
    public var role: String
    public var createdAt: Date
}

/// Where a held judgement stands (`judgement_reviews.state`).
public enum JudgementReviewState: String, Sendable {
    /// Waiting for the second reader.
    case pending
    /// A newer `#oordeel` on the case took its place.
    case replaced
    /// `#akkoord`: the letter went to the parent.
    case approved
    /// `#terug`: back to the handler, with the reader's remark.
    case returned
    /// `#akkoord` came when the case could no longer take the judgement (withdrawn, closed).
    case notSent = "not-sent"
}

extension CaseStore {
    /// Holds a judgement for review; an earlier one still waiting on the case is replaced by it.
    @discardableResult
    public func holdJudgement(caseID: Int64, judgement: String, actor: String, role: String, now: Date) throws -> Int64 {
        let stamp = Timestamp.string(now)
        try db.query("UPDATE judgement_reviews SET state = 'replaced', decided_at = ? WHERE case_id = ? AND state = 'pending'",
                     [.text(stamp), .integer(caseID)])
        try db.query("INSERT INTO judgement_reviews (case_id, judgement, actor, role, created_at) VALUES (?, ?, ?, ?, ?)",
                     [.integer(caseID), .text(judgement), .text(actor), .text(role), .text(stamp)])
        return db.lastInsertRowID
    }

    /// The cases with a judgement waiting for review: the scheduler reminds the quality staff, not the handler.
    public func caseIDsWithPendingJudgement() throws -> Set<Int64> {
        Set(try db.query("SELECT DISTINCT case_id FROM judgement_reviews WHERE state = 'pending' AND judgement IS NOT NULL", [])
            .compactMap { $0.int("case_id") })
    }

    /// The references of the cases whose judgement waits for review, with the case's state
    /// (a case withdrawn meanwhile keeps its pending row), the longest waiting first: for
    /// `klachtd status`.
    public func referencesWithPendingJudgement() throws -> [(reference: String, state: String, since: Date)] {
        try db.query("""
            SELECT c.reference, c.state, MIN(r.created_at) AS since FROM judgement_reviews r JOIN cases c ON c.id = r.case_id
            WHERE r.state = 'pending' AND r.judgement IS NOT NULL GROUP BY c.id ORDER BY since, c.id
            """, []).compactMap { row in
            guard let reference = row.string("reference"), let state = row.string("state"),
                  let since = Timestamp.date(row.string("since")) else { return nil }
            return (reference, state, since)
        }
    }

    /// The judgement waiting for review on a case, if any.
    public func pendingJudgement(caseID: Int64) throws -> JudgementReviewRecord? {
        guard let row = try db.queryOne("""
            SELECT id, judgement, actor, role, created_at FROM judgement_reviews
            WHERE case_id = ? AND state = 'pending' AND judgement IS NOT NULL ORDER BY id DESC LIMIT 1
            """, [.integer(caseID)]),
            let id = row.int("id"), let judgement = row.string("judgement") else { return nil }
        return JudgementReviewRecord(id: id, caseID: caseID, judgement: judgement, actor: row.string("actor") ?? "",
                                     role: row.string("role") ?? "", createdAt: Timestamp.date(row.string("created_at")) ?? Date())
    }

    /// Settles a held judgement: `approved` (it is sent now), `returned` (with the remark for the
    /// handler) or `notSent` (with the reason).
    public func decideJudgement(id: Int64, state: JudgementReviewState, by actor: String, remark: String?, now: Date) throws {
        try db.query("UPDATE judgement_reviews SET state = ?, decided_by = ?, decided_at = ?, remark = ? WHERE id = ? AND state = 'pending'",
                     [.text(state.rawValue), .text(actor), .text(Timestamp.string(now)), .optional(remark), .integer(id)])
    }
}
