import ComplaintCore
import Foundation

/// Outlook conversation roots per case (`thread_roots`), see `Migrations.schemaVersion9`.
extension CaseStore {
    /// Ties `root` to the case; a root already tied to a case stays with that case.
    public func recordThreadRoot(_ root: String, caseID: Int64, now: Date) throws {
        try db.query("INSERT OR IGNORE INTO thread_roots (root, case_id, created_at) VALUES (?, ?, ?)",
                     [.text(root), .integer(caseID), .text(Timestamp.string(now))])
    }

    /// The case whose conversation `root` is.
    public func caseForThreadRoot(_ root: String) throws -> Case? {
        guard let caseID = try db.queryOne("SELECT case_id FROM thread_roots WHERE root = ?", [.text(root)])?.int("case_id") else {
            return nil
        }
        return try caseRecord(id: caseID)
    }

    /// The root the case's own mails continue: the first one tied to it.
    public func threadRoot(caseID: Int64) throws -> String? {
        try db.queryOne("SELECT root FROM thread_roots WHERE case_id = ? ORDER BY rowid LIMIT 1", [.integer(caseID)])?.string("root")
    }
}
