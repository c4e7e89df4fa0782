import CaseStore
import Foundation
import Digests
import MailParser
import XCTest
import TestMailSupport

/// Issue 21: with `[graph]`, killed at random moments and restarted, every complaint still
/// becomes exactly one case with one acknowledgement (the immutable id keys the raw store).
final class GraphChaosTests: XCTestCase {
    func testRandomKillsLoseNothingAndMakeNothingTwice() throws {
        let server = try TestMailServer.require()
        try server.emptyAllMailboxes()
        let graph = try GraphStandIn(server: server)
        defer { graph.stop() }
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[limits]\nauto_replies_per_hour = 10000\nauto_replies_per_day = 10000\n")
        try graph.configure(daemon)
        var complaintIDs: [String: String] = [:]
        for n in 1...40 {
            let parent = "ouder\(n % 9 + 1)"
            let id = "graph-chaos-\(n)-\(UUID().uuidString)@ouders.example.test"
            complaintIDs[id] = parent
            try server.send(from: server.address(parent), to: ["klachten@example.test"], complaintMail(
                from: server.address(parent), name: "Ouder", subject: "Klacht \(n) over BSO Morel",
                body: "Klacht nummer \(n).", messageID: id))
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<8 {
            try daemon.start()
            Thread.sleep(forTimeInterval: Double.random(in: 0.3...2.0, using: &generator))
            daemon.crash()
        }
        try daemon.start()
        try daemon.waitUntil("40 cases and an empty outbox", timeout: 120) {
            let store = try CaseStore(path: daemon.databasePath)
            return try store.allCases().count == 40 && store.outbox(caseID: nil).allSatisfy { $0.state == .sent }
        }
        XCTAssertEqual(daemon.stop(), 0)
        let store = try CaseStore(path: daemon.databasePath)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        XCTAssertEqual(Set(try store.allCases().compactMap(\.complainantMessageID)), Set(complaintIDs.keys), "every complaint has exactly one case")
        var acknowledgements: [String: Set<String>] = [:]
        for parent in Set(complaintIDs.values) {
            for mail in try server.inbox(parent) where mail.subject?.contains("uw klacht ontvangen") ?? false {
                if let complaint = mail.inReplyTo.first, let ours = mail.messageID { acknowledgements[complaint, default: []].insert(ours) }
            }
        }
        XCTAssertEqual(Set(acknowledgements.keys), Set(complaintIDs.keys), "every parent was acknowledged")
        XCTAssertTrue(acknowledgements.values.allSatisfy { $0.count == 1 }, "no complaint got two different acknowledgements")
        XCTAssertEqual(try server.doveadm(["search", "-u", "klachten@example.test", "mailbox", "INBOX", "ALL"]).split(separator: "\n").count, 40,
                       "nothing was deleted")
    }

    /// A message over max_message_bytes is not refused, skipped or held in memory: streamed to a
    /// spool file, stored whole, quarantined, the quality staff told, and marked read.
    func testAMessageOverTheLimitIsStoredWholeQuarantinedAndMarked() throws {
        let server = try TestMailServer.require()
        try server.emptyAllMailboxes()
        let graph = try GraphStandIn(server: server)
        defer { graph.stop() }
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[limits]\nmax_message_bytes = 100000\n")
        try graph.configure(daemon)
        let photo = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let big = complaintMail(from: "ouder7@example.test", name: "Ouder Zeven", subject: "Klacht over BSO Morel met foto",
                                body: "Zie de foto.", extraHeaders: [])
            .replacingOccurrences(of: "Content-Type: text/plain; charset=utf-8", with: "Content-Type: multipart/mixed; boundary=b1")
            .replacingOccurrences(of: "Zie de foto.", with: "--b1\r\nContent-Type: text/plain\r\n\r\nZie de foto.\r\n--b1\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n\(photo)\r\n--b1--")
        try server.send(from: "ouder7@example.test", to: ["klachten@example.test"], big)
        try daemon.start()
        defer { daemon.stop() }
        let notice = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).first)
        XCTAssertTrue(notice.subject?.contains("quarantaine") ?? false, notice.subject ?? "")
        try daemon.waitUntil("marked read in the mailbox") {
            try server.doveadm(["search", "-u", "klachten@example.test", "mailbox", "INBOX", "SEEN"]).split(separator: "\n").count == 1
        }
        let store = try CaseStore(path: daemon.databasePath)
        let held = try XCTUnwrap(store.quarantined().first)
        XCTAssertTrue(held.note?.contains("larger than the limit of 100000 bytes") ?? false, held.note ?? "")
        let stored = try XCTUnwrap(store.rawMessage(id: held.id))
        XCTAssertGreaterThan(stored.bytes.count, 400_000)
        XCTAssertEqual(SHA256.hexDigest(stored.bytes), stored.sha256)
        XCTAssertEqual(MessageParser.parse(stored.bytes).subject, "Klacht over BSO Morel met foto")
        XCTAssertTrue(try daemon.cases().isEmpty)
    }
}
