import CaseStore
import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 17 finding 1: a delivery report counts only for the addresses our mail went to, and a
/// letter the procedure requires is never silently withheld: sent, or held with the quality staff
/// told, the case showing it and every confirmation saying so.
final class ForgedBounceTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testForgedReportNamingOtherParentsAndAHandlerSuppressesOnlyTheMailsOwnRecipient() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (firstReference, _, acknowledgement) = try openCase(daemon, parent: "ouder1", handlerInbox: 1)
        let (otherReference, _, _) = try openCase(daemon, parent: "ouder2", handlerInbox: 2)
        let ourID = try XCTUnwrap(acknowledgement.messageID)

        // ouder1 knows the Message-ID of their own acknowledgement and writes a "bounce" for it that
        // names another parent and the location's handler as well.
        try server.send(from: "", to: ["klachten@example.test"], deliveryReport(
            for: ourID, failed: ["ouder1@example.test", "ouder2@example.test", "behandelaar1@example.test"]))
        try daemon.waitUntil("the report is decided") {
            let counts = try CaseStore(path: daemon.databasePath).rawMessageCounts()
            return counts.values.reduce(0, +) == 3 && (counts[.pending] ?? 0) == 0
        }
        let store = try CaseStore(path: daemon.databasePath)
        XCTAssertEqual(try store.suppressedAddresses(now: Date()).map(\.address), ["ouder1@example.test"],
                       "only the acknowledgement's own recipient counts as bouncing")
        XCTAssertNil(try store.suppression(of: "ouder2@example.test", now: Date()))
        XCTAssertNil(try store.suppression(of: "behandelaar1@example.test", now: Date()))
        let events = try XCTUnwrap(try daemon.caseDetail(firstReference)["events"] as? [[String: Any]])
        XCTAssertTrue(events.contains { $0["action"] as? String == "delivery report not counted" }, "the case shows the report was not believed")

        // The other parent's judgement goes out, and the command line says it was sent.
        let result = try daemon.klachtd(["case", otherReference, "judge", "ongegrond", "--reasons",
                                         "Wij hebben de camerabeelden bekeken: uw kind is om 18:05 opgehaald."])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("judgement-letter → ouder2@example.test: sent"), result.output)
        let letters = try server.waitForInbox("ouder2", count: 2)
        XCTAssertTrue(letters.last?.text?.contains("camerabeelden") ?? false)
    }

    func testJudgementToABouncingAddressIsHeldTheStaffToldAndTheCaseAndCommandLineSaySo() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, _, acknowledgement) = try openCase(daemon, parent: "ouder3", handlerInbox: 1)
        try server.send(from: "", to: ["klachten@example.test"], deliveryReport(
            for: try XCTUnwrap(acknowledgement.messageID), failed: ["ouder3@example.test"]))
        try server.waitForInbox("kwaliteit", count: 1)   // "Onbestelbaar"

        let result = try daemon.klachtd(["case", reference, "judge", "gegrond", "--measure", "Nieuwe ophaalafspraken",
                                         "--term", "2099-03-01", "--reasons", "De overdracht ging mis."])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("judgement-letter → ouder3@example.test: HELD, NOT SENT: the address bounced"), result.output)
        XCTAssertTrue(result.output.contains("the quality staff are told"), result.output)
        XCTAssertFalse(result.output.contains("queued"), result.output)

        let notices = try server.waitForInbox("kwaliteit", count: 2)
        let held = try XCTUnwrap(notices.first { $0.subject?.hasPrefix("Vastgehouden: oordeelsbrief [\(reference)]") ?? false },
                                 "\(notices.map(\.subject))")
        XCTAssertTrue(held.text?.contains("send-held") ?? false, held.text ?? "")
        XCTAssertEqual(try server.inbox("ouder3").count, 1, "the judgement was not sent")

        let text = try daemon.klachtd(["case", reference]).output
        XCTAssertTrue(text.contains("NIET VERSTUURD: judgement-letter"), text)
        let detail = try daemon.caseDetail(reference)
        let heldMail = try XCTUnwrap(detail["held_mail"] as? [[String: Any]])
        XCTAssertEqual(heldMail.map { $0["kind"] as? String }, ["judgement-letter"])
        let outbox = try XCTUnwrap(detail["outbox"] as? [[String: Any]])
        XCTAssertEqual(outbox.first { $0["kind"] as? String == "judgement-letter" }?["state"] as? String, "held")
        let status = try daemon.klachtd(["status"])
        XCTAssertEqual(status.status, 1, "a held letter needs attention")
        XCTAssertTrue(status.output.contains("1 held"), status.output)
        XCTAssertTrue(status.output.contains("held letters:          \(reference)"), status.output)

        // The quality staff reached the parent and know the address works: the letter goes after all.
        let release = try daemon.klachtd(["case", reference, "send-held"])
        XCTAssertEqual(release.status, 0, release.error)
        XCTAssertTrue(release.output.contains("judgement-letter → ouder3@example.test: sent"), release.output)
        let letter = try XCTUnwrap(server.waitForInbox("ouder3", count: 2).last)
        XCTAssertTrue(letter.text?.contains("Nieuwe ophaalafspraken") ?? false, letter.text ?? "")
        XCTAssertEqual((try daemon.caseDetail(reference)["held_mail"] as? [[String: Any]])?.count, 0)
        XCTAssertNil(try CaseStore(path: daemon.databasePath).suppression(of: "ouder3@example.test", now: Date()),
                     "sending it after all trusts the address again")
    }

    func testAHandlerJudgingByMailIsToldTheLetterWasHeld() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, assignment, acknowledgement) = try openCase(daemon, parent: "ouder4", handlerInbox: 1)
        try server.send(from: "", to: ["klachten@example.test"], deliveryReport(
            for: try XCTUnwrap(acknowledgement.messageID), failed: ["ouder4@example.test"]))
        try server.waitForInbox("kwaliteit", count: 1)
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address)
        let id = assignment.messageID ?? ""
        try server.send(from: "behandelaar1@example.test", to: [replyTo], ([
            "From: Behandelaar Morel <behandelaar1@example.test>", "To: \(replyTo)", "Subject: RE: \(assignment.subject ?? "")",
            "Date: Tue, 17 Nov 2026 10:00:00 +0100", "Message-ID: <\(UUID().uuidString)@example.test>",
            "In-Reply-To: <\(id)>", "References: <\(id)>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ].joined(separator: "\r\n") + "\r\n\r\n#oordeel ongegrond\r\n\r\nDe afspraken zijn nagekomen.\r\n"))

        let reply = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 2).last)
        XCTAssertTrue(reply.subject?.contains("Reactie op je opdracht [\(reference)]") ?? false, reply.subject ?? "")
        let text = reply.text ?? ""
        XCTAssertTrue(text.contains("niet alles is verstuurd"), text)
        XCTAssertTrue(text.contains("oordeelsbrief is vastgehouden"), text)
        XCTAssertEqual(try server.inbox("ouder4").count, 1)
        XCTAssertEqual(try daemon.caseDetail(reference)["outcome"] as? String, "ongegrond", "the command itself counted")
        try daemon.waitUntil("the quality staff are told of the held letter") {
            try server.inbox("kwaliteit").contains { $0.subject?.hasPrefix("Vastgehouden: oordeelsbrief") ?? false }
        }
    }

    /// A complaint from the website form by someone who left only a phone number: the judgement cannot
    /// go by e-mail, and the command line says so instead of counting it as queued.
    func testJudgementWithoutAnAddressSaysItWasNotSent() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[forms]\nsenders = wordpress@www.vlinder.example\n")
        let form = [
            "From: De Vlinder website <wordpress@www.vlinder.example>", "To: klachten@example.test",
            "Subject: Nieuw bericht via het klachtenformulier", "Date: Mon, 16 Nov 2026 09:12:00 +0100",
            "Message-ID: <cf7-\(UUID().uuidString)@www.vlinder.example>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit",
        ].joined(separator: "\r\n") + "\r\n\r\n" + [
            "Naam: Fatima el Amrani", "Telefoonnummer: 06-98765432", "Locatie: BSO Morel",
            "Omschrijving: Mijn dochter kreeg bij BSO Morel geen middageten omdat de lunch vergeten was.", "",
            "--", "Deze e-mail is verzonden vanaf een contactformulier op De Vlinder (https://www.vlinder.example)",
        ].joined(separator: "\r\n") + "\r\n"
        try daemon.deliver(form, at: ISO8601DateFormatter().string(from: Date()))
        let summary = try XCTUnwrap(try daemon.cases().first)
        XCTAssertNil(summary["complainant"] as? String, "the form gave no e-mail address")
        let reference = try XCTUnwrap(summary["reference"] as? String)
        let result = try daemon.klachtd(["case", reference, "judge", "ongegrond", "--reasons", "De lunch was wel aanwezig."])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("judgement-letter: NOT SENT: no e-mail address for the complainant; send it by post"),
                      result.output)
    }

    // MARK: Support

    private func startDaemon() throws -> DaemonFixture {
        let daemon = try DaemonFixture(server: server)
        try daemon.useFixedReplySecret()
        try daemon.start()
        return daemon
    }

    /// A complaint about BSO Morel from an iPhone; returns the reference, the handler's assignment
    /// and the parent's acknowledgement.
    private func openCase(_ daemon: DaemonFixture, parent: String, handlerInbox: Int) throws -> (String, ParsedMessage, ParsedMessage) {
        try server.send(from: server.address(parent), to: ["klachten@example.test"], complaintMail(
            from: server.address(parent), name: "Ouder \(parent)", subject: "Klacht over BSO Morel",
            body: "Goedemiddag,\n\nMijn zoon stond gisteren om 18:15 nog alleen bij de deur van BSO Morel.\n\nVerstuurd vanaf mijn iPhone",
            extraHeaders: ["X-Mailer: iPhone Mail (21F90)"]))
        let acknowledgement = try XCTUnwrap(server.waitForInbox(parent, count: 1).first)
        let assignment = try XCTUnwrap(server.waitForInbox("behandelaar1", count: handlerInbox).last)
        let reference = try XCTUnwrap(assignment.subject.flatMap { subject in
            subject.range(of: "KL-[0-9]{4}-[0-9]{4}", options: .regularExpression).map { String(subject[$0]) }
        })
        return (reference, assignment, acknowledgement)
    }

    /// A Postfix-style RFC 3464 report about `messageID`, with one failed block per address.
    private func deliveryReport(for messageID: String, failed addresses: [String]) -> String {
        let blocks = addresses.map {
            "Final-Recipient: rfc822; \($0)\r\nOriginal-Recipient: rfc822;\($0)\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Remote-MTA: dns; mx.example.test\r\nDiagnostic-Code: smtp; 550 5.1.1 <\($0)>: Recipient address rejected: User unknown\r\n"
        }.joined(separator: "\r\n")
        return """
            From: MAILER-DAEMON@mail.example.test (Mail Delivery System)\r
            To: klachten@example.test\r
            Subject: Undelivered Mail Returned to Sender\r
            Date: Tue, 17 Nov 2026 09:00:00 +0100\r
            Message-ID: <\(UUID().uuidString)@mail.example.test>\r
            Auto-Submitted: auto-replied\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="8D1E2F3A4B.1763366400/mail.example.test"\r
            \r
            This is a MIME-encapsulated message.\r
            \r
            --8D1E2F3A4B.1763366400/mail.example.test\r
            Content-Description: Notification\r
            Content-Type: text/plain; charset=us-ascii\r
            \r
            This is the mail system at host mail.example.test.\r
            \r
            I'm sorry to have to inform you that your message could not\r
            be delivered to one or more recipients.\r
            \r
            --8D1E2F3A4B.1763366400/mail.example.test\r
            Content-Description: Delivery report\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mail.example.test\r
            X-Postfix-Queue-ID: 8D1E2F3A4B\r
            Arrival-Date: Tue, 17 Nov 2026 08:59:58 +0100 (CET)\r
            \r
            \(blocks)\r
            --8D1E2F3A4B.1763366400/mail.example.test\r
            Content-Description: Undelivered Message Headers\r
            Content-Type: text/rfc822-headers\r
            \r
            From: Kinderopvang De Vlinder <klachten@example.test>\r
            To: \(addresses[0])\r
            Subject: Ontvangstbevestiging van uw klacht\r
            Message-ID: <\(messageID)>\r
            \r
            --8D1E2F3A4B.1763366400/mail.example.test--\r

            """
    }
}
