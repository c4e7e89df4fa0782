import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 15 items 1, 2, 6, 7, 11 and 12 on the real Dovecot and Postfix: what the parent,
/// the handler, management and the quality staff receive, per kind and per regime.
final class KindsRegimesAndAssignmentTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    private static let locations = """
        [location "Zonnebloem"]
        handler = behandelaar3@example.test
        handler_name = Anna de Wit
        handler_role = locatiemanager
        handler_phone = 040-1234567
        aliases = zonnebloem, bso zonnebloem
        regime = wko
        [location "Jeugdhuis"]
        handler = behandelaar3@example.test
        aliases = jeugdhuis
        regime = jeugdwet
        [limits]
        attachment_bytes = 20000
        """

    /// A fixture with a reply secret (so commands by mail count), stepped in time with `deliver --now`.
    private func fixture(templates: String? = nil) throws -> DaemonFixture {
        let daemon = try DaemonFixture(server: server, extraConfiguration: Self.locations
            + (templates.map { "\n[templates]\ndirectory = \($0)" } ?? ""))
        try daemon.useFixedReplySecret()
        return daemon
    }

    func testAQuestionAndAComplimentGetTheirOwnLettersWithoutHoles() throws {
        let daemon = try fixture()
        try daemon.deliver(complaintMail(from: "ouder1@example.test", name: "Sanne de Vries", subject: "Vraag over ruildagen",
                                          body: "Hoe werkt het ruilen van een dag bij BSO Morel? Kan ik dat ook via de app doen?"),
                           at: "2026-05-04T10:00:00+02:00")
        let receipt = try XCTUnwrap(server.waitForInbox("ouder1", count: 1).first)
        XCTAssertTrue(receipt.subject?.hasPrefix("Wij hebben uw vraag ontvangen") ?? false, receipt.subject ?? "")
        XCTAssertEqual(receipt.header("Auto-Submitted"), "auto-replied", "a receipt answers the parent: limited like every automatic reply")
        let receiptText = try XCTUnwrap(receipt.text)
        for hole in ["uiterlijk", "oordeel", "Geschillencommissie", "  contact"] {
            XCTAssertFalse(receiptText.contains(hole), "\(hole) in a question's receipt:\n\(receiptText)")
        }
        let notice = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 1).first)
        XCTAssertTrue(notice.subject?.hasPrefix("Vraag van een ouder voor jou") ?? false, notice.subject ?? "")
        XCTAssertTrue(notice.text?.contains("Er is geen oordeel nodig") ?? false)
        XCTAssertTrue(notice.text?.contains("ruilen van een dag") ?? false, "the handler gets the question itself")

        try daemon.deliver(complaintMail(from: "ouder2@example.test", name: "Pieter Jansen", subject: "Afscheid",
                                          body: "Hartelijk dank aan alle juffen van BSO Morel voor vier fijne jaren!"),
                           at: "2026-05-04T11:00:00+02:00")
        let thanks = try XCTUnwrap(server.waitForInbox("ouder2", count: 1).first)
        XCTAssertTrue(thanks.subject?.hasPrefix("Dank u wel voor uw compliment") ?? false, thanks.subject ?? "")
        let team = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 2).last)
        XCTAssertEqual(team.subject?.hasPrefix("Compliment van een ouder voor het team"), true, team.subject ?? "")
        XCTAssertFalse(team.text?.contains("oordeel") ?? true, team.text ?? "")
        XCTAssertFalse(team.subject?.contains("in behandeling") ?? true)
        let cases = try daemon.cases()
        XCTAssertEqual(Set(cases.compactMap { $0["kind"] as? String }), ["vraag", "compliment"])
        XCTAssertTrue(cases.allSatisfy { $0["decision_due"] == nil || $0["decision_due"] is NSNull }, "no judgement is due: \(cases)")
        XCTAssertTrue(try server.inbox("kwaliteit").isEmpty)
    }

    func testOnvredeIsAComplaintAndDoubtGoesToTheQualityStaff() throws {
        let daemon = try fixture()
        try daemon.deliver(complaintMail(from: "ouder3@example.test", name: "Fatima El Idrissi", subject: "Onvrede over de wachtlijst",
                                          body: "Al vier maanden staan wij op de wachtlijst van BSO Morel en niemand laat iets weten. Ik ben echt boos."),
                           at: "2026-05-04T10:00:00+02:00")
        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder3", count: 1).first)
        XCTAssertTrue(acknowledgement.subject?.hasPrefix("Wij hebben uw klacht ontvangen") ?? false)
        XCTAssertTrue(acknowledgement.text?.contains("Uiterlijk maandag 15 juni 2026") ?? false, acknowledgement.text ?? "")

        try daemon.deliver(complaintMail(from: "ouder4@example.test", name: "Joost Bakker", subject: "Bedankt",
                                          body: "Bedankt voor niets. Mijn zoon is bij BSO Morel alweer vergeten bij school."),
                           at: "2026-05-04T12:00:00+02:00")
        XCTAssertTrue(try server.waitForInbox("ouder4", count: 1).first?.subject?.hasPrefix("Wij hebben uw klacht ontvangen") ?? false)
        let review = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).first)
        XCTAssertTrue(review.subject?.hasPrefix("Klacht of niet?") ?? false, review.subject ?? "")
        XCTAssertTrue(review.text?.contains("#soort vraag") ?? false)
        let cases = try daemon.cases()
        XCTAssertEqual(cases.map { $0["kind"] as? String }, ["klacht", "klacht"])
        XCTAssertEqual(cases.first { ($0["complainant"] as? String) == "ouder4@example.test" }?["flags"] as? [String], ["kind-doubt"])
        XCTAssertEqual(cases.first { ($0["complainant"] as? String) == "ouder3@example.test" }?["flags"] as? [String], [])
    }

    func testAcknowledgementNamesTheHandlerAWorkingDayAndTheRegimesBodies() throws {
        let daemon = try fixture()
        // Sunday 6 December 2026: six weeks end on Sunday 17 January 2027.
        let sunday = "2026-12-06T20:00:00+01:00"
        try daemon.deliver(complaintMail(from: "ouder5@example.test", name: "Sanne de Vries", subject: "Klacht BSO Zonnebloem",
                                          body: "Bij BSO Zonnebloem is de overdracht met school weer misgegaan."), at: sunday)
        try daemon.deliver(complaintMail(from: "ouder6@example.test", name: "Eva Smit", subject: "Klacht KDV De Boomgaard",
                                          body: "Bij KDV De Boomgaard kreeg mijn zoon de verkeerde medicatie niet op tijd."), at: sunday)
        try daemon.deliver(complaintMail(from: "ouder7@example.test", name: "Ahmed Yilmaz", subject: "Klacht Jeugdhuis",
                                          body: "Het Jeugdhuis heeft het gesprek over mijn dochter twee keer afgezegd."), at: sunday)

        let childcare = try XCTUnwrap(server.waitForInbox("ouder5", count: 1).first?.text)
        XCTAssertTrue(childcare.contains("Anna de Wit, locatiemanager van Zonnebloem"), childcare)
        XCTAssertTrue(childcare.contains("040-1234567"))
        XCTAssertTrue(childcare.contains("Uiterlijk vrijdag 15 januari 2027"), "the working day before Sunday 17 January:\n\(childcare)")
        XCTAssertFalse(childcare.contains("zondag 17 januari"))
        XCTAssertTrue(childcare.contains("Klachtenloket Kinderopvang"))

        let care = try XCTUnwrap(server.waitForInbox("ouder6", count: 1).first?.text)
        XCTAssertTrue(care.contains("behandelaar2@example.test"), "no name configured: the handler's address")
        XCTAssertTrue(care.contains("klachtenfunctionaris"))
        XCTAssertFalse(care.contains("Klachtenloket Kinderopvang") || care.contains("Geschillencommissie Kinderopvang"), care)

        let youth = try XCTUnwrap(server.waitForInbox("ouder7", count: 1).first?.text)
        XCTAssertTrue(youth.contains("www.akj.nl, info@akj.nl, telefoon 088-5551011"), youth)
        XCTAssertFalse(youth.contains("Klachtenloket Kinderopvang"))

        let handler = try server.waitForInbox("behandelaar2", count: 1)
        let careAssignment = try XCTUnwrap(handler.first?.text)
        XCTAssertTrue(careAssignment.contains("Wkkgz"), careAssignment)
        XCTAssertFalse(careAssignment.contains("kan niet worden verlengd"), "the Wkkgz allows one extension")
        let detail = try daemon.caseDetail("KL-2026-0001")
        XCTAssertEqual(detail["decision_due"] as? String, "2027-01-15")
    }

    func testAComplaintAboutTheHandlerGoesToManagementWhichIsRemindedAndAssignsWithTheAttachments() throws {
        let daemon = try fixture()
        let photo = [UInt8](repeating: 0xA5, count: 3000)
        let scan = [UInt8](repeating: 0x5A, count: 30000)
        try daemon.deliver(iPhoneMail(from: "ouder8@example.test", name: "Lotte Visser", subject: "Klacht over de locatiemanager",
                                      body: "Anna de Wit van BSO Zonnebloem sprak mij bij het ophalen onvriendelijk aan, waar andere ouders bij stonden.",
                                      attachments: [("IMG_0412.jpg", "image/jpeg", photo), ("Brief aan Anna.pdf", "application/pdf", scan)]),
                           at: "2026-05-04T10:00:00+02:00")
        XCTAssertTrue(try server.waitForInbox("ouder8", count: 1).first?.text?.contains("Wij kiezen zo snel mogelijk wie uw klacht behandelt. Die neemt dan contact met u op.") ?? false)
        let request = try XCTUnwrap(server.waitForInbox("directie", count: 1).first)
        XCTAssertTrue(request.subject?.hasPrefix("Behandelaar aanwijzen") ?? false, request.subject ?? "")
        XCTAssertTrue(request.text?.contains("noemt de behandelaar van de locatie zelf") ?? false, request.text ?? "")
        XCTAssertTrue(try server.inbox("behandelaar3").isEmpty, "the complaint is about her: she does not get it")
        let reference = "KL-2026-0001"
        XCTAssertNil(try daemon.caseDetail(reference)["handler"] as? String)

        // The next working day management is reminded, once.
        XCTAssertTrue(try daemon.tick(at: "2026-05-05T09:00:00+02:00").contains { $0.contains("assign-reminder:2026-05-05") })
        let reminder = try XCTUnwrap(server.waitForInbox("directie", count: 2).last)
        XCTAssertTrue(reminder.text?.contains("Herinnering: Deze klacht van maandag 4 mei 2026 heeft nog geen behandelaar") ?? false,
                      reminder.text ?? "")

        // Management appoints a handler by replying; the assignment mail carries what fits and names the rest.
        let replyTo = try XCTUnwrap(request.replyTo.first?.address)
        let id = request.messageID ?? ""
        let reply = [
            "From: directie@example.test", "To: \(replyTo)", "Subject: Re: \(request.subject ?? "")",
            "Date: Tue, 05 May 2026 10:00:00 +0200", "Message-ID: <\(UUID().uuidString)@example.test>",
            "In-Reply-To: <\(id)>", "References: <\(id)>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ].joined(separator: "\r\n") + "\r\n\r\n#toewijzen behandelaar1@example.test\r\n\r\nWil jij dit oppakken?\r\n"
        try daemon.deliver(reply, at: "2026-05-05T10:00:00+02:00")
        let assignment = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 1).first)
        XCTAssertTrue(assignment.subject?.contains(reference) ?? false)
        XCTAssertTrue(assignment.text?.contains("onvriendelijk aan") ?? false)
        XCTAssertEqual(assignment.attachments.map(\.filename), ["IMG_0412.jpg"])
        XCTAssertEqual(assignment.attachments.first?.data, photo)
        XCTAssertTrue(assignment.text?.contains("Brief aan Anna.pdf (30 kB): niet bijgevoegd") ?? false, assignment.text ?? "")
        XCTAssertEqual(try daemon.caseDetail(reference)["handler"] as? String, "behandelaar1@example.test")

        XCTAssertFalse(try daemon.tick(at: "2026-05-06T09:00:00+02:00").contains { $0.contains("assign-reminder") },
                       "assigned: management is not reminded again")
        XCTAssertTrue(try server.inbox("behandelaar3").isEmpty)
    }

    func testAQuestionTurnedIntoAComplaintStartsTheProcedure() throws {
        let daemon = try fixture()
        try daemon.deliver(complaintMail(from: "ouder9@example.test", name: "Noor de Jong", subject: "Vraag over de factuur",
                                          body: "Waarom staat er in april een extra dag op de factuur van BSO Morel?"),
                           at: "2026-05-09T10:00:00+02:00")
        try server.waitForInbox("ouder9", count: 1)
        XCTAssertEqual(try daemon.cases().first?["kind"] as? String, "vraag")
        let result = try daemon.klachtd(["case", "KL-2026-0001", "kind", "klacht"])
        XCTAssertEqual(result.status, 0, result.error)
        let letters = try server.waitForInbox("ouder9", count: 2)
        let acknowledgement = try XCTUnwrap(letters.last)
        XCTAssertTrue(acknowledgement.subject?.hasPrefix("Wij hebben uw klacht ontvangen") ?? false, acknowledgement.subject ?? "")
        // Received Saturday 9 May: six weeks end on Saturday 20 June; the parent is told Friday 19 June.
        XCTAssertTrue(acknowledgement.text?.contains("Uiterlijk vrijdag 19 juni 2026") ?? false, acknowledgement.text ?? "")
        XCTAssertEqual(try daemon.caseDetail("KL-2026-0001")["decision_due"] as? String, "2026-06-19")
    }

    func testALetterMissingAValueIsHeldAndTheQualityStaffAreTold() throws {
        // An organisation's own acknowledgement that names the handler's phone, for a location without one.
        let templates = NSTemporaryDirectory() + "klachtd-tpl-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Templates").standardized.path
        try FileManager.default.copyItem(atPath: shipped, toPath: templates)
        let file = templates + "/nl/acknowledgement.txt"
        let own = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: "Wie behandelt uw klacht?\n", with: "Wie behandelt uw klacht?\nBel gerust: {{handler.phone}}.\n")
        try own.write(toFile: file, atomically: true, encoding: .utf8)
        let daemon = try fixture(templates: templates)
        try daemon.deliver(complaintMail(from: "ouder1@example.test", name: "Sanne de Vries", subject: "Klacht BSO Morel",
                                          body: "Bij BSO Morel werd mijn dochter te laat opgehaald."), at: "2026-05-04T10:00:00+02:00")
        let notice = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).first)
        XCTAssertTrue(notice.subject?.hasPrefix("Niet verstuurd, gegeven ontbreekt: acknowledgement") ?? false, notice.subject ?? "")
        XCTAssertTrue(notice.text?.contains("handler.phone") ?? false, notice.text ?? "")
        try server.waitForInbox("behandelaar1", count: 1)
        XCTAssertTrue(try server.inbox("ouder1").isEmpty, "no letter with a hole reaches the parent")
        let events = try XCTUnwrap(try daemon.caseDetail("KL-2026-0001")["events"] as? [[String: Any]])
        XCTAssertTrue(events.contains { ($0["action"] as? String) == "mail not written" }, "\(events)")
    }

    /// A mail as an iPhone sends it with attachments: multipart/mixed, base64 parts with their names.
    private func iPhoneMail(from: String, name: String, subject: String, body: String,
                            attachments: [(String, String, [UInt8])]) -> String {
        let boundary = "Apple-Mail-\(UUID().uuidString)"
        var lines = [
            "From: \(name) <\(from)>", "To: klachten@example.test", "Subject: \(subject)",
            "Date: Mon, 04 May 2026 09:58:00 +0200", "Message-Id: <\(UUID().uuidString)@icloud.com>",
            "Mime-Version: 1.0 (1.0)", "X-Mailer: iPhone Mail (21E236)",
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body, "",
        ]
        for (filename, type, data) in attachments {
            lines += ["--\(boundary)", "Content-Type: \(type); name=\"\(filename)\"",
                      "Content-Disposition: attachment; filename=\"\(filename)\"", "Content-Transfer-Encoding: base64", "",
                      Data(data).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]), ""]
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension KindsRegimesAndAssignmentTests {
    func testAComplimentTurnedIntoAComplaintIsOpenAgain() throws {
        let daemon = try fixture()
        try daemon.deliver(complaintMail(from: "ouder2@example.test", name: "Pieter Jansen", subject: "Compliment",
                                          body: "Wat een fijne juffen bij BSO Morel."), at: "2026-05-04T10:00:00+02:00")
        try server.waitForInbox("ouder2", count: 1)
        XCTAssertEqual(try daemon.cases().first?["state"] as? String, "not_a_complaint")
        XCTAssertEqual(try daemon.klachtd(["case", "KL-2026-0001", "kind", "klacht"]).status, 0)
        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder2", count: 2).last)
        XCTAssertTrue(acknowledgement.text?.contains("Uiterlijk maandag 15 juni 2026") ?? false, acknowledgement.text ?? "")
        let detail = try daemon.caseDetail("KL-2026-0001")
        XCTAssertEqual(detail["state"] as? String, "acknowledged")
        XCTAssertEqual(detail["decision_due"] as? String, "2026-06-15")
        XCTAssertTrue(try server.waitForInbox("behandelaar1", count: 2).last?.subject?.hasPrefix("Nieuwe klacht voor jou in behandeling") ?? false)
    }
}
