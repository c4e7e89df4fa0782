import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 16: who the complainant is when colleagues forward or copy the complaints address, on the real servers.
final class OwnMailIntakeTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    /// Outlook (Dutch) forwarding a parent's mail: multipart/alternative, the underscore line and the "Van:" block.
    func outlookForward(from manager: String) -> String {
        let plain = """
            Hoi,\r
            \r
            Zie onderstaande mail van een ouder. Kunnen jullie dit als klacht oppakken?\r
            \r
            Met vriendelijke groet,\r
            Marieke Jansen\r
            Locatiemanager BSO Morel\r
            \r
            ________________________________\r
            Van: Vries, Anouk de <ouder1@example.test>\r
            Verzonden: maandag 2 november 2026 21:47\r
            Aan: Marieke Jansen <\(manager)>\r
            Onderwerp: Daan stond alleen buiten\r
            \r
            Beste Marieke,\r
            \r
            Afgelopen vrijdag stond Daan om 18:20 alleen buiten het hek van BSO Morel. Niemand wist waar hij was.\r
            \r
            Groet,\r
            Anouk de Vries\r
            """
        return """
            From: Marieke Jansen <\(manager)>\r
            To: Klachten <klachten@example.test>\r
            Subject: FW: Daan stond alleen buiten\r
            Date: Mon, 16 Nov 2026 09:03:11 +0000\r
            Message-ID: <AM9PR02MB7356F1E2C3D4@AM9PR02MB7356.eurprd02.prod.outlook.example.test>\r
            Thread-Topic: Daan stond alleen buiten\r
            Thread-Index: AQHbOWq1yQk3JtBvQkq0dJ6oYtOa1Q==\r
            Accept-Language: nl-NL, en-US\r
            Content-Language: nl-NL\r
            X-MS-Has-Attach:\r
            MIME-Version: 1.0\r
            Content-Type: multipart/alternative; boundary="_000_AM9PR02MB7356_"\r
            \r
            --_000_AM9PR02MB7356_\r
            Content-Type: text/plain; charset="iso-8859-1"\r
            Content-Transfer-Encoding: 8bit\r
            \r
            \(plain)\r
            \r
            --_000_AM9PR02MB7356_\r
            Content-Type: text/html; charset="iso-8859-1"\r
            Content-Transfer-Encoding: 8bit\r
            \r
            <html><body><p>Hoi,</p><p>Zie onderstaande mail van een ouder.</p></body></html>\r
            \r
            --_000_AM9PR02MB7356_--\r
            """
    }

    func testAnOutlookForwardFromAManagerBecomesTheParentsCaseDatedWhenTheParentWrote() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "")
        let manager = "behandelaar3@example.test"
        // The manager is staff through the [organisation] staff key, added to the organisation section.
        let config = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
            .replacingOccurrences(of: "language = nl\n", with: "language = nl\nstaff = \(manager)\n")
        try config.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: manager, to: ["klachten@example.test"], outlookForward(from: manager))

        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder1", count: 1).first)
        XCTAssertTrue(acknowledgement.text?.contains("Anouk de Vries") ?? false, acknowledgement.text ?? "")
        let cases = try daemon.cases()
        XCTAssertEqual(cases.count, 1)
        XCTAssertEqual(cases.first?["complainant"] as? String, "ouder1@example.test")
        XCTAssertEqual(cases.first?["location"] as? String, "Morel")
        XCTAssertEqual(cases.first?["received_at"] as? String, "2026-11-02T20:47:00Z", "the parent's own date, not the forward's")
        let reference = try XCTUnwrap(cases.first?["reference"] as? String)
        let detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["complainant_name"] as? String, "Anouk de Vries")
        XCTAssertEqual(detail["subject"] as? String, "Daan stond alleen buiten")
        let events = try XCTUnwrap(detail["events"] as? [[String: Any]])
        XCTAssertTrue(events.contains { $0["action"] as? String == "passed on by staff" && $0["actor"] as? String == manager })
        let messages = try XCTUnwrap(detail["messages"] as? [[String: Any]])
        XCTAssertTrue((messages.first?["text"] as? String)?.hasPrefix("Beste Marieke,") ?? false)
        // The handler's assignment notice about this case, by its subject: in the full run another
        // mail may reach the handler's inbox first, and the case is dated when the parent wrote
        // (2 November 2026), so once that is weeks ago a term reminder about it may come first too.
        let handlerNotice = try XCTUnwrap(server.waitForMail("behandelaar1") { $0.subject?.contains("in behandeling [\(reference)]") ?? false })
        XCTAssertTrue(handlerNotice.text?.contains("18:20 alleen buiten") ?? false, "\(handlerNotice.subject ?? "") \(handlerNotice.text ?? "")")
        XCTAssertTrue(try server.inbox("behandelaar3").isEmpty, "the forwarder is not acknowledged as a complainant")
    }

    func testAStaffMailWithTheComplaintsAddressInCcOpensNoCaseAndIsShownToTheQualityStaff() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        // The handler (staff without being listed) answers a parent and copies the complaints address, from Outlook.
        let mail = """
            From: Behandelaar Morel <behandelaar1@example.test>\r
            To: Anouk de Vries <ouder1@example.test>\r
            CC: Klachten <klachten@example.test>\r
            Subject: RE: Daan stond alleen buiten\r
            Date: Mon, 16 Nov 2026 10:14:02 +0000\r
            Message-ID: <AM9PR02MB7356AA11@AM9PR02MB7356.eurprd02.prod.outlook.example.test>\r
            Thread-Index: AQHbOWq1yQk3JtBvQkq0dJ6oYtOa1QAAbcde\r
            Content-Language: nl-NL\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset="us-ascii"\r
            Content-Transfer-Encoding: 7bit\r
            \r
            Beste Anouk,\r
            \r
            Dank je voor je bericht. Ik bel je vanmiddag om het te bespreken.\r
            \r
            Groet,\r
            Behandelaar Morel\r
            """
        try server.send(from: "behandelaar1@example.test", to: ["ouder1@example.test", "klachten@example.test"], mail)
        let notice = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).first)
        XCTAssertTrue(notice.text?.contains("Ik bel je vanmiddag") ?? false, notice.text ?? "")
        XCTAssertTrue(notice.text?.contains("behandelaar1@example.test") ?? false)
        Thread.sleep(forTimeInterval: 2)
        XCTAssertEqual(try daemon.cases().count, 0, "no case from our own colleague")
        XCTAssertEqual(try server.inbox("behandelaar1").count, 0, "never answered")
        XCTAssertEqual(try server.inbox("ouder1").count, 1, "the parent has the handler's mail and nothing from klachtd")
        XCTAssertEqual(try server.inbox("klachten").count, 1, "the message is kept in the mailbox")
    }

    func testAMailFromTheComplaintsAddressItselfOpensNoCase() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "klachten@example.test", to: ["klachten@example.test"], complaintMail(
            from: "klachten@example.test", name: "Klachten De Vlinder", subject: "Test vanuit de gedeelde mailbox", body: "Test."))
        let notice = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).first)
        XCTAssertTrue(notice.text?.contains("klachtenadres zelf") ?? false)
        XCTAssertEqual(try daemon.cases().count, 0)
    }

    func testAReplyFromTheParentsOtherAddressJoinsTheCaseAndThatAddressGetsNothing() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "ouder1@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder1@example.test", name: "Anouk de Vries", subject: "Klacht BSO Morel",
            body: "Daan stond om 18:20 alleen buiten het hek van BSO Morel."))
        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder1", count: 1).first)
        XCTAssertEqual(try server.waitForInbox("behandelaar1", count: 1).count, 1)
        let reference = try XCTUnwrap(daemon.cases().first?["reference"] as? String)

        // From her work address in Outlook: "surname, given name", our Message-ID in the thread, the tag in the subject.
        let reply = """
            From: "Vries, Anouk de" <ouder2@example.test>\r
            To: Klachten <klachten@example.test>\r
            Subject: RE: \(acknowledgement.subject ?? "")\r
            Date: Tue, 17 Nov 2026 11:02:45 +0000\r
            Message-ID: <DB9PR10MB1234C0FFEE@DB9PR10MB1234.eurprd10.prod.outlook.example.test>\r
            In-Reply-To: <\(acknowledgement.messageID ?? "")>\r
            References: <\(acknowledgement.messageID ?? "")>\r
            Thread-Index: AQHbOXXXyQk3JtBvQkq0dJ6oYtOa1Q==\r
            Content-Language: nl-NL\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset="us-ascii"\r
            Content-Transfer-Encoding: 7bit\r
            \r
            Ik ben overdag beter bereikbaar op dit adres of op 06-12345678.\r
            \r
            -----Oorspronkelijk bericht-----\r
            Van: Klachten <klachten@example.test>\r
            Verzonden: maandag 16 november 2026 09:12\r
            Aan: Anouk de Vries <ouder1@example.test>\r
            Onderwerp: \(acknowledgement.subject ?? "")\r
            \r
            Wij hebben uw klacht ontvangen.\r
            """
        try server.send(from: "ouder2@example.test", to: ["klachten@example.test"], reply)

        let notice = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 2).last)
        XCTAssertTrue(notice.subject?.contains("ander adres") ?? false, notice.subject ?? "")
        XCTAssertTrue(notice.text?.contains("06-12345678") ?? false)
        XCTAssertTrue(notice.text?.contains("ouder2@example.test") ?? false)
        Thread.sleep(forTimeInterval: 2)
        XCTAssertEqual(try daemon.cases().count, 1, "the reply joined the case instead of opening one")
        XCTAssertEqual(try server.inbox("ouder2").count, 0, "the other address gets nothing about the case")
        let messages = try XCTUnwrap(daemon.caseDetail(reference)["messages"] as? [[String: Any]])
        XCTAssertTrue(messages.contains { $0["role"] as? String == "other-address" })

        // The handler called her and confirms the address (by mail `#adres`, here at the command line).
        let confirm = try daemon.klachtd(["case", reference, "address", "ouder2@example.test"])
        XCTAssertEqual(confirm.status, 0, confirm.error + confirm.output)
        XCTAssertEqual(try daemon.cases().first?["complainant"] as? String, "ouder2@example.test", "mail about the case now goes there")
    }

    func testAParentWhoWritesInEnglishGetsTheEnglishAcknowledgementAndTheHandlerStaysDutch() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "ouder3@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder3@example.test", name: "Emma Clarke", subject: "Complaint about BSO Morel",
            body: "Dear team,\n\nOur daughter was not picked up from school on Tuesday and nobody told us. We are very worried.\n\nKind regards,\nEmma Clarke"))
        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder3", count: 1).first)
        XCTAssertTrue(acknowledgement.text?.contains("Dear") ?? false, acknowledgement.text ?? "")
        XCTAssertFalse(acknowledgement.text?.contains("Beste ") ?? true)
        let notice = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 1).first)
        XCTAssertTrue(notice.text?.contains("Beste collega") ?? false, "staff mail stays in the location's language")
    }

    func testAParentForwardingTheirOwnEarlierMailKeepsTheForwardedComplaintOnTheCase() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        // Apple Mail on a Mac: "Fwd:", References to the parent's own earlier mail (sent to the location), the original quoted.
        let mail = """
            From: Sanne Bakker <ouder4@example.test>\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))\r
            Subject: Fwd: Eten op de groep\r
            Date: Mon, 16 Nov 2026 21:03:55 +0100\r
            References: <4F2A9C1E-77B0-4C55-9E0A-3D1B2C3D4E5F@ouders.example.test>\r
            To: klachten@example.test\r
            Message-Id: <8C1D2E3F-1111-4A2B-9C3D-ABCDEF012345@ouders.example.test>\r
            X-Mailer: Apple Mail (2.3774.600.62)\r
            \r
            Hierbij mijn klacht nogmaals, de locatie reageert niet.\r
            \r
            > Begin doorgestuurd bericht:\r
            >=20\r
            > Van: Sanne Bakker <ouder4@example.test>\r
            > Onderwerp: Eten op de groep\r
            > Datum: 2 november 2026 om 20:14:31 CET\r
            > Aan: morel@example.test\r
            >=20\r
            > Beste team van BSO Morel,\r
            >=20\r
            > Mijn zoon krijgt al weken geen warme maaltijd terwijl wij daarvoor betalen.\r
            """
        try server.send(from: "ouder4@example.test", to: ["klachten@example.test"], mail)
        XCTAssertEqual(try server.waitForInbox("ouder4", count: 1).count, 1)
        let reference = try XCTUnwrap(daemon.cases().first?["reference"] as? String)
        let messages = try XCTUnwrap(daemon.caseDetail(reference)["messages"] as? [[String: Any]])
        let opening = try XCTUnwrap(messages.first { $0["direction"] as? String == "in" }?["text"] as? String)
        XCTAssertTrue(opening.contains("geen warme maaltijd"), "the case holds the forwarded complaint: \(opening)")
        XCTAssertTrue(opening.contains("de locatie reageert niet"))
    }
}
