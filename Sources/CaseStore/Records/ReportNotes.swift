import Foundation

/// The anonymous notes a case carries into the annual report (`case_report_notes`).
///
/// The `#jaarverslag <text>` command (issue 6) writes `annualSummary`; `#maatregel` may write
/// `measures`. These survive a retention purge, so they must not name anyone.
public enum ReportNoteField: String, Sendable {
    case annualSummary = "annual_summary"
    case measures
    case disputeOutcome = "dispute_outcome"
    case referralDate = "referral_date"
    case disputeDate = "dispute_date"
    case rulingDate = "ruling_date"
    /// `after-procedure`, `direct` (never through the internal procedure) or `oudercommissie`.
    case disputeOrigin = "dispute_origin"
}

extension CaseStore {
    /// Sets one report note of a case and records it in the event log (the text stays out of the log).
    public func setReportNote(caseID: Int64, _ field: ReportNoteField, _ text: String?, actor: String, now: Date) throws {
        let stamp = Timestamp.string(now)
        try db.query("INSERT INTO case_report_notes (case_id, updated_at) VALUES (?, ?) ON CONFLICT(case_id) DO NOTHING",
                     [.integer(caseID), .text(stamp)])
        try db.query("UPDATE case_report_notes SET \(field.rawValue) = ?, updated_at = ? WHERE case_id = ?",
                     [.optional(text), .text(stamp), .integer(caseID)])
        try appendEvent(caseID: caseID, actor: actor, action: "set report \(field.rawValue)", from: nil, to: nil,
                        reason: nil, rawMessageID: nil, now: now)
    }

    /// One report note of a case, if set.
    public func reportNote(caseID: Int64, _ field: ReportNoteField) throws -> String? {
        try db.queryOne("SELECT \(field.rawValue) AS value FROM case_report_notes WHERE case_id = ?", [.integer(caseID)])?.string("value")
    }
}
