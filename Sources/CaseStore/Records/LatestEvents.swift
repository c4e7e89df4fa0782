import Foundation

extension CaseStore {
    /// Per case, when it last had an event with this action by this actor.
    public func latestEvents(action: String, actor: String, in scope: CaseScope = .all) throws -> [Int64: Date] {
        var latest: [Int64: Date] = [:]
        for row in try db.query("""
            SELECT case_id, MAX(at) AS at FROM events WHERE case_id IN (\(scope.sql)) AND action = ? AND actor = ? GROUP BY case_id
            """, scope.parameters + [.text(action), .text(actor)]) {
            if let id = row.int("case_id"), let at = Timestamp.date(row.string("at")) { latest[id] = at }
        }
        return latest
    }
}
