import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 2: a complaint email becomes a case and the parent is acknowledged, on the real servers.
final class ComplaintSpineTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testComplaintBecomesACaseAndTheParentAndHandlerAreMailed() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        let parentMessageID = "spine-\(UUID().uuidString)@ouders.example.test"
        let sent = Date()
        try server.send(from: "ouder1@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder1@example.test", name: "Sanne de Vries", subject: "Klacht over BSO Morel",
            body: "Mijn dochter stond om 18:15 nog alleen bij de deur van BSO Morel.\nGraag een reactie.",
            messageID: parentMessageID))

        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder1", count: 1).first)
        let latency = Date().timeIntervalSince(sent)
        XCTAssertLessThan(latency, 10, "the acknowledgement took \(latency) s")

        let cases = try daemon.cases()
        XCTAssertEqual(cases.count, 1)
        let reference = try XCTUnwrap(cases.first?["reference"] as? String)
        XCTAssertTrue(reference.hasPrefix("KL-\(Calendar(identifier: .gregorian).component(.year, from: Date()))-"))
        XCTAssertEqual(cases.first?["state"] as? String, "assigned")
        XCTAssertEqual(cases.first?["location"] as? String, "Morel")
        XCTAssertEqual(cases.first?["complainant"] as? String, "ouder1@example.test")
        XCTAssertNotNil(cases.first?["decision_due"] as? String)

        XCTAssertTrue(acknowledgement.subject?.contains("[\(reference)]") ?? false, acknowledgement.subject ?? "")
        XCTAssertEqual(acknowledgement.inReplyTo, [parentMessageID])
        XCTAssertEqual(acknowledgement.references, [parentMessageID])
        XCTAssertEqual(acknowledgement.header("Auto-Submitted"), "auto-replied")
        XCTAssertEqual(acknowledgement.from.first?.address, "klachten@example.test")
        XCTAssertTrue(acknowledgement.messageID?.hasSuffix("@example.test") ?? false)
        XCTAssertNotNil(acknowledgement.date)
        XCTAssertTrue(acknowledgement.header("Content-Type")?.lowercased().contains("charset=utf-8") ?? false)
        XCTAssertEqual(acknowledgement.header("Content-Transfer-Encoding")?.lowercased(), "quoted-printable")
        let text = try XCTUnwrap(acknowledgement.text)
        XCTAssertTrue(text.contains(reference))
        XCTAssertTrue(text.contains("Klachtenloket Kinderopvang"))
        XCTAssertTrue(text.contains("Geschillencommissie"))
        XCTAssertFalse(text.contains("18:15"), "the acknowledgement must not echo the complaint")

        let notice = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 1).first)
        XCTAssertTrue(notice.subject?.contains("[\(reference)]") ?? false)
        XCTAssertTrue(notice.text?.contains("18:15") ?? false, "the handler gets the complaint itself")
        XCTAssertTrue(notice.replyTo.first?.address.hasPrefix("klachten+\(reference)") ?? false)
        XCTAssertTrue(try server.inbox("kwaliteit").isEmpty, "a located complaint does not go to the quality staff")
    }

    func testComplaintWithoutLocationGoesToTheQualityStaff() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "ouder2@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder2@example.test", name: "Pieter Jansen", subject: "Wachtlijst",
            body: "Al vier maanden sta ik op de wachtlijst."))
        try server.waitForInbox("ouder2", count: 1)
        let notice = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).first)
        XCTAssertTrue(notice.text?.contains("vier maanden") ?? false)
        XCTAssertEqual(try daemon.cases().first?["flags"] as? [String], ["unknown-location"])
    }

    func testRestartCreatesNoSecondCaseAndSendsNoSecondAcknowledgement() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        try server.send(from: "ouder3@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder3@example.test", name: "Fatima", subject: "Klacht De Boomgaard", body: "De factuur van KDV De Boomgaard klopt niet."))
        try server.waitForInbox("ouder3", count: 1)
        XCTAssertEqual(daemon.stop(), 0)

        // Forget the server marks too: a restart must still find the message done.
        try server.run(["doveadm", "-c", server.directory + "/dovecot.conf", "flags", "remove", "-u", "klachten@example.test",
                        "\\Seen $KlachtdProcessed", "mailbox", "INBOX", "all"])
        try daemon.start()
        Thread.sleep(forTimeInterval: 4)
        XCTAssertEqual(daemon.stop(), 0)
        XCTAssertEqual(try daemon.cases().count, 1)
        XCTAssertEqual(try server.inbox("ouder3").count, 1)
        XCTAssertEqual(try server.inbox("behandelaar2").count, 1)
    }

    func testProcessedMessageIsMarkedOnTheServerNotExpunged() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "ouder4@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder4@example.test", name: "Ouder", subject: "Klacht", body: "Tekst."))
        try server.waitForInbox("ouder4", count: 1)
        try daemon.waitUntil("the message is flagged") {
            let flags = try server.run(["doveadm", "-c", server.directory + "/dovecot.conf", "fetch", "-u", "klachten@example.test",
                                        "flags", "mailbox", "INBOX", "all"])
            return flags.contains("$KlachtdProcessed") && flags.contains("\\Seen")
        }
        XCTAssertEqual(try server.inbox("klachten").count, 1)
    }

    func testDeliverStoresAndProcessesAMessageFromStandardInput() throws {
        let daemon = try DaemonFixture(server: server)
        let message = complaintMail(from: "ouder5@example.test", name: "Ouder Vijf", subject: "Klacht BSO Morel", body: "Te laat opgehaald bij BSO Morel.")
        let result = try daemon.klachtd(["deliver", "--now", "2026-05-04T10:00:00+02:00"], input: Array(message.utf8))
        XCTAssertEqual(result.status, 0, result.error)
        let cases = try daemon.cases()
        XCTAssertEqual(cases.first?["reference"] as? String, "KL-2026-0001")
        XCTAssertEqual(cases.first?["decision_due"] as? String, "2026-06-15")
        XCTAssertEqual(try server.waitForInbox("ouder5", count: 1).count, 1)
        XCTAssertEqual(try daemon.klachtd(["deliver"], input: Array(message.utf8)).status, 0)
        XCTAssertEqual(try daemon.cases().count, 1, "the same message delivered twice is one case")
    }
}
