import ComplaintCore
import Foundation

/// One line of a case's history: who did what, when and why.
public struct CaseEvent: Sendable, Equatable {
    public var at: Date
    public var actor: String
    public var action: String
    public var fromState: String?
    public var toState: String?
    public var reason: String?
    public var rawMessageID: Int64?
}

/// A message on a case, in or out.
public struct CaseMessage: Sendable, Equatable {
    public var direction: MessageDirection
    public var role: MessageRole
    public var messageID: String?
    public var subject: String?
    public var text: String?
    public var verified: Bool
    public var at: Date
    public var rawMessageID: Int64?
    public var outboxID: Int64?

    public init(direction: MessageDirection, role: MessageRole, messageID: String?, subject: String?, text: String?, verified: Bool,
                at: Date, rawMessageID: Int64?, outboxID: Int64?) {
        self.direction = direction
        self.role = role
        self.messageID = messageID
        self.subject = subject
        self.text = text
        self.verified = verified
        self.at = at
        self.rawMessageID = rawMessageID
        self.outboxID = outboxID
    }
}

extension CaseStore {
    /// Appends to the event log; triggers refuse any update or delete of it.
    public func appendEvent(caseID: Int64?, actor: String, action: String, from: CaseState?, to: CaseState?,
                            reason: String?, rawMessageID: Int64?, now: Date) throws {
        try db.query("INSERT INTO events (case_id, at, actor, action, from_state, to_state, reason, raw_message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     [.optional(caseID), .text(Timestamp.string(now)), .text(actor), .text(action), .optional(from?.rawValue),
                      .optional(to?.rawValue), .optional(reason), .optional(rawMessageID)])
    }

    public func events(caseID: Int64) throws -> [CaseEvent] {
        try db.query("SELECT * FROM events WHERE case_id = ? ORDER BY id", [.integer(caseID)]).map { row in
            CaseEvent(at: Timestamp.date(row.string("at")) ?? .distantPast, actor: row.string("actor") ?? "",
                      action: row.string("action") ?? "", fromState: row.string("from_state"), toState: row.string("to_state"),
                      reason: row.string("reason"), rawMessageID: row.int("raw_message_id"))
        }
    }

    public func addCaseMessage(caseID: Int64, _ message: CaseMessage) throws {
        try db.query("""
            INSERT INTO case_messages (case_id, direction, role, raw_message_id, outbox_id, message_id, subject, text, verified, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(caseID), .text(message.direction.rawValue), .text(message.role.rawValue), .optional(message.rawMessageID),
                  .optional(message.outboxID), .optional(message.messageID), .optional(message.subject), .optional(message.text),
                  .int(message.verified ? 1 : 0), .text(Timestamp.string(message.at))])
    }

    public func caseMessages(caseID: Int64) throws -> [CaseMessage] {
        try db.query("SELECT * FROM case_messages WHERE case_id = ? ORDER BY id", [.integer(caseID)]).map { row in
            CaseMessage(direction: row.string("direction").flatMap(MessageDirection.init(rawValue:)) ?? .incoming,
                        role: row.string("role").flatMap(MessageRole.init(rawValue:)) ?? .other, messageID: row.string("message_id"),
                        subject: row.string("subject"), text: row.string("text"), verified: row.int("verified") != 0,
                        at: Timestamp.date(row.string("at")) ?? .distantPast, rawMessageID: row.int("raw_message_id"),
                        outboxID: row.int("outbox_id"))
        }
    }

    /// Records that a scheduled mail (reminder, escalation) went out; false when it already had.
    public func claimScheduled(caseID: Int64?, key: String, now: Date) throws -> Bool {
        try db.query("INSERT OR IGNORE INTO scheduled_sent (case_id, key, at) VALUES (?, ?, ?)",
                     [.integer(caseID ?? 0), .text(key), .text(Timestamp.string(now))])
        return db.changes == 1
    }

    /// The keys of the scheduled mails for no case that went out, of those starting with `prefix`.
    public func claimedScheduledKeys(withoutCase prefix: String) throws -> Set<String> {
        Set(try db.query("SELECT key FROM scheduled_sent WHERE case_id = 0 AND key LIKE ?", [.text(prefix + "%")]).compactMap { $0.string("key") })
    }
}
