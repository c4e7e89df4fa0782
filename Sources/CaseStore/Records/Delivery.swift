import ComplaintCore
import Foundation

/// What bounces and floods leave behind: suppressed addresses, bounced mails, reply counts.
extension CaseStore {
    /// The outbox mail a delivery report is about.
    public func outboxMail(messageID: String) throws -> OutboxRecord? {
        try db.queryOne("SELECT * FROM outbox WHERE message_id = ?", [.text(messageID)]).map(Self.outboxRecord)
    }

    /// Marks a sent mail as undeliverable, with the server's diagnostic.
    public func markBounced(id: Int64, diagnostic: String) throws {
        try db.query("UPDATE outbox SET state = 'bounced', last_error = ? WHERE id = ?", [.text(diagnostic), .integer(id)])
    }

    /// Keeps a rendered mail out of the queue (state `held`): a letter the procedure requires that may not go
    /// out now; it waits for a person (`klachtd case REF send-held` or `drop-held`).
    public func markHeld(id: Int64, reason: String) throws {
        try db.query("UPDATE outbox SET state = 'held', last_error = ? WHERE id = ?", [.text(reason), .integer(id)])
    }

    /// Puts a case's held mails in the queue, due now; returns them.
    public func releaseHeld(caseID: Int64, now: Date) throws -> [OutboxRecord] {
        let held = try db.query("SELECT * FROM outbox WHERE case_id = ? AND state = 'held' ORDER BY id", [.integer(caseID)])
            .map(Self.outboxRecord)
        try db.query("UPDATE outbox SET state = 'queued', next_attempt_at = ? WHERE case_id = ? AND state = 'held'",
                     [.text(Timestamp.string(now)), .integer(caseID)])
        return held
    }

    /// Marks a case's held mails as not to be sent (they reached the person another way); returns them.
    public func dropHeld(caseID: Int64, reason: String) throws -> [OutboxRecord] {
        let held = try db.query("SELECT * FROM outbox WHERE case_id = ? AND state = 'held' ORDER BY id", [.integer(caseID)])
            .map(Self.outboxRecord)
        try db.query("UPDATE outbox SET state = 'dropped', last_error = ? WHERE case_id = ? AND state = 'held'",
                     [.text(reason), .integer(caseID)])
        return held
    }

    /// The id of the newest outbox row (0 when empty): what a command added is everything after it.
    public func lastOutboxID() throws -> Int64 {
        try db.queryOne("SELECT MAX(id) AS id FROM outbox")?.int("id") ?? 0
    }

    /// Outbox rows of a case added after `id`, oldest first.
    public func outbox(caseID: Int64, after id: Int64) throws -> [OutboxRecord] {
        try db.query("SELECT * FROM outbox WHERE case_id = ? AND id > ? ORDER BY id", [.integer(caseID), .integer(id)])
            .map(Self.outboxRecord)
    }

    /// Sends no automatic mail to `address` until `until`.
    public func suppress(address: String, until: Date, reason: String, now: Date) throws {
        try db.query("""
            INSERT INTO suppressed_addresses (address, until, reason, since) VALUES (?, ?, ?, ?)
            ON CONFLICT(address) DO UPDATE SET until = excluded.until, reason = excluded.reason
            """, [.text(address.lowercased()), .text(Timestamp.string(until)), .text(reason), .text(Timestamp.string(now))])
    }

    /// Ends a suppression: a person checked that the address works (`klachtd case REF send-held`).
    public func unsuppress(address: String) throws {
        try db.query("DELETE FROM suppressed_addresses WHERE address = ?", [.text(address.lowercased())])
    }

    /// Why an address gets no automatic mail now, or nil.
    public func suppression(of address: String, now: Date) throws -> String? {
        try db.queryOne("SELECT reason FROM suppressed_addresses WHERE address = ? AND until > ?",
                        [.text(address.lowercased()), .text(Timestamp.string(now))])?.string("reason")
    }

    public func suppressedAddresses(now: Date) throws -> [(address: String, until: Date, reason: String)] {
        try db.query("SELECT * FROM suppressed_addresses WHERE until > ? ORDER BY address", [.text(Timestamp.string(now))]).map {
            ($0.string("address") ?? "", Timestamp.date($0.string("until")) ?? now, $0.string("reason") ?? "")
        }
    }

    /// How many mails of these kinds went (or wait to go) to `address` since `since`, counted up to
    /// `limit`. Held letters never went and do not count. Both bounds matter: a flood of complaints
    /// from one address holds its acknowledgements in the outbox, and counting them all for every
    /// new one made intake quadratic (10,000 waiting messages took 12 s instead of 2).
    public func mailCount(to address: String, kinds: [OutboxKind], since: Date, upTo limit: Int) throws -> Int {
        // OR rather than IN: for an IN list SQLite builds a temporary table on every run.
        let kindTest = kinds.isEmpty ? "0" : "(" + kinds.map { _ in "kind = ?" }.joined(separator: " OR ") + ")"
        let row = try db.queryOne("""
            SELECT COUNT(*) AS n FROM (SELECT 1 FROM outbox INDEXED BY outbox_recipients_unheld
                WHERE recipients = ? AND state != 'held' AND created_at > ? AND \(kindTest) LIMIT ?)
            """, [.text(address.lowercased()), .text(Timestamp.string(since))] + kinds.map { SQLValue.text($0.rawValue) } + [.int(limit)])
        return Int(row?.int("n") ?? 0)
    }

    /// Raw messages kept aside, newest first.
    public func quarantined() throws -> [RawMessageRecord] {
        // Without the bytes: a quarantined message may be one too large to read.
        try db.query("""
            SELECT id, source, mailbox, uid_validity, uid, message_id, sha256, size, received_at, status, case_id, note
            FROM raw_messages WHERE status = 'quarantined' ORDER BY id DESC
            """).map(Self.rawRecord)
    }

    /// Puts a raw message back in line, e.g. after `klachtd reprocess`.
    public func requeueRaw(id: Int64) throws -> Bool {
        try db.query("UPDATE raw_messages SET status = 'pending', note = NULL WHERE id = ? AND status IN ('quarantined', 'duplicate')", [.integer(id)])
        return db.changes == 1
    }
}
