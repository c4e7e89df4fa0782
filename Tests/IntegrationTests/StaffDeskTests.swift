import Foundation
import MailParser
import MailTransport
import XCTest
import TestMailSupport

/// Issue 20: the quality officer's desk by mail, on the real Dovecot and Postfix.
final class StaffDeskTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    /// A mail from the quality officer's Outlook to `to`, with `body` as its text.
    func officerMail(to: String, subject: String, body: String, from: String = "kwaliteit@example.test",
                     inReplyTo: String? = nil, extraHeaders: [String] = []) -> String {
        var headers = extraHeaders + [
            "From: Sanne Bakker <\(from)>", "To: \(to)", "Subject: \(subject)", "Date: Mon, 16 Nov 2026 10:00:00 +0100",
            "Message-ID: <\(UUID().uuidString)@AM9PR02MB7356.eurprd02.prod.outlook.example.test>",
            "Content-Language: nl-NL", "MIME-Version: 1.0", "Content-Type: text/plain; charset=\"utf-8\"", "Content-Transfer-Encoding: 8bit",
        ]
        if let inReplyTo { headers += ["In-Reply-To: <\(inReplyTo)>", "References: <\(inReplyTo)>"] }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }

    /// The quality officer's inbox: waits for `count` mails; the newest last.
    func qualityMails(_ count: Int) throws -> [ParsedMessage] {
        try server.waitForInbox("kwaliteit", count: count, timeout: 30)
    }

    /// Waits for a mail in the quality officer's inbox that `matches`.
    func qualityMail(timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line,
                     _ matches: (ParsedMessage) -> Bool) throws -> ParsedMessage {
        guard let found = try server.waitForMail("kwaliteit", timeout: timeout, file: file, line: line, where: matches) else {
            throw XCTSkip("no mail")
        }
        return found
    }

    /// Outlook (Dutch) forwarding a parent's mail with `#namens` on top: multipart/alternative, the "Van:" block.
    func outlookForward(to desk: String) -> String {
        let plain = """
            #namens\r
            \r
            Zie onderstaande mail van een ouder, vandaag bij mij binnengekomen.\r
            \r
            Met vriendelijke groet,\r
            Sanne Bakker\r
            Kwaliteitsmedewerker\r
            \r
            ________________________________\r
            Van: Vries, Anouk de <ouder1@example.test>\r
            Verzonden: maandag 2 november 2026 21:47\r
            Aan: Sanne Bakker <kwaliteit@example.test>\r
            Onderwerp: Daan stond alleen buiten\r
            \r
            Beste Sanne,\r
            \r
            Afgelopen vrijdag stond Daan om 18:20 alleen buiten het hek van BSO Morel. Niemand wist waar hij was.\r
            \r
            Groet,\r
            Anouk de Vries\r
            """
        return """
            From: Sanne Bakker <kwaliteit@example.test>\r
            To: \(desk)\r
            Subject: FW: Daan stond alleen buiten\r
            Date: Mon, 16 Nov 2026 09:03:11 +0000\r
            Message-ID: <AM9PR02MB7356F1E2C3D5@AM9PR02MB7356.eurprd02.prod.outlook.example.test>\r
            Thread-Topic: Daan stond alleen buiten\r
            Thread-Index: AQHbOWq1yQk3JtBvQkq0dJ6oYtOa1R==\r
            Accept-Language: nl-NL, en-US\r
            Content-Language: nl-NL\r
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
            <html><body><p>#namens</p><p>Zie onderstaande mail van een ouder.</p></body></html>\r
            \r
            --_000_AM9PR02MB7356_--\r
            """
    }

    /// The raw bytes of the mails in a user's INBOX, oldest first (for the HTML checks).
    func rawInbox(_ user: String) throws -> [[UInt8]] {
        let imap = try IMAPConnection(endpoint: server.imap(user))
        defer { imap.logout() }
        _ = try imap.select("INBOX")
        return try imap.fetch(uids: try imap.uidsAbove(0)).map(\.bytes)
    }

    /// The desk address from a staff mail's Reply-To.
    func deskAddress(_ mail: ParsedMessage, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let address = try XCTUnwrap(mail.replyTo.first?.address, "a staff mail carries the desk address", file: file, line: line)
        XCTAssertTrue(address.hasPrefix("klachten+staff."), address, file: file, line: line)
        return address
    }

    func testAForgedQualityAddressGetsNothingAndTheRealOfficerCommandsByReplying() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "ouder1@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder1@example.test", name: "Anouk de Vries", subject: "Daan stond alleen buiten bij BSO Morel",
            body: "Beste lezer,\n\nVrijdag stond Daan om 18:20 alleen buiten het hek van BSO Morel.\n\nAnouk de Vries"))
        try server.waitForInbox("ouder1", count: 1)
        let reference = try XCTUnwrap(try daemon.cases().first?["reference"] as? String)

        // Anyone can write From: kwaliteit@; without the desk token it runs nothing and answers nobody.
        try server.send(from: "kwaliteit@example.test", to: ["klachten@example.test"],
                        officerMail(to: "klachten@example.test", subject: "overzicht", body: "#zaken open"))
        let notice = try XCTUnwrap(try qualityMails(1).last)
        XCTAssertTrue(notice.subject?.hasPrefix("Bericht zonder dossier") ?? false, notice.subject ?? "")
        XCTAssertTrue(notice.text?.contains("niet kon worden bevestigd") ?? false, notice.text ?? "")
        // A wrong token is no better.
        try server.send(from: "kwaliteit@example.test", to: ["klachten+staff.0123456789abcdef@example.test"],
                        officerMail(to: "klachten+staff.0123456789abcdef@example.test", subject: "overzicht", body: "#zaak \(reference)"))
        let second = try qualityMails(2)
        Thread.sleep(forTimeInterval: 3)
        XCTAssertEqual(try server.inbox("kwaliteit").count, 2)
        XCTAssertFalse(second.contains { $0.subject?.hasPrefix("Dossier") ?? false }, "no table, no case file for a forged sender")

        // The real officer replies to the notice: its Reply-To carries her token.
        let desk = try deskAddress(notice)
        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(
            to: desk, subject: "RE: \(notice.subject ?? "")", body: "#zaken open\n\nMet vriendelijke groet,\nSanne", inReplyTo: notice.messageID))
        let table = try XCTUnwrap(try qualityMails(3).last)
        XCTAssertEqual(table.subject, "Dossiers: openstaand (1)")
        XCTAssertTrue(table.text?.contains("[\(reference)] Morel") ?? false, table.text ?? "")
        XCTAssertTrue(table.text?.contains("volgende termijn: eerste contact uiterlijk") ?? false, table.text ?? "")
        let html = try XCTUnwrap(table.html, "the table comes with an HTML version")
        XCTAssertTrue(html.contains("<b>\(reference)</b>"), html)
        XCTAssertTrue(html.contains("bgcolor=\"#d9ead3\"") || html.contains("bgcolor=\"#fce8b2\""), "the term is coloured by urgency")
        XCTAssertEqual(try deskAddress(table), desk, "the reply carries the desk address again")
        XCTAssertEqual(try server.inbox("directie").count, 0, "replies go only to the verified sender")

        // The whole case as one mail.
        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(to: desk, subject: "dossier", body: "#zaak \(reference)"))
        let file = try XCTUnwrap(try qualityMails(4).last)
        XCTAssertEqual(file.subject, "Dossier \(reference): Daan stond alleen buiten bij BSO Morel")
        let text = file.text ?? ""
        XCTAssertTrue(text.contains("Indiener:     Anouk de Vries <ouder1@example.test>"), text)
        XCTAssertTrue(text.contains("Oordeel: uiterlijk"), text)
        XCTAssertTrue(text.contains("alleen buiten het hek van BSO Morel"), "the parent's message as text")
        XCTAssertTrue(text.contains("verstuurd aan ouder"), "the acknowledgement that went out")
        XCTAssertTrue(text.contains("case opened"), "the timeline")

        // #help, and a command that cannot be read.
        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(to: desk, subject: "help", body: "#help"))
        XCTAssertTrue(try qualityMails(5).last?.text?.contains("#nieuw") ?? false)
        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(to: desk, subject: "x", body: "#zaak KL-2026-9999"))
        XCTAssertTrue(try qualityMails(6).last?.text?.contains("Er is geen dossier KL-2026-9999.") ?? false)

        // A flood of forgeries: kept, but only three notices a day reach the quality staff.
        for number in 1...4 {
            try server.send(from: "kwaliteit@example.test", to: ["klachten@example.test"],
                            officerMail(to: "klachten@example.test", subject: "vervalst \(number)", body: "#zaken"))
        }
        try daemon.waitUntil("the four forgeries are kept") {
            daemon.log().components(separatedBy: "an unverified staff command").count - 1 >= 6
        }
        Thread.sleep(forTimeInterval: 3)
        XCTAssertEqual(try server.inbox("kwaliteit").filter { $0.subject?.hasPrefix("Bericht zonder dossier") ?? false }.count, 3,
                       "two earlier today, one of the four now")
    }

    func testNewPhoneComplaintsWithAndWithoutAnAddressAndAForwardOnBehalfOfAParent() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        // A desk address: the notice for a first, unverified command gives the officer hers.
        try server.send(from: "kwaliteit@example.test", to: ["klachten@example.test"],
                        officerMail(to: "klachten@example.test", subject: "hulp", body: "#help"))
        let desk = try deskAddress(try XCTUnwrap(try qualityMails(1).last))

        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(to: desk, subject: "Telefonische klacht BSO Morel", body: """
            #nieuw
            Naam: Petra Jansen
            E-mail: ouder5@example.test
            Telefoon: 06-12345678
            Locatie: Morel
            Ontvangen: 12-11-2026 14:30

            Mevrouw Jansen belde: haar dochter kreeg twee weken achter elkaar geen fruit bij de BSO.
            """))
        let acknowledgement = try XCTUnwrap(try server.waitForInbox("ouder5", count: 1, timeout: 30).first)
        XCTAssertTrue(acknowledgement.text?.contains("Petra Jansen") ?? false, acknowledgement.text ?? "")
        let registered = try qualityMail { $0.subject?.hasPrefix("Geregistreerd:") ?? false }
        XCTAssertTrue(registered.text?.contains("De ouder krijgt de ontvangstbevestiging per e-mail.") ?? false, registered.text ?? "")
        var cases = try daemon.cases()
        let phone = try XCTUnwrap(cases.first { $0["complainant"] as? String == "ouder5@example.test" })
        XCTAssertEqual(phone["received_at"] as? String, "2026-11-12T13:30:00Z", "Ontvangen: drives the terms")
        XCTAssertEqual(phone["location"] as? String, "Morel")
        XCTAssertEqual(phone["decision_due"] as? String, "2026-12-24", "six weeks from 12 November")
        // The assignment, not a term reminder: the case is dated 12 November, weeks ago by now.
        let assignment = try XCTUnwrap(server.waitForMail("behandelaar1") { $0.subject?.contains("in behandeling [") ?? false })
        XCTAssertTrue(assignment.text?.contains("geen fruit") ?? false)

        // On paper, no e-mail address: the case is made, nobody is mailed but staff.
        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(to: desk, subject: "#nieuw", body: """
            #nieuw
            Naam: Henk de Boer
            Telefoon: 010-1234567
            Locatie: De Boomgaard
            Ontvangen: 2026-11-10

            Brief van de heer De Boer: de groep van zijn zoon had drie dagen geen vaste leidster.
            """))
        try daemon.waitUntil("the paper complaint is a case") { try daemon.cases().count == 2 }
        cases = try daemon.cases()
        let paper = try XCTUnwrap(cases.first { $0["location"] as? String == "De Boomgaard" })
        XCTAssertNil(paper["complainant"] as? String, "no address")
        XCTAssertEqual(paper["location"] as? String, "De Boomgaard")
        XCTAssertEqual(paper["received_at"] as? String, "2026-11-10T11:00:00Z")
        let paperRegistered = try qualityMail { ($0.subject?.hasPrefix("Geregistreerd:") ?? false) && ($0.text?.contains("Henk de Boer") ?? false) }
        XCTAssertTrue(paperRegistered.text?.contains("Er is geen e-mailadres van de ouder bekend") ?? false, paperRegistered.text ?? "")

        // #namens on top of a forwarded Outlook mail: the parent is the complainant, dated when she wrote.
        try server.send(from: "kwaliteit@example.test", to: [desk], outlookForward(to: desk))
        try server.waitForInbox("ouder1", count: 1, timeout: 30)
        try daemon.waitUntil("the forwarded complaint is a case") { try daemon.cases().count == 3 }
        let forwarded = try XCTUnwrap(try daemon.cases().first { $0["complainant"] as? String == "ouder1@example.test" })
        XCTAssertEqual(forwarded["received_at"] as? String, "2026-11-02T20:47:00Z")
        XCTAssertEqual(forwarded["subject"] as? String, "Daan stond alleen buiten")

        // And from Gmail: its "Forwarded message" block, the parent's date in Gmail's English wording.
        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(to: desk, subject: "Fwd: Luiers niet verschoond", body: """
            #namens

            ---------- Forwarded message ---------
            From: Petra de Wit <ouder6@example.test>
            Date: Mon, Nov 9, 2026 at 8:15 AM
            Subject: Luiers niet verschoond
            To: <kwaliteit@example.test>

            Bij KDV De Boomgaard is de luier van onze dochter de hele middag niet verschoond.
            """))
        try server.waitForInbox("ouder6", count: 1, timeout: 30)
        try daemon.waitUntil("the Gmail forward is a case") { try daemon.cases().count == 4 }
        let gmail = try XCTUnwrap(try daemon.cases().first { $0["complainant"] as? String == "ouder6@example.test" })
        XCTAssertEqual(gmail["received_at"] as? String, "2026-11-09T07:15:00Z")
        XCTAssertEqual(gmail["location"] as? String, "De Boomgaard")
    }

    func testTheAnnualReportByReturnAndTheHTMLMailsPassTheValidityCheckAndRenderInChromium() throws {
        let daemon = try DaemonFixture(server: server)
        // One complaint from six weeks ago, delivered as Postfix's pipe would have then: its terms have passed.
        try daemon.deliver(complaintMail(from: "ouder4@example.test", name: "Ouder 4", subject: "Te laat opgehaald bij Morel",
                                         body: "Mijn zoon werd bij Morel niet van school gehaald."), at: "2026-10-19T09:00:00Z")
        try daemon.start()
        defer { daemon.stop() }
        for (index, location) in ["Morel", "Boomgaard", "Morel"].enumerated() {
            try server.send(from: "ouder\(index + 1)@example.test", to: ["klachten@example.test"], complaintMail(
                from: "ouder\(index + 1)@example.test", name: "Ouder \(index + 1)", subject: "Klacht over \(location)",
                body: "Ik ben ontevreden over de opvang bij \(location): de overdracht was rommelig."))
        }
        try daemon.waitUntil("four cases") { try daemon.cases().count == 4 }
        try server.send(from: "kwaliteit@example.test", to: ["klachten@example.test"],
                        officerMail(to: "klachten@example.test", subject: "x", body: "#help"))
        let desk = try deskAddress(try qualityMail { $0.subject?.hasPrefix("Bericht zonder dossier") ?? false })

        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(to: desk, subject: "verslag", body: "#jaarverslag 2026"))
        let report = try qualityMail { $0.subject == "Klachtenjaarverslag 2026" }
        XCTAssertEqual(report.attachments.compactMap(\.filename).sorted(), ["klachtenjaarverslag-2026.html", "klachtenjaarverslag-2026.md"])
        let markdown = String(decoding: try XCTUnwrap(report.attachments.first { $0.filename?.hasSuffix(".md") ?? false }).data, as: UTF8.self)
        XCTAssertTrue(markdown.contains("2026"), markdown)

        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(to: desk, subject: "open", body: "#zaken"))
        let table = try qualityMail { $0.subject?.hasPrefix("Dossiers: openstaand") ?? false }
        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(to: desk, subject: "dossier", body: "#zaak KL-2026-0001"))
        _ = try qualityMail { $0.subject?.hasPrefix("Dossier KL-2026-0001") ?? false }
        XCTAssertTrue(table.html?.contains("bgcolor=\"#f4c7c3\"") ?? false, "the case of October is overdue, in red")
        // The weekly overview: Monday 7 December 2026 08:00 in Amsterdam.
        try daemon.tick(at: "2026-12-07T07:05:00Z")
        let overview = try qualityMail { $0.subject?.hasPrefix("Weekoverzicht") ?? false }
        XCTAssertTrue(overview.text?.contains("- [KL-2026-0001] Morel: ") ?? false, overview.text ?? "")
        XCTAssertTrue(overview.html?.contains("<b>KL-2026-0001</b>") ?? false, "the HTML part has the same facts")

        let raw = try rawInbox("kwaliteit")
        let directory = ProcessInfo.processInfo.environment["KLACHTD_MAIL_OUT"] ?? NSTemporaryDirectory() + "klachtd-desk-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var htmlMails: [String] = []
        for (index, bytes) in raw.enumerated() {
            let parsed = MessageParser.parse(bytes)
            guard parsed.html != nil, let subject = parsed.subject else { continue }
            let name = subject.hasPrefix("Weekoverzicht") ? "weekly-overview" : subject.hasPrefix("Dossiers") ? "cases"
                : subject.hasPrefix("Dossier ") ? "case" : "mail-\(index)"
            let path = "\(directory)/\(name).eml"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            htmlMails.append(path)
        }
        XCTAssertEqual(Set(htmlMails.map { URL(fileURLWithPath: $0).lastPathComponent }), ["weekly-overview.eml", "cases.eml", "case.eml"])
        let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../deploy/scripts").standardized.path
        let check = try Subprocess.run(["python3", scripts + "/check-mail-html.py"] + htmlMails)
        XCTAssertEqual(check.status, 0, check.output + check.error)
        // The check can fail: a remote image, a script and flex layout are refused.
        let bad = directory + "/bad.html"
        try Data("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>x</title></head><body><table><tr><td style=\"display:flex\"><img src=\"http://example.test/a.png\"><script>1</script></td></tr></table></body></html>".utf8)
            .write(to: URL(fileURLWithPath: bad))
        let refused = try Subprocess.run(["python3", scripts + "/check-mail-html.py", bad])
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertTrue(refused.output.contains("<img> is not allowed") && refused.output.contains("<script> is not allowed"), refused.output)
        for mail in htmlMails {
            let png = mail.replacingOccurrences(of: ".eml", with: ".png")
            let shot = try Subprocess.run([scripts + "/mail-screenshot.sh", mail, png])
            XCTAssertEqual(shot.status, 0, shot.output + shot.error)
            let size = ((try? FileManager.default.attributesOfItem(atPath: png))?[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 10_000, "Chromium drew the mail: \(png)")
        }
    }

    /// With `[authentication] authserv_id`, the server's DKIM or SPF pass for the From domain vouches for
    /// the officer without a token; a failing verdict refuses even a right token. The test Postfix adds no
    /// Authentication-Results, so the mails carry the header our server would have written on top.
    func testTheMailServersVerdictVouchesForTheOfficerOrRefusesHer() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[authentication]\nauthserv_id = mail.example.test\nrequire_dkim_or_spf = yes\n")
        try daemon.start()
        defer { daemon.stop() }
        let pass = "Authentication-Results: mail.example.test; dkim=pass header.d=example.test; spf=pass smtp.mailfrom=kwaliteit@example.test"
        try server.send(from: "kwaliteit@example.test", to: ["klachten@example.test"], officerMail(
            to: "klachten@example.test", subject: "kwartaal", body: "#kwartaal 2026Q4", extraHeaders: [pass]))
        let overview = try qualityMail { $0.subject == "Kwartaaloverzicht 2026Q4" }
        XCTAssertEqual(overview.attachments.compactMap(\.filename), ["kwartaaloverzicht-2026Q4.txt"])
        let desk = try deskAddress(overview)

        // The annual report round's dates (engineer 6's recorder) through the same desk.
        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(
            to: desk, subject: "verslag", body: "#jaarverslag-verzonden 2026-05-20 2025\n#oudercommissie 2026-06-03 2025", extraHeaders: [pass]))
        let recorded = try qualityMail { $0.subject == "Vastgelegd: jaarverslag" }
        XCTAssertTrue(recorded.text?.contains("Het jaarverslag 2025 is op woensdag 20 mei 2026 naar de GGD gestuurd.") ?? false, recorded.text ?? "")
        XCTAssertTrue(recorded.text?.contains("met de oudercommissie besproken") ?? false, recorded.text ?? "")

        // The right token, but the server says DKIM and SPF failed: someone else wrote this From.
        let fail = "Authentication-Results: mail.example.test; dkim=fail header.d=example.test; spf=fail smtp.mailfrom=kwaliteit@example.test"
        try server.send(from: "kwaliteit@example.test", to: [desk], officerMail(to: desk, subject: "x", body: "#zaken", extraHeaders: [fail]))
        let notice = try qualityMail { $0.subject?.hasPrefix("Bericht zonder dossier") ?? false }
        XCTAssertTrue(notice.text?.contains("niet kon worden bevestigd") ?? false, notice.text ?? "")
        Thread.sleep(forTimeInterval: 2.5)
        XCTAssertFalse(try server.inbox("kwaliteit").contains { $0.subject?.hasPrefix("Dossiers") ?? false }, "nothing was run")
    }
}
