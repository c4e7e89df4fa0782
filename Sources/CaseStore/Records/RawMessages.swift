import Foundation

/// Where a raw message came from: an IMAP mailbox position, or a pipe from the mail server.
public struct RawMessageOrigin: Sendable, Equatable {
    public var source: String
    public var mailbox: String?
    public var uidValidity: UInt32?
    public var uid: UInt32?

    public static func imap(mailbox: String, uidValidity: UInt32, uid: UInt32) -> RawMessageOrigin {
        RawMessageOrigin(source: "imap", mailbox: mailbox, uidValidity: uidValidity, uid: uid)
    }

    public static let deliver = RawMessageOrigin(source: "deliver", mailbox: nil, uidValidity: nil, uid: nil)
}

/// A stored raw message, as read back for processing.
public struct RawMessageRecord: Sendable {
    public var id: Int64
    public var origin: RawMessageOrigin
    public var messageID: String?
    public var sha256: String
    /// The bytes; empty when the message was not read (over the size limit, or purged).
    public var bytes: [UInt8]
    /// The stored size in bytes, known without reading the bytes.
    public var size: Int
    public var receivedAt: Date
    public var status: RawMessageStatus
    public var caseID: Int64?
    public var note: String?
}

/// What became of a stored message (`raw_messages.status`).
public enum RawMessageStatus: String, Sendable, CaseIterable {
    /// Stored, not decided yet.
    case pending
    /// Decided: on a case, or a notice to the staff.
    case processed
    /// Decided to need no answer (an auto-reply, a robot, our own mail); listed, never dropped.
    case ignored
    /// The same message stored before.
    case duplicate
    /// Set aside: too large, or processing failed; `klachtd reprocess` runs it again.
    case quarantined
}

