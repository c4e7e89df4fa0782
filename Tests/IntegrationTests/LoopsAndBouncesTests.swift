import CaseStore
import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 7: no answer to any robot, bounces on their case, floods limited, nothing lost.
final class LoopsAndBouncesTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testAutoRepliesGetNoAnswerAndFloodIsLimitedButEveryCaseKept() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        let robots = [
            complaintMail(from: "ouder6@example.test", name: "Ouder Zes", subject: "Re: uw bericht", body: "Ik ben afwezig tot 1 december.",
                          extraHeaders: ["Auto-Submitted: auto-replied"]),
            complaintMail(from: "ouder6@example.test", name: "Ouder Zes", subject: "Automatisch antwoord: Klacht BSO Morel",
                          body: "Ik ben met vakantie. Uw bericht wordt niet doorgestuurd.",
                          extraHeaders: ["X-Auto-Response-Suppress: All", "X-MS-Exchange-Inbox-Rules-Loop: ouder6@example.test",
                                         "X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent"]),
            complaintMail(from: "ouder6@example.test", name: "Ouder Zes", subject: "Vakantie", body: "Ik lees mijn mail niet.",
                          extraHeaders: ["X-Autoreply: yes", "Precedence: bulk"]),
        ]
        for robot in robots { try server.send(from: "ouder6@example.test", to: ["klachten@example.test"], robot) }
        for n in 1...20 {
            try server.send(from: "ouder7@example.test", to: ["klachten@example.test"], complaintMail(
                from: "ouder7@example.test", name: "Ouder Zeven", subject: "Klacht nummer \(n)", body: "Klacht \(n) over BSO Morel."))
        }
        try daemon.waitUntil("20 cases from the flooding address", timeout: 30) { try daemon.cases().count == 20 }
        try daemon.waitUntil("the outbox is empty", timeout: 30) {
            try CaseStore(path: daemon.databasePath).outbox(caseID: nil).allSatisfy { $0.state != .queued }
        }
        XCTAssertTrue(try server.inbox("ouder6").isEmpty, "a robot got an answer")
        let acknowledgements = try server.inbox("ouder7")
        XCTAssertEqual(acknowledgements.count, 3, "at most auto_replies_per_hour acknowledgements to one address")
        let store = try CaseStore(path: daemon.databasePath)
        XCTAssertEqual(try store.rawMessageCounts()[.processed], 20, "every message is kept and decided on")
        XCTAssertEqual(try store.rawMessageCounts()[.ignored], 3, "the robots are listed as answered to nobody (issue 17)")
    }

    func testDeliveryReportIsAttachedToItsCaseAndTheQualityStaffAreToldOnce() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "ouder8@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder8@example.test", name: "Ouder Acht", subject: "Klacht BSO Morel", body: "Het eten bij BSO Morel was koud."))
        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder8", count: 1).first)
        let reference = try XCTUnwrap(try daemon.cases().first?["reference"] as? String)
        let ourID = try XCTUnwrap(acknowledgement.messageID)

        for _ in 0..<2 {   // a report arriving twice is still told once
            try server.send(from: "", to: ["klachten@example.test"], deliveryReport(for: ourID, recipient: "ouder8@example.test"))
        }
        try daemon.waitUntil("the bounce is on the case") {
            let detail = try daemon.caseDetail(reference)
            let outbox = detail["outbox"] as? [[String: Any]] ?? []
            return outbox.contains { $0["kind"] as? String == "acknowledgement" && $0["state"] as? String == "bounced" }
        }
        let notices = try server.waitForInbox("kwaliteit", count: 1).filter { $0.subject?.contains("Onbestelbaar") ?? false }
        Thread.sleep(forTimeInterval: 2)
        XCTAssertEqual(try server.inbox("kwaliteit").filter { $0.subject?.contains("Onbestelbaar") ?? false }.count, 1)
        XCTAssertEqual(notices.first?.subject?.contains(reference), true)
        XCTAssertEqual(try server.inbox("ouder8").count, 1, "nobody answered the mailer-daemon")
        let messages = try daemon.caseDetail(reference)["messages"] as? [[String: Any]] ?? []
        XCTAssertTrue(messages.contains { $0["role"] as? String == "bounce" })

        // The address bounced: a new complaint from it is a case, but gets no automatic reply for a while.
        try server.send(from: "ouder8@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder8@example.test", name: "Ouder Acht", subject: "Nog een klacht", body: "Over BSO Morel."))
        try daemon.waitUntil("the second case") { try daemon.cases().count == 2 }
        Thread.sleep(forTimeInterval: 2)
        XCTAssertEqual(try server.inbox("ouder8").count, 1)
    }

    func testOversizedMessageIsQuarantinedReportedAndCanBeReprocessed() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[limits]\nmax_message_bytes = 2048\n")
        try daemon.start()
        let big = complaintMail(from: "ouder9@example.test", name: "Ouder Negen", subject: "Klacht met bijlage",
                                body: "BSO Morel.\n" + String(repeating: "Een lange regel tekst over de opvang.\n", count: 100))
        try server.send(from: "ouder9@example.test", to: ["klachten@example.test"], big)
        let notice = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).first)
        XCTAssertTrue(notice.subject?.contains("quarantaine") ?? false, notice.subject ?? "")
        daemon.stop()
        XCTAssertTrue(try daemon.cases().isEmpty)
        let listing = try daemon.klachtd(["quarantine"])
        XCTAssertTrue(listing.output.contains("larger than the limit"), listing.output)
        XCTAssertTrue(try server.inbox("ouder9").isEmpty)

        let raised = try String(contentsOfFile: daemon.configPath, encoding: .utf8).replacingOccurrences(of: "max_message_bytes = 2048", with: "max_message_bytes = 1000000")
        try raised.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        let id = try XCTUnwrap(CaseStore(path: daemon.databasePath).quarantined().first?.id)
        let result = try daemon.klachtd(["reprocess", String(id)])
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertEqual(try daemon.cases().count, 1)
        XCTAssertEqual(try server.waitForInbox("ouder9", count: 1).count, 1)
    }

    func testIdleBringsAComplaintInWithinSecondsWhilePollingIsSlow() throws {
        let daemon = try DaemonFixture(server: server)
        let slow = try String(contentsOfFile: daemon.configPath, encoding: .utf8).replacingOccurrences(of: "poll_interval = 2", with: "poll_interval = 600")
        try slow.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.start()
        defer { daemon.stop() }
        Thread.sleep(forTimeInterval: 1.5)   // the daemon is waiting in IDLE now
        let sent = Date()
        try server.send(from: "ouder1@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder1@example.test", name: "Ouder Een", subject: "Klacht", body: "Over BSO Morel."))
        try server.waitForInbox("ouder1", count: 1, timeout: 10)
        let latency = Date().timeIntervalSince(sent)
        XCTAssertLessThan(latency, 5, "with IDLE a complaint is acknowledged in seconds, not after the 600 s poll")
    }

    /// A Postfix-style RFC 3464 report for a mail of ours.
    func deliveryReport(for messageID: String, recipient: String) -> String {
        """
        From: MAILER-DAEMON@mail.example.test (Mail Delivery System)\r
        To: klachten@example.test\r
        Subject: Undelivered Mail Returned to Sender\r
        Date: Mon, 16 Nov 2026 10:00:00 +0100\r
        Message-ID: <\(UUID().uuidString)@mail.example.test>\r
        Auto-Submitted: auto-replied\r
        MIME-Version: 1.0\r
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r
        \r
        --B\r
        Content-Type: text/plain\r
        \r
        I'm sorry to have to inform you that your message could not be delivered.\r
        <\(recipient)>: host mx.example.test said: 550 5.1.1 User unknown\r
        \r
        --B\r
        Content-Type: message/delivery-status\r
        \r
        Reporting-MTA: dns; mail.example.test\r
        \r
        Final-Recipient: rfc822; \(recipient)\r
        Action: failed\r
        Status: 5.1.1\r
        Diagnostic-Code: smtp; 550 5.1.1 User unknown\r
        \r
        --B\r
        Content-Type: text/rfc822-headers\r
        \r
        From: klachten@example.test\r
        To: \(recipient)\r
        Subject: Ontvangstbevestiging\r
        Message-ID: <\(messageID)>\r
        \r
        --B--\r

        """
    }
}
