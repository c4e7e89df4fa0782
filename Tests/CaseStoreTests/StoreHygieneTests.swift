@testable import CaseStore
import Digests
import Foundation
import Glibc
import MailParser
import XCTest

/// Issue 17: texts are stored whole, files holding personal data are private, and a backlog
/// of large messages is read a few at a time.
final class StoreHygieneTests: XCTestCase {
    var directory: String!
    let now = Date(timeIntervalSince1970: 1_777_000_000)

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-hygiene-\(UUID().uuidString)"
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testTextWithANulByteIsStoredAndReadWhole() throws {
        let store = try CaseStore(path: directory + "/klachtd.sqlite")
        // A hostile subject or name may carry a NUL; SQLite must not cut the text at it.
        let reason = "Onderwerp: klacht\u{0}verborgen deel na de NUL"
        try store.appendEvent(caseID: nil, actor: "klachtd", action: "test", from: nil, to: nil, reason: reason, rawMessageID: nil, now: now)
        let row = try XCTUnwrap(store.db.queryOne("SELECT reason, length(CAST(reason AS BLOB)) AS n FROM events WHERE action = 'test'"))
        XCTAssertEqual(row.int("n"), Int64(reason.utf8.count))
        XCTAssertEqual(row.string("reason"), reason)
    }

    func testANewDatabaseAndItsFolderArePrivateWhateverTheUmask() throws {
        let old = umask(0o022)
        defer { umask(old) }
        let path = directory + "/data/klachtd.sqlite"
        let store = try CaseStore(path: path)
        try store.appendEvent(caseID: nil, actor: "klachtd", action: "test", from: nil, to: nil, reason: nil, rawMessageID: nil, now: now)
        XCTAssertEqual(try Self.mode(path), 0o600)
        XCTAssertEqual(try Self.mode(path + "-wal"), 0o600, "the WAL holds the same personal data")
        XCTAssertEqual(try Self.mode(directory + "/data"), 0o700)
    }

    func testABatchOfLargeMessagesEndsByBytesAndOversizedOnesAreNotRead() throws {
        let store = try CaseStore(path: directory + "/klachtd.sqlite")
        let large = [UInt8](repeating: 0x61, count: 6 << 20)
        for uid in 1...5 {
            try store.storeRaw(large, origin: .imap(mailbox: "INBOX", uidValidity: 1, uid: UInt32(uid)), messageID: nil,
                               sha256: "s\(uid)", receivedAt: now, now: now)
        }
        let huge = [UInt8](repeating: 0x62, count: 30 << 20)
        try store.storeRaw(huge, origin: .deliver, messageID: nil, sha256: "huge", receivedAt: now, now: now)
        try store.storeRaw([0x63], origin: .deliver, messageID: nil, sha256: "small", receivedAt: now, now: now)

        let first = try store.pendingRawMessages(limit: 100, maxBatchBytes: 16 << 20, maxMessageBytes: 25 << 20)
        XCTAssertEqual(first.count, 2, "two 6 MiB messages fit in 16 MiB, a third does not")
        let second = try store.pendingRawMessages(after: try XCTUnwrap(first.last?.id), limit: 100, maxBatchBytes: 16 << 20, maxMessageBytes: 25 << 20)
        XCTAssertEqual(second.count, 2)
        let third = try store.pendingRawMessages(after: try XCTUnwrap(second.last?.id), limit: 100, maxBatchBytes: 16 << 20, maxMessageBytes: 25 << 20)
        XCTAssertEqual(third.count, 3, "the oversized message counts for nothing: it is not read")
        XCTAssertEqual(third[1].size, 30 << 20)
        XCTAssertTrue(third[1].bytes.isEmpty, "a message over the limit is never read into memory")
        XCTAssertEqual(third[2].bytes, [0x63])
        let single = try store.pendingRawMessages(limit: 100, maxBatchBytes: 1, maxMessageBytes: 25 << 20)
        XCTAssertEqual(single.count, 1, "a batch always takes its first message")
    }

