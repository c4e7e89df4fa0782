import ComplaintCore
import Foundation

/// The cases a bulk read is limited to, as a subquery of case ids.
///
/// Ten years of a large chain hold 100,000 cases, of which a few thousand are open: the
/// scheduler's pass every minute must read those, not every case, message and mail kept.
public struct CaseScope: Sendable {
    /// `SELECT id FROM cases ...`, read through an index.
    let sql: String
    let parameters: [SQLValue]

    /// Every case (for tests and one-off tools).
    public static let all = CaseScope(sql: "SELECT id FROM cases", parameters: [])

    /// The open cases, and those received since `since` (the weekly digest lists recent arrivals).
    public static func openOrReceived(since: Date) -> CaseScope {
        CaseScope(sql: "SELECT id FROM cases WHERE \(CaseStore.openStateTest) OR received_at >= ?",
                  parameters: CaseStore.openStateValues + [.text(Timestamp.string(since))])
    }
}

/// What the scheduler reads in bulk once a minute: keys already claimed, mails queued, messages received.
extension CaseStore {
    /// `state IN (...)` over the open states, for the `cases_state` index.
    static let openStateTest = "state IN (" + CaseState.allCases.filter(\.isOpen).map { _ in "?" }.joined(separator: ", ") + ")"
    static let openStateValues = CaseState.allCases.filter(\.isOpen).map { SQLValue.text($0.rawValue) }

    /// The cases in `scope`, newest first.
    public func cases(in scope: CaseScope) throws -> [Case] {
        try db.query("SELECT * FROM cases WHERE id IN (\(scope.sql)) ORDER BY received_at DESC, id DESC", scope.parameters)
            .compactMap(Self.caseRecord)
    }

    /// Every claimed scheduled key of the cases in `scope`, per case id, and the keys of the
    /// mails about no case under 0 (the weekly digest).
    public func scheduledKeys(in scope: CaseScope = .all) throws -> [Int64: Set<String>] {
        var keys: [Int64: Set<String>] = [:]
        for row in try db.query("SELECT case_id, key FROM scheduled_sent WHERE case_id = 0 OR case_id IN (\(scope.sql))", scope.parameters) {
            guard let caseID = row.int("case_id"), let key = row.string("key") else { continue }
            keys[caseID, default: []].insert(key)
        }
        return keys
    }

    /// Per case in `scope`, the kinds (template names) of the mails queued for it, sent or not.
    public func outboxKindsByCase(in scope: CaseScope = .all) throws -> [Int64: Set<OutboxKind>] {
        var kinds: [Int64: Set<OutboxKind>] = [:]
        for row in try db.query("""
            SELECT DISTINCT case_id, kind FROM outbox INDEXED BY outbox_case_kind WHERE case_id IN (\(scope.sql)) AND state != 'failed'
            """, scope.parameters) {
            guard let caseID = row.int("case_id"), let kind = row.string("kind") else { continue }
            kinds[caseID, default: []].insert(OutboxKind(rawValue: kind))
        }
        return kinds
    }

    /// The cases in `scope` that have an incoming message from someone in `role` (e.g. "handler").
    public func caseIDsWithIncoming(role: MessageRole, in scope: CaseScope = .all) throws -> Set<Int64> {
        Set(try db.query("""
            SELECT DISTINCT case_id FROM case_messages WHERE case_id IN (\(scope.sql)) AND direction = 'in' AND role = ?
            """, scope.parameters + [.text(role.rawValue)]).compactMap { $0.int("case_id") })
    }

    /// The cases in `scope` with an event that meets `condition` (SQL on the events' columns).
    public func caseIDs(withEventWhere condition: String, in scope: CaseScope = .all) throws -> Set<Int64> {
        Set(try db.query("SELECT DISTINCT case_id FROM events WHERE case_id IN (\(scope.sql)) AND (\(condition))", scope.parameters)
            .compactMap { $0.int("case_id") })
    }
}