extension CaseStore {
    /// Stores the raw bytes before anything else happens; a known IMAP position is not stored twice.
    /// Returns the row id and whether it is new.
    public func storeRaw(_ bytes: [UInt8], origin: RawMessageOrigin, messageID: String?, sha256: String,
                         receivedAt: Date, now: Date) throws -> (id: Int64, isNew: Bool) {
        if let uid = origin.uid, let mailbox = origin.mailbox, let validity = origin.uidValidity,
           let row = try db.queryOne("SELECT id FROM raw_messages WHERE mailbox = ? AND uid_validity = ? AND uid = ?",
                                     [.text(mailbox), .integer(Int64(validity)), .integer(Int64(uid))]),
           let id = row.int("id") {
            return (id, false)
        }
        // The bytes go in a table of their own: the row that decisions and marks update stays small.
        // A savepoint: both rows or neither, inside the caller's transaction or on their own.
        let id: Int64 = try db.savepoint {
            try db.query("""
                INSERT INTO raw_messages (source, mailbox, uid_validity, uid, message_id, sha256, size, received_at, stored_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(origin.source), .optional(origin.mailbox), .optional(origin.uidValidity.map(Int64.init)),
                      .optional(origin.uid.map(Int64.init)), .optional(messageID), .text(sha256), .int(bytes.count),
                      .text(Timestamp.string(receivedAt)), .text(Timestamp.string(now))])
            let id = db.lastInsertRowID
            try db.query("INSERT INTO raw_message_bytes (raw_message_id, bytes) VALUES (?, ?)", [.integer(id), .blob(bytes)])
            return id
        }
        return (id, true)
    }

    /// Messages stored but not yet decided on, oldest first: what a crash left behind is done now.
    /// `after` skips the ones up to that id, so the next batch can be read while one is still being decided.
    ///
    /// A batch holds at most `limit` messages and, past its first message, at most `maxBatchBytes`
    /// bytes, so a backlog of large messages is read a few at a time rather than a hundred.
    /// A message larger than `maxMessageBytes` comes without its bytes (`bytes` empty, `size`
    /// set) and counts for nothing: it is never read into memory, only set aside.
    public func pendingRawMessages(after id: Int64 = 0, limit: Int = 500, maxBatchBytes: Int = .max,
                                   maxMessageBytes: Int = .max) throws -> [RawMessageRecord] {
        let sizes = try db.query("SELECT id, size FROM raw_messages WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?",
                                 [.integer(id), .int(limit)])
        var last: Int64?
        var total = 0
        for row in sizes {
            guard let rowID = row.int("id") else { continue }
            let size = Int(row.int("size") ?? 0)
            let counted = size > maxMessageBytes ? 0 : size
            if last != nil, total + counted > maxBatchBytes { break }
            total += counted
            last = rowID
        }
        guard let last else { return [] }
        // The CASE reads the joined bytes only for a message within the limit.
        return try db.query("""
            SELECT r.*, CASE WHEN r.size <= ? THEN b.bytes END AS bytes
            FROM raw_messages r LEFT JOIN raw_message_bytes b ON b.raw_message_id = r.id
            WHERE r.status = 'pending' AND r.id > ? AND r.id <= ? ORDER BY r.id
            """, [.int(maxMessageBytes), .integer(id), .integer(last)]).map(Self.rawRecord)
    }

    public func rawMessage(id: Int64) throws -> RawMessageRecord? {
        try db.queryOne("\(Self.rawWithBytes) WHERE r.id = ?", [.integer(id)]).map(Self.rawRecord)
    }

    /// A raw message's row with its bytes (none after a retention purge); add WHERE on `r`.
    static let rawWithBytes = "SELECT r.*, b.bytes AS bytes FROM raw_messages r LEFT JOIN raw_message_bytes b ON b.raw_message_id = r.id"

    /// An earlier copy of the same message: the same bytes, or the same Message-ID.
    /// Two indexed lookups rather than one `OR`, which would make SQLite read every stored message.
    public func earlierCopy(of record: RawMessageRecord) throws -> Int64? {
        let decided = "status IN ('processed', 'ignored', 'quarantined')"
        if let row = try db.queryOne("SELECT id FROM raw_messages WHERE sha256 = ? AND id < ? AND \(decided) ORDER BY id LIMIT 1",
                                     [.text(record.sha256), .integer(record.id)]) {
            return row.int("id")
        }
        guard let messageID = record.messageID else { return nil }
        return try db.queryOne("SELECT id FROM raw_messages WHERE message_id = ? AND id < ? AND \(decided) ORDER BY id LIMIT 1",
                               [.text(messageID), .integer(record.id)])?.int("id")
    }

    /// The decision together with the Message-ID, which is read when the message is parsed,
    /// not when it is fetched: one write of the row (and its bytes) instead of two.
    public func finishRaw(id: Int64, messageID: String?, status: RawMessageStatus, caseID: Int64?, note: String?) throws {
        try db.query("UPDATE raw_messages SET message_id = ?, status = ?, case_id = ?, note = ? WHERE id = ?",
                     [.optional(messageID), .text(status.rawValue), .optional(caseID), .optional(note), .integer(id)])
    }

    public func finishRaw(id: Int64, status: RawMessageStatus, caseID: Int64?, note: String?) throws {
        try db.query("UPDATE raw_messages SET status = ?, case_id = ?, note = ? WHERE id = ?",
                     [.text(status.rawValue), .optional(caseID), .optional(note), .integer(id)])
    }

    /// IMAP positions whose message is decided on but not yet marked on the server.
    public func unmarkedIMAPMessages(mailbox: String, uidValidity: UInt32) throws -> [(id: Int64, uid: UInt32)] {
        try db.query("""
            SELECT id, uid FROM raw_messages INDEXED BY raw_messages_unmarked WHERE source = 'imap' AND mailbox = ? AND uid_validity = ?
            AND status != 'pending' AND imap_marked = 0 ORDER BY uid
            """, [.text(mailbox), .integer(Int64(uidValidity))]).compactMap { row in
            guard let id = row.int("id"), let uid = row.int("uid") else { return nil }
            return (id, UInt32(truncatingIfNeeded: uid))
        }
    }

    public func markIMAPDone(ids: [Int64]) throws {
        for id in ids { try db.query("UPDATE raw_messages SET imap_marked = 1 WHERE id = ?", [.integer(id)]) }
    }

    /// The last UIDVALIDITY and UID seen in a mailbox, so a sync fetches only what is new.
    public func mailboxState(_ mailbox: String) throws -> (uidValidity: UInt32, lastUID: UInt32)? {
        guard let row = try db.queryOne("SELECT uid_validity, last_uid FROM mailbox_state WHERE mailbox = ?", [.text(mailbox)]),
              let validity = row.int("uid_validity"), let last = row.int("last_uid") else { return nil }
        return (UInt32(truncatingIfNeeded: validity), UInt32(truncatingIfNeeded: last))
    }

    public func setMailboxState(_ mailbox: String, uidValidity: UInt32, lastUID: UInt32) throws {
        try db.query("""
            INSERT INTO mailbox_state (mailbox, uid_validity, last_uid) VALUES (?, ?, ?)
            ON CONFLICT(mailbox) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid
            """, [.text(mailbox), .integer(Int64(uidValidity)), .integer(Int64(lastUID))])
    }

    public func rawMessageCounts() throws -> [RawMessageStatus: Int] {
        var counts: [RawMessageStatus: Int] = [:]
        for row in try db.query("SELECT status, COUNT(*) AS n FROM raw_messages GROUP BY status") {
            if let status = row.string("status").flatMap(RawMessageStatus.init(rawValue:)) { counts[status] = Int(row.int("n") ?? 0) }
        }
        return counts
    }

    static func rawRecord(_ row: Row) -> RawMessageRecord {
        RawMessageRecord(
            id: row.int("id") ?? 0,
            origin: RawMessageOrigin(source: row.string("source") ?? "imap", mailbox: row.string("mailbox"),
                                     uidValidity: row.int("uid_validity").map { UInt32(truncatingIfNeeded: $0) },
                                     uid: row.int("uid").map { UInt32(truncatingIfNeeded: $0) }),
            messageID: row.string("message_id"), sha256: row.string("sha256") ?? "",
            bytes: row.bytes("bytes") ?? [], size: Int(row.int("size") ?? 0), receivedAt: Timestamp.date(row.string("received_at")) ?? Date(timeIntervalSince1970: 0),
            status: row.string("status").flatMap(RawMessageStatus.init(rawValue:)) ?? .pending, caseID: row.int("case_id"), note: row.string("note"))
    }
}
