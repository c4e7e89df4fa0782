import CSQLite
import Foundation
import Glibc

/// A message too large to read whole: its bytes are in a spool file, never in memory.
public struct SpooledMessage: Sendable {
    /// An open, readable file descriptor positioned anywhere; read with `pread`.
    public var fileDescriptor: Int32
    public var size: Int
    public var sha256: String

    public init(fileDescriptor: Int32, size: Int, sha256: String) {
        self.fileDescriptor = fileDescriptor
        self.size = size
        self.sha256 = sha256
    }
}

extension CaseStore {
    /// Stores a message over the size limit straight from its spool file into the row's blob,
    /// a megabyte at a time, already quarantined with `note`, so it is kept whole (and
    /// `klachtd reprocess` can read it once the limit is raised) without ever being in memory.
    ///
    /// The bytes go to `raw_message_bytes` like every message's (see migration 11: its blob is
    /// the last column, which is what lets them be written in pieces); the `raw_messages` row is
    /// written in its final state, an IMAP message as already marked (the caller flags it on
    /// the server right after the commit). Returns nil when the IMAP
    /// position is already stored. Call inside a transaction.
    public func storeQuarantinedRaw(_ spool: SpooledMessage, origin: RawMessageOrigin, note: String,
                                    receivedAt: Date, now: Date) throws -> Int64? {
        if let uid = origin.uid, let mailbox = origin.mailbox, let validity = origin.uidValidity,
           try db.queryOne("SELECT id FROM raw_messages WHERE mailbox = ? AND uid_validity = ? AND uid = ?",
                           [.text(mailbox), .integer(Int64(validity)), .integer(Int64(uid))]) != nil {
            return nil
        }
        try db.query("""
            INSERT INTO raw_messages (source, mailbox, uid_validity, uid, message_id, sha256, size, received_at, stored_at,
                                      status, note, imap_marked)
            VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, 'quarantined', ?, ?)
            """, [.text(origin.source), .optional(origin.mailbox), .optional(origin.uidValidity.map(Int64.init)),
                  .optional(origin.uid.map(Int64.init)), .text(spool.sha256), .int(spool.size),
                  .text(Timestamp.string(receivedAt)), .text(Timestamp.string(now)), .text(note),
                  .int(origin.uid == nil ? 0 : 1)])
        let id = db.lastInsertRowID
        // The blob is the last column there, so zeroblob reserves the space without zeros in memory;
        // raw_message_id is the rowid, so the blob is opened by the message's id.
        try db.query("INSERT INTO raw_message_bytes (raw_message_id, bytes) VALUES (?, zeroblob(?))", [.integer(id), .int(spool.size)])
        try db.writeBlob(table: "raw_message_bytes", column: "bytes", row: id, size: spool.size, from: spool.fileDescriptor)
        return id
    }
}

extension SQLiteDatabase {
    /// Copies `size` bytes from the file `fd` (from its start) into a zero-filled blob, a piece at a time.
    func writeBlob(table: String, column: String, row: Int64, size: Int, from fd: Int32) throws(StoreError) {
        guard size > 0 else { return }
        var blob: OpaquePointer?
        let rc = sqlite3_blob_open(handle, "main", table, column, row, 1, &blob)
        guard rc == SQLITE_OK, let blob else { throw StoreError(code: rc, message: lastMessage) }
        defer { sqlite3_blob_close(blob) }
        var piece = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while offset < size {
            let wanted = min(piece.count, size - offset)
            let n = piece.withUnsafeMutableBytes { pread(fd, $0.baseAddress, wanted, off_t(offset)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw StoreError(code: SQLITE_IOERR, message: "the spool file ended at \(offset) of \(size) bytes") }
            let written = piece.withUnsafeBytes { sqlite3_blob_write(blob, $0.baseAddress, Int32(n), Int32(offset)) }
            guard written == SQLITE_OK else { throw StoreError(code: written, message: lastMessage) }
            offset += n
        }
    }
}
