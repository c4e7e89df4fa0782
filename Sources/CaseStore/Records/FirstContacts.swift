import ComplaintCore
import Foundation

/// A held automatic mail to a new address, oldest first when released.
public struct HeldMail: Sendable, Equatable {
    public var outboxID: Int64
    public var caseID: Int64?
    public var kind: OutboxKind
    public var address: String
    public var heldAt: Date
}

/// Issue 17: the organisation-wide limit on automatic mail to addresses klachtd never wrote to,
/// and the collecting of many follow-up notices into one.
extension CaseStore {
    /// True when klachtd already wrote to `address` (any mail that was not held back), so it is
    /// not a stranger whose address may have been forged in a From line or a form.
    /// `except` is the mail being decided on itself.
    public func wasMailedBefore(_ address: String, except outboxID: Int64) throws -> Bool {
        try db.queryOne("SELECT 1 AS one FROM outbox INDEXED BY outbox_recipients_unheld WHERE recipients = ? AND state != 'held' AND id != ? LIMIT 1",
                        [.text(address.lowercased()), .integer(outboxID)]) != nil
    }

    /// Records an automatic mail to a new address; `held` leaves it out of the count until released.
    public func recordFirstContact(outboxID: Int64, address: String, held: Bool, now: Date) throws {
        let at = SQLValue.text(Timestamp.string(now))
        try db.query("INSERT OR REPLACE INTO first_contact_mail (outbox_id, address, held_at, released_at) VALUES (?, ?, ?, ?)",
                     [.integer(outboxID), .text(address.lowercased()), held ? at : .null, held ? .null : at])
        if held {
            try db.query("UPDATE outbox SET state = 'held' WHERE id = ? AND state = 'queued'", [.integer(outboxID)])
        }
    }

    /// How many automatic mails to new addresses went to the queue since `since`.
    public func firstContactsReleased(since: Date) throws -> Int {
        Int(try db.queryOne("SELECT COUNT(*) AS n FROM first_contact_mail WHERE released_at > ?",
                            [.text(Timestamp.string(since))])?.int("n") ?? 0)
    }

    /// Mails the limit holds, oldest first.
    public func heldMails(limit: Int = 10_000) throws -> [HeldMail] {
        try db.query("""
            SELECT f.outbox_id, f.address, f.held_at, o.case_id, o.kind FROM first_contact_mail f
            JOIN outbox o ON o.id = f.outbox_id WHERE f.released_at IS NULL AND o.state = 'held' ORDER BY f.outbox_id LIMIT ?
            """, [.int(limit)]).map { row in
            HeldMail(outboxID: row.int("outbox_id") ?? 0, caseID: row.int("case_id"), kind: OutboxKind(rawValue: row.string("kind") ?? ""),
                     address: row.string("address") ?? "", heldAt: Timestamp.date(row.string("held_at")) ?? .distantPast)
        }
    }

    /// Cancels held mail whose case was closed, withdrawn or found not a complaint meanwhile: the
    /// quality staff stop a forged flood's acknowledgements by closing its cases. Returns the cancelled ones.
    public func cancelHeldOfClosedCases() throws -> [HeldMail] {
        let closed = try db.query("""
            SELECT f.outbox_id, f.address, f.held_at, o.case_id, o.kind FROM first_contact_mail f
            JOIN outbox o ON o.id = f.outbox_id JOIN cases c ON c.id = o.case_id
            WHERE o.state = 'held' AND c.state IN ('closed', 'withdrawn', 'not_a_complaint')
            """).map { row in
            HeldMail(outboxID: row.int("outbox_id") ?? 0, caseID: row.int("case_id"), kind: OutboxKind(rawValue: row.string("kind") ?? ""),
                     address: row.string("address") ?? "", heldAt: Timestamp.date(row.string("held_at")) ?? .distantPast)
        }
        for mail in closed {
            try db.query("UPDATE outbox SET state = 'cancelled' WHERE id = ? AND state = 'held'", [.integer(mail.outboxID)])
        }
        return closed
    }

