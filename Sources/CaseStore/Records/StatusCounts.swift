import ComplaintCore
import Foundation

/// The counts `klachtd status` and the metrics file show, read in one place.
extension CaseStore {
    /// Cases per state.
    public func caseCountsByState() throws -> [String: Int] {
        var byState: [String: Int] = [:]
        for row in try db.query("SELECT state, COUNT(*) AS n FROM cases GROUP BY state") {
            if let state = row.string("state") { byState[state] = Int(row.int("n") ?? 0) }
        }
        return byState
    }

    /// Open complaints without a judgement whose decision date is before `today`.
    public func overdueDecisionCount(today: LocalDate) throws -> Int {
        Int(try db.queryOne("""
            SELECT COUNT(*) AS n FROM cases WHERE state IN ('received', 'acknowledged', 'assigned')
            AND decision_due IS NOT NULL AND decision_due < ?
            """, [.text(today.iso)])?.int("n") ?? 0)
    }

    /// Cases still waiting for their measures whose term is before `today`.
    public func overdueMeasureCount(today: LocalDate) throws -> Int {
        Int(try db.queryOne("""
            SELECT COUNT(*) AS n FROM cases WHERE state = 'measures_pending' AND measures_due IS NOT NULL AND measures_due < ?
            """, [.text(today.iso)])?.int("n") ?? 0)
    }

    /// Every recipient of an outgoing mail that failed for good (personal data: for the operator only).
    public func failedRecipients() throws -> Set<String> {
        var addresses = Set<String>()
        for row in try db.query("SELECT recipients FROM outbox WHERE state = 'failed'") {
            for address in (row.string("recipients") ?? "").split(separator: "\n") { addresses.insert(String(address)) }
        }
        return addresses
    }

    /// The references of cases with a letter held for a person to decide on, in order; mail the
    /// limit on new addresses holds is released by itself and is left out.
    public func referencesWithHeldLetters() throws -> [String] {
        try db.query("""
            SELECT DISTINCT c.reference FROM outbox o JOIN cases c ON c.id = o.case_id WHERE o.state = 'held'
            AND o.id NOT IN (SELECT outbox_id FROM first_contact_mail WHERE released_at IS NULL) ORDER BY c.reference
            """).compactMap { $0.string("reference") }
    }
}
