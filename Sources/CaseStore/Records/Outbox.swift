import ComplaintCore
import Foundation

/// A mail waiting to be sent, rendered in full at enqueue so a retry sends the same bytes.
public struct OutboxRecord: Sendable, Equatable {
    public var id: Int64
    public var caseID: Int64?
    public var kind: OutboxKind
    public var messageID: String
    public var mailFrom: String
    public var recipients: [String]
    public var subject: String
    public var bytes: [UInt8]
    public var state: OutboxState
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
}

/// Where an outgoing mail stands (`outbox.state`).
public enum OutboxState: String, Sendable, CaseIterable {
    /// Waiting for its next attempt.
    case queued
    /// Claimed by a sender; back to queued when that sender died.
    case sending
    case sent
    /// Refused for good by the mail server.
    case failed
    /// Kept out of the queue: for a person to decide on, or by the limit on new addresses.
    case held
    /// Sent, and then a bounce said it did not arrive.
    case bounced
    /// A held letter the handler said reached the person another way (`drop-held`).
    case dropped
    /// A held acknowledgement no longer needed (the case went to the safeguarding officer).
    case cancelled
}

/// A rendered mail to queue.
public struct OutgoingMail: Sendable {
    public var caseID: Int64?
    public var kind: OutboxKind
    public var messageID: String
    public var mailFrom: String
    public var recipients: [String]
    public var subject: String
    public var bytes: [UInt8]

    public init(caseID: Int64?, kind: OutboxKind, messageID: String, mailFrom: String, recipients: [String], subject: String, bytes: [UInt8]) {
        self.caseID = caseID
        self.kind = kind
        self.messageID = messageID
        self.mailFrom = mailFrom
        self.recipients = recipients
        self.subject = subject
        self.bytes = bytes
    }
}

extension CaseStore {
    /// Queues a mail in the caller's transaction; its Message-ID is fixed from here on.
    @discardableResult
    public func enqueue(_ mail: OutgoingMail, now: Date) throws -> Int64 {
        try db.query("""
            INSERT INTO outbox (case_id, kind, message_id, mail_from, recipients, subject, bytes, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.optional(mail.caseID), .text(mail.kind.rawValue), .text(mail.messageID), .text(mail.mailFrom),
                  .text(mail.recipients.joined(separator: "\n")), .text(mail.subject), .blob(mail.bytes),
                  .text(Timestamp.string(now)), .text(Timestamp.string(now))])
        return db.lastInsertRowID
    }

    /// When the earliest queued mail is due (now or later); nil when nothing is queued.
    public func nextOutboxAttempt() throws -> Date? {
        Timestamp.date(try db.queryOne("SELECT MIN(next_attempt_at) AS due FROM outbox WHERE state = 'queued'")?.string("due"))
    }

    /// Queued mails whose time has come, oldest first.
    public func dueOutbox(now: Date, limit: Int = 100) throws -> [OutboxRecord] {
        try db.query("SELECT * FROM outbox WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
                     [.text(Timestamp.string(now)), .int(limit)]).map(Self.outboxRecord)
    }

    public func outbox(caseID: Int64?) throws -> [OutboxRecord] {
        if let caseID { return try db.query("SELECT * FROM outbox WHERE case_id = ? ORDER BY id", [.integer(caseID)]).map(Self.outboxRecord) }
        return try db.query("SELECT * FROM outbox ORDER BY id").map(Self.outboxRecord)
    }

    /// Marks a mail as being handed to SMTP; committed before the transaction starts, so a
    /// crash mid-send leaves a 'sending' row that the next start re-queues (README: at-least-once).
    /// Claims a queued mail for sending; false when another process claimed it first.
    public func markSending(id: Int64, now: Date) throws -> Bool {
        try db.query("UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_at = ? WHERE id = ? AND state = 'queued'",
                     [.text(Timestamp.string(now)), .integer(id)])
        return db.changes == 1
    }

    public func markSent(id: Int64, now: Date) throws {
        try db.query("UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?", [.text(Timestamp.string(now)), .integer(id)])
    }

    /// Back to the queue; `uncounted` gives back the attempt when the server, not the mail, was the trouble.
    public func markRetry(id: Int64, error: String, next: Date, uncounted: Bool = false) throws {
        try db.query("""
            UPDATE outbox SET state = 'queued', last_error = ?, next_attempt_at = ?,
            attempts = CASE WHEN ? THEN MAX(attempts - 1, 0) ELSE attempts END WHERE id = ?
            """, [.text(error), .text(Timestamp.string(next)), .int(uncounted ? 1 : 0), .integer(id)])
    }

    /// Replaces a mail's bytes (a shrunk copy for a server that refused its size); its Message-ID stays.
    public func replaceOutboxBytes(id: Int64, bytes: [UInt8]) throws {
        try db.query("UPDATE outbox SET bytes = ? WHERE id = ?", [.blob(bytes), .integer(id)])
    }

    public func markFailed(id: Int64, error: String) throws {
        try db.query("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?", [.text(error), .integer(id)])
    }

    /// After a crash: mails left in 'sending' may or may not have reached the server; send them again.
    /// Puts mails left in `sending` back in the queue: all of them (`claimedBefore` nil) when no
    /// other process can be sending, else only those claimed before that moment.
    public func requeueInterruptedSends(claimedBefore: Date? = nil) throws -> Int {
        if let claimedBefore {
            try db.query("UPDATE outbox SET state = 'queued' WHERE state = 'sending' AND (claimed_at IS NULL OR claimed_at < ?)",
                         [.text(Timestamp.string(claimedBefore))])
        } else {
            try db.query("UPDATE outbox SET state = 'queued' WHERE state = 'sending'")
        }
        return db.changes
    }

    public func outboxCounts() throws -> [OutboxState: Int] {
        var counts: [OutboxState: Int] = [:]
        for row in try db.query("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state") {
            if let state = row.string("state").flatMap(OutboxState.init(rawValue:)) { counts[state] = Int(row.int("n") ?? 0) }
        }
        return counts
    }

    static func outboxRecord(_ row: Row) -> OutboxRecord {
        OutboxRecord(id: row.int("id") ?? 0, caseID: row.int("case_id"), kind: OutboxKind(rawValue: row.string("kind") ?? ""),
                     messageID: row.string("message_id") ?? "", mailFrom: row.string("mail_from") ?? "",
                     recipients: (row.string("recipients") ?? "").split(separator: "\n").map(String.init),
                     subject: row.string("subject") ?? "", bytes: row.bytes("bytes") ?? [], state: row.string("state").flatMap(OutboxState.init(rawValue:)) ?? .queued,
                     attempts: Int(row.int("attempts") ?? 0), nextAttemptAt: Timestamp.date(row.string("next_attempt_at")) ?? .distantPast,
                     lastError: row.string("last_error"), createdAt: Timestamp.date(row.string("created_at")) ?? .distantPast,
                     sentAt: Timestamp.date(row.string("sent_at")))
    }
}
