@testable import CaseStore
import Foundation
import Glibc
import KlachtConfig
@testable import KlachtDaemon
import XCTest

/// Issues 17 and 22 together: a message stored over the size limit (written in pieces from
/// its spool file) keeps its bytes where every message's are, so the retention purge removes
/// them like any other's, whether the message stayed in quarantine or joined a case.
final class RetentionPurgeLargeMessageTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-purge-large-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func runtime() throws -> Runtime {
        let configuration = try unitTestConfiguration(directory: directory, sections: """
            [location "Morel"]
            handler = behandelaar1@example.test
            regime = wko
            """)
        return try Runtime(configuration: configuration, clock: Clock(fixed: try XCTUnwrap(try? Date("2026-11-18T10:00:00Z", strategy: .iso8601))))
    }

    /// Stores `size` bytes through the large-message path, two years before the clock.
    private func storeLarge(_ store: CaseStore, size: Int, uid: UInt32) throws -> Int64 {
        let file = directory + "/spool-\(uid)"
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ Int(uid)) }
        try PrivateFile.write(bytes, to: file)
        let fd = open(file, O_RDONLY)
        defer { close(fd) }
        let then = try XCTUnwrap(try? Date("2024-09-02T08:00:00Z", strategy: .iso8601))
        return try XCTUnwrap(try store.transaction {
            try store.storeQuarantinedRaw(SpooledMessage(fileDescriptor: fd, size: size, sha256: "s\(uid)"),
                                          origin: .imap(mailbox: "INBOX", uidValidity: 1, uid: uid), note: "too large",
                                          receivedAt: then, now: then)
        })
    }

    func testThePurgeRemovesTheBytesOfMessagesStoredOverTheLimit() throws {
        let runtime = try runtime()
        let store = try runtime.openStore()
        let loose = try storeLarge(store, size: (3 << 20) + 7, uid: 1)
        let onCase = try storeLarge(store, size: (2 << 20) + 11, uid: 2)
        // The second was read after the limit was raised (klachtd reprocess) and became a case, closed long ago.
        try store.db.query("""
            INSERT INTO cases (reference, state, kind, regime, received_at, complainant_name, complainant_address, location,
              subject, flags, closed_at, created_at, updated_at)
            VALUES ('KL-2024-0007', 'closed', 'klacht', 'wko', '2024-09-02T08:00:00Z', 'Ouder', 'ouder@ouders.example.nl', 'Morel',
              'Klacht met foto', '', '2024-10-01T09:00:00Z', '2024-09-02T08:00:00Z', '2024-10-01T09:00:00Z')
            """)
        try store.finishRaw(id: onCase, status: .processed, caseID: store.db.lastInsertRowID, note: nil)
        XCTAssertEqual(try store.rawMessage(id: loose)?.bytes.count, (3 << 20) + 7)
        XCTAssertEqual(try store.rawMessage(id: onCase)?.bytes.count, (2 << 20) + 11)

        let result = try RetentionPurge(store: store, settings: runtime.configuration.retention)
            .run(now: runtime.clock.now(), actor: "klachtd", dryRun: false)
        XCTAssertEqual(result.cases.map(\.reference), ["KL-2024-0007"])
        XCTAssertEqual(result.looseRawMessages, 1, "the quarantined message's bytes are counted as loose")
        XCTAssertEqual(try store.rawMessage(id: loose)?.bytes.count, 0, "the quarantined large message's bytes are gone")
        XCTAssertEqual(try store.rawMessage(id: onCase)?.bytes.count, 0, "the case's large message's bytes are gone")
        XCTAssertEqual(try store.db.queryOne("SELECT COUNT(*) AS n FROM raw_message_bytes")?.int("n"), 0)
        XCTAssertEqual(try store.rawMessage(id: loose)?.size, (3 << 20) + 7, "the row and its size stay for the counts")
    }
}