    func testAnOversizedMessageIsStoredFromItsSpoolWholeAndQuarantined() throws {
        let store = try CaseStore(path: directory + "/klachtd.sqlite")
        let bytes = (0..<(3 << 20) + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let file = directory + "/spool"
        try PrivateFile.write(bytes, to: file)
        let fd = open(file, O_RDONLY)
        defer { close(fd) }
        var hasher = SHA256.Hasher()
        for start in stride(from: 0, to: bytes.count, by: 100_003) { hasher.update(Array(bytes[start..<min(start + 100_003, bytes.count)])) }
        XCTAssertEqual(hasher.hexDigest(), SHA256.hexDigest(bytes), "the digest taken in pieces is the digest of the whole")
        let id = try store.transaction {
            try store.storeQuarantinedRaw(SpooledMessage(fileDescriptor: fd, size: bytes.count, sha256: hasher.hexDigest()),
                                          origin: .imap(mailbox: "INBOX", uidValidity: 1, uid: 9), note: "too large",
                                          receivedAt: now, now: now)
        }
        let stored = try XCTUnwrap(store.rawMessage(id: XCTUnwrap(id)))
        XCTAssertEqual(stored.bytes, bytes)
        XCTAssertEqual(stored.status, .quarantined)
        XCTAssertEqual(try store.quarantined().first?.size, bytes.count)
        XCTAssertEqual(try store.pendingRawMessages().count, 0)
        XCTAssertNil(try store.transaction {
            try store.storeQuarantinedRaw(SpooledMessage(fileDescriptor: fd, size: bytes.count, sha256: "x"),
                                          origin: .imap(mailbox: "INBOX", uidValidity: 1, uid: 9), note: "again", receivedAt: now, now: now)
        }, "a known IMAP position is not stored twice")
    }

    func testStoringAMessageOverTheLimitDoesNotHoldItInMemory() throws {
        let store = try CaseStore(path: directory + "/klachtd.sqlite")
        let file = directory + "/spool"
        let size = 96 << 20
        let fd = open(file, O_RDWR | O_CREAT, 0o600)
        defer { close(fd) }
        var piece = [UInt8](repeating: 0x41, count: 1 << 20)
        for offset in stride(from: 0, to: size, by: piece.count) {
            piece[0] = UInt8(truncatingIfNeeded: offset >> 20)
            XCTAssertEqual(piece.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(offset)) }, piece.count)
        }
        // Peak memory from here on (writing 5 to clear_refs resets VmHWM to the current VmRSS).
        XCTAssertTrue(FileManager.default.createFile(atPath: "/proc/self/clear_refs", contents: Data("5".utf8)) ||
                      (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil)
        let before = Self.status("VmRSS")
        let id = try store.transaction {
            try store.storeQuarantinedRaw(SpooledMessage(fileDescriptor: fd, size: size, sha256: "s"), origin: .deliver, note: "too large",
                                          receivedAt: now, now: now)
        }
        let grown = Self.status("VmHWM") - before
        XCTAssertLessThan(grown, 48 << 10, "a 96 MiB message stored with at most half its size in memory (KiB: \(grown))")
        XCTAssertEqual(try store.quarantined().first?.size, size)
        XCTAssertEqual(try store.rawMessage(id: XCTUnwrap(id))?.bytes.count, size)
        // In raw_message_bytes under the message's own id, like every message's bytes: the rows the
        // retention purge deletes (RetentionPurgeLargeMessageTests runs the purge itself).
        XCTAssertEqual(try store.db.queryOne("SELECT length(bytes) AS n FROM raw_message_bytes WHERE raw_message_id = ?",
                                             [.integer(try XCTUnwrap(id))])?.int("n"), Int64(size))
    }

    /// A line of /proc/self/status in KiB.
    static func status(_ field: String) -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
    }

    func testPrivateFilesAreCreatedOnlyNewWithMode0600() throws {
        let old = umask(0o022)
        defer { umask(old) }
        try PrivateFile.createFolder(directory + "/a/b")
        XCTAssertEqual(try Self.mode(directory + "/a/b"), 0o700)
        try PrivateFile.write([1, 2, 3], to: directory + "/a/b/f")
        XCTAssertEqual(try Self.mode(directory + "/a/b/f"), 0o600)
        XCTAssertThrowsError(try PrivateFile.write([4], to: directory + "/a/b/f"), "an existing file is not overwritten")
        symlink(directory + "/a/b/f", directory + "/a/link")
        XCTAssertThrowsError(try PrivateFile.createEmpty(directory + "/a/link"), "a symbolic link is not followed")
    }

    static func mode(_ path: String) throws -> mode_t {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw NSError(domain: "stat", code: Int(errno)) }
        return status.st_mode & 0o777
    }
}
