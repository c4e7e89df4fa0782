@testable import CaseStore
import Foundation
import XCTest

/// Issue 22: raw bytes move out of `raw_messages` into a table of their own, so deciding on
/// or marking a message rewrites a small row; a database from before keeps every message.
final class RawBytesMigrationTests: XCTestCase {
    func testADatabaseOfVersion7KeepsItsMessagesAndLosesTheColumn() throws {
        let path = NSTemporaryDirectory() + "klachtd-migrate-\(UUID().uuidString.prefix(8)).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let message = Array("From: Ouder <ouder@example.test>\r\nSubject: Klacht\r\n\r\nDe opvang was dicht.\r\n".utf8)
        do {
            let old = try SQLiteDatabase(path: path)
            for sql in Migrations.all.prefix(7) { try old.execute(sql) }
            try old.execute("PRAGMA user_version = 7")
            try old.query("""
                INSERT INTO raw_messages (source, mailbox, uid_validity, uid, sha256, size, bytes, received_at, stored_at, status, imap_marked)
                VALUES ('imap', 'INBOX', 1, 1, 'x', ?, ?, '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z', 'processed', 0),
                       ('imap', 'INBOX', 1, 2, 'y', 0, NULL, '2025-01-05T09:00:00Z', '2025-01-05T09:00:00Z', 'processed', 1)
                """, [.int(message.count), .blob(message)])
        }
        let store = try CaseStore(path: path)
        XCTAssertEqual(try store.rawMessage(id: 1)?.bytes, message)
        XCTAssertEqual(try store.rawMessage(id: 2)?.bytes, [], "a purged message stays without bytes")
        let columns = try store.db.query("PRAGMA table_info(raw_messages)").compactMap { $0.string("name") }
        XCTAssertFalse(columns.contains("bytes"))
        XCTAssertEqual(try store.unmarkedIMAPMessages(mailbox: "INBOX", uidValidity: 1).map(\.uid), [1])

        // New messages store their bytes beside the row, inside the caller's transaction too.
        let stored = try store.transaction {
            try store.storeRaw(message, origin: .deliver, messageID: nil, sha256: "z", receivedAt: Date(), now: Date())
        }
        XCTAssertEqual(try store.pendingRawMessages().map(\.bytes), [message])
        XCTAssertEqual(try store.rawMessage(id: stored.id)?.bytes, message)
    }
}
