import Foundation

/// What the scheduler reads in bulk once a minute: keys already claimed, mails queued, messages received.
extension CaseStore {
    /// Every claimed scheduled key, per case id (0 holds the mails about no case, such as the digest).
    public func scheduledKeys() throws -> [Int64: Set<String>] {
        var keys: [Int64: Set<String>] = [:]
        for row in try db.query("SELECT case_id, key FROM scheduled_sent") {
            guard let caseID = row.int("case_id"), let key = row.string("key") else { continue }
            keys[caseID, default: []].insert(key)
        }
        return keys
    }

    /// Per case, the kinds (template names) of the mails queued for it, sent or not.
    public func outboxKindsByCase() throws -> [Int64: Set<String>] {
        var kinds: [Int64: Set<String>] = [:]
        for row in try db.query("SELECT DISTINCT case_id, kind FROM outbox WHERE case_id IS NOT NULL AND state != 'failed'") {
            guard let caseID = row.int("case_id"), let kind = row.string("kind") else { continue }
            kinds[caseID, default: []].insert(kind)
        }
        return kinds
    }

    /// The cases that have an incoming message from someone in `role` (e.g. "handler").
    public func caseIDsWithIncoming(role: String) throws -> Set<Int64> {
        Set(try db.query("SELECT DISTINCT case_id FROM case_messages WHERE direction = 'in' AND role = ?", [.text(role)])
            .compactMap { $0.int("case_id") })
    }
}