    /// Puts a held mail in the queue, to be sent now, with its bytes as `rewrite` makes them (a
    /// fresh Date line); false when it was not held (any more).
    public func releaseHeld(outboxID: Int64, now: Date, rewrite: ([UInt8]) -> [UInt8]) throws -> Bool {
        let at = SQLValue.text(Timestamp.string(now))
        guard let bytes = try db.queryOne("SELECT bytes FROM outbox WHERE id = ? AND state = 'held'", [.integer(outboxID)])?.bytes("bytes") else {
            return false
        }
        try db.query("UPDATE outbox SET state = 'queued', next_attempt_at = ?, bytes = ? WHERE id = ? AND state = 'held'",
                     [at, .blob(rewrite(bytes)), .integer(outboxID)])
        guard db.changes == 1 else { return false }
        try db.query("UPDATE first_contact_mail SET released_at = ? WHERE outbox_id = ?", [at, .integer(outboxID)])
        return true
    }

    /// The newest mail of `kind` on a case: its outbox id and when it was queued.
    public func latestCaseMail(caseID: Int64, kind: OutboxKind) throws -> (id: Int64, createdAt: Date)? {
        guard let row = try db.queryOne("SELECT id, created_at FROM outbox WHERE case_id = ? AND kind = ? ORDER BY id DESC LIMIT 1",
                                        [.integer(caseID), .text(kind.rawValue)]), let id = row.int("id") else { return nil }
        return (id, Timestamp.date(row.string("created_at")) ?? .distantPast)
    }

    /// The texts of the messages recorded on a case with `role` after the outgoing mail `outboxID` was, oldest first.
    public func incomingTexts(caseID: Int64, role: MessageRole, afterOutboxID outboxID: Int64) throws -> [(at: Date, text: String)] {
        try db.query("""
            SELECT at, text FROM case_messages WHERE case_id = ? AND direction = 'in' AND role = ?
            AND id > COALESCE((SELECT MAX(id) FROM case_messages WHERE outbox_id = ?), 0) ORDER BY id
            """, [.integer(caseID), .text(role.rawValue), .integer(outboxID)]).map {
            (Timestamp.date($0.string("at")) ?? .distantPast, $0.string("text") ?? "")
        }
    }

    /// Takes back the mails of `kind` on a case that wait to be sent after `now` and nobody has
    /// claimed (a collecting notice about to be replaced by a fuller one); returns how many.
    @discardableResult
    public func withdrawWaiting(caseID: Int64, kind: OutboxKind, now: Date) throws -> Int {
        let waiting = """
            SELECT id FROM outbox WHERE case_id = ? AND kind = ? AND state = 'queued' AND next_attempt_at > ?
            """
        let arguments: [SQLValue] = [.integer(caseID), .text(kind.rawValue), .text(Timestamp.string(now))]
        try db.query("DELETE FROM case_messages WHERE outbox_id IN (\(waiting))", arguments)
        try db.query("DELETE FROM outbox WHERE id IN (\(waiting))", arguments)
        return db.changes
    }

    /// Lets a queued mail wait until `until`.
    public func deferQueued(outboxID: Int64, until: Date) throws {
        try db.query("UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND state = 'queued'",
                     [.text(Timestamp.string(until)), .integer(outboxID)])
    }

    /// Whether a mail of `kind` to `recipients` was queued since `since`: the once-per-window notices.
    /// (By recipients first: that reads the `outbox_recipients` index, not the whole outbox.)
    public func mailQueued(kind: OutboxKind, to recipients: [String], since: Date) throws -> Bool {
        try db.queryOne("SELECT 1 AS one FROM outbox WHERE recipients = ? AND created_at > ? AND kind = ? LIMIT 1",
                        [.text(recipients.joined(separator: "\n")), .text(Timestamp.string(since)), .text(kind.rawValue)]) != nil
    }

    /// Messages klachtd decided to answer nobody, newest first (`klachtd quarantine`, `status`, the digest).
    public func ignoredMessages(since: Date, limit: Int = 1_000) throws -> [RawMessageRecord] {
        try db.query("\(Self.rawWithBytes) WHERE r.status = 'ignored' AND r.received_at >= ? ORDER BY r.id DESC LIMIT ?",
                     [.text(Timestamp.string(since)), .int(limit)]).map(Self.rawRecord)
    }

    /// How many messages were ignored in `[from, to)`.
    public func ignoredCount(from: Date, to: Date) throws -> Int {
        Int(try db.queryOne("SELECT COUNT(*) AS n FROM raw_messages WHERE status = 'ignored' AND received_at >= ? AND received_at < ?",
                            [.text(Timestamp.string(from)), .text(Timestamp.string(to))])?.int("n") ?? 0)
    }
}
