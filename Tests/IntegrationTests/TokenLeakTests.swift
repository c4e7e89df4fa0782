import Foundation
import MailParser
import MailTransport
import TestMailSupport
import XCTest

/// Issue 17, findings 2 and 3 on the real Postfix and Dovecot: a handler's foreign-language
/// reply never hands the parent a token, and a sender's own Authentication-Results below the
/// server's verdict does not make a command count.
final class TokenLeakTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    /// The attack: a French Outlook #antwoord quoting a staff mail that (before the fix) printed
    /// the token address; the parent used to receive all of it and could then command as the handler.
    func testFrenchOutlookAnswerReachesTheParentWithoutTheQuotedStaffMailOrAnyToken() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder1")
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address)
        let staffText = try XCTUnwrap(assignment.text)
        XCTAssertFalse(staffText.lowercased().contains("klachten+"), "staff mails no longer print the token address")
        // A staff mail from before the upgrade still printed it: quote such a line too.
        let quoted = staffText + "\nBeantwoord deze e-mail (aan \(replyTo)) met [\(reference)] in het onderwerp.\n"
        let answer = "#antwoord\n\nBeste mevrouw,\n\nIk heb vandaag met het team van BSO Morel gesproken. Vanaf maandag staat er bij het ophalen altijd iemand bij de deur.\n\nMet vriendelijke groet,\nSophie Laurent"
        try server.send(from: "behandelaar1@example.test", to: [replyTo],
                        Self.frenchOutlookReply(answer: answer, quoting: quoted, original: assignment, to: replyTo))

        let mails = try server.waitForInbox("ouder1", count: 2)
        let letter = try XCTUnwrap(mails.last)
        let text = try XCTUnwrap(letter.text)
        XCTAssertTrue(text.contains("altijd iemand bij de deur"), text)
        XCTAssertTrue(text.contains("Sophie Laurent"), text)
        let token = String(replyTo.split(separator: "@").first?.split(separator: ".").last ?? "")
        for leaked in ["klachten+", token, "Envoyé", "Objet", "Reageren gaat per e-mail", "vertrouwelijk", "#oordeel"] {
            XCTAssertFalse(text.lowercased().contains(leaked.lowercased()), "the parent's letter holds \"\(leaked)\":\n\(text)")
        }
        let raw = try server.run(["sh", "-c", "cat \(server.directory)/mail/example.test/ouder1/Maildir/new/* \(server.directory)/mail/example.test/ouder1/Maildir/cur/* 2>/dev/null || true"])
        XCTAssertFalse(raw.lowercased().contains("klachten+\(reference.lowercased())."), "no token anywhere in the parent's mailbox")
        let note = try XCTUnwrap((try daemon.caseDetail(reference)["messages"] as? [[String: Any]])?.last { $0["role"] as? String == "handler" })
        XCTAssertFalse((note["text"] as? String ?? "").contains("Envoyé"), "the case note is the new text only")
    }

    /// A client no rule knows left the staff mail in: the answer is refused, not sent.
    func testAnswerStillHoldingATokenIsRefusedAndTheHandlerAndQualityStaffAreTold() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder2")
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address)
        try server.send(from: "behandelaar1@example.test", to: [replyTo], [
            "From: Sophie Laurent <behandelaar1@example.test>", "To: \(replyTo)", "Subject: YNT: \(assignment.subject ?? "")",
            "Message-ID: <\(UUID().uuidString)@example.test>", "In-Reply-To: <\(assignment.messageID ?? "")>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
            "#antwoord", "", "Beste mevrouw, ik bel u morgen.", "", "== Cevap: Klachtenregistratie \(replyTo) ==",
            "Beste collega, er is een klacht binnengekomen.", "",
        ].joined(separator: "\r\n"))
        let reply = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 2).last)
        XCTAssertTrue(reply.text?.contains("niet naar de ouder gestuurd") ?? false, reply.text ?? "")
        let notice = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).last)
        XCTAssertTrue(notice.subject?.contains(reference) ?? false)
        Thread.sleep(forTimeInterval: 2)
        XCTAssertEqual(try server.inbox("ouder2").count, 1, "the parent got only the acknowledgement")
    }

    /// The attack: the server says dkim=fail spf=fail on top; the sender wrote spf=pass below.
    func testForgedAuthenticationResultsBelowTheServersVerdictDoNotPass() throws {
        let daemon = try startDaemon(extra: "[authentication]\nauthserv_id = mail.example.test\nrequire_dkim_or_spf = yes\n")
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder3")
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address)
        let forged = "Authentication-Results: mail.example.test; spf=pass smtp.mailfrom=behandelaar1@example.test; dkim=pass header.d=example.test"
        try send(helo: "authres-dkim-fail-spf-fail.test", judgement(to: replyTo, original: assignment, extraHeaders: [forged]))
        try daemon.waitUntil("the forged message is kept") {
            (try daemon.caseDetail(reference)["messages"] as? [[String: Any]] ?? []).filter { $0["direction"] as? String == "in" }.count >= 2
        }
        let unverified = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).last)
        XCTAssertTrue(unverified.text?.contains("DKIM en SPF slagen niet") ?? false, unverified.text ?? "")
        Thread.sleep(forTimeInterval: 2)
        XCTAssertNil(try daemon.caseDetail(reference)["outcome"] as? String)
        XCTAssertEqual(try server.inbox("ouder3").count, 1, "no judgement letter")

        // The same command with the server's own pass on top counts.
        try send(helo: "authres-dkim-pass-spf-none.test", judgement(to: replyTo, original: assignment))
        try server.waitForInbox("ouder3", count: 2)
        XCTAssertEqual(try daemon.caseDetail(reference)["outcome"] as? String, "ongegrond")
    }

    // MARK: Support

    private func send(helo: String, _ raw: String) throws {
        // libcurl says EHLO with the URL's path; the test Postfix adds its verdict for these names.
        let endpoint = MailServerEndpoint(url: "smtp://127.0.0.1:\(server.smtpPort)/\(helo)", requireStartTLS: false,
                                          caFile: server.caFile, timeoutSeconds: 10)
        try SMTPConnection(endpoint: endpoint).send(from: "behandelaar1@example.test", recipients: [toAddress(raw)],
                                                    message: Array(raw.utf8))
    }

    private func toAddress(_ raw: String) -> String {
        raw.components(separatedBy: "\r\n").first { $0.hasPrefix("To: ") }.map { String($0.dropFirst(4)) } ?? ""
    }

    private func judgement(to: String, original: ParsedMessage, extraHeaders: [String] = []) -> String {
        ([
            "From: behandelaar1@example.test", "To: \(to)", "Subject: Re: \(original.subject ?? "")",
            "Message-ID: <\(UUID().uuidString)@example.test>", "In-Reply-To: <\(original.messageID ?? "")>",
        ] + extraHeaders + [
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", "#oordeel ongegrond", "", "De redenen.", "",
        ]).joined(separator: "\r\n")
    }

    private func startDaemon(extra: String = "") throws -> DaemonFixture {
        let daemon = try DaemonFixture(server: server, extraConfiguration: extra)
        try daemon.useFixedReplySecret()
        try daemon.start()
        return daemon
    }

    private func openCase(_ daemon: DaemonFixture, parent: String) throws -> (String, ParsedMessage) {
        try server.openComplaintAboutMorel(parent: parent)
    }

    /// What Outlook for Windows in French sends: plain and HTML alternatives, the quoted mail
    /// below `De :`/`Envoyé :`/`À :`/`Objet :` and, in HTML, under the border-top separator.
    static func frenchOutlookReply(answer: String, quoting quoted: String, original: ParsedMessage, to: String) -> String {
        let subject = "RE: " + (original.subject ?? "")
        let block = ["De : Klachtenregistratie Kinderopvang De Vlinder <klachten@example.test>",
                     "Envoyé : lundi 16 novembre 2026 09:12", "À : Sophie Laurent <behandelaar1@example.test>",
                     "Objet : \(original.subject ?? "")"]
        let plain = answer + "\n\n" + block.joined(separator: "\n") + "\n\n" + quoted
        func html(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        let paragraphs = { (text: String) in
            text.components(separatedBy: "\n").map { "<p class=\"MsoNormal\">\($0.isEmpty ? "<o:p>&nbsp;</o:p>" : html($0))<o:p></o:p></p>" }
                .joined(separator: "\n")
        }
        let htmlBody = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
            <body lang="FR" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">
            \(paragraphs(answer))
            <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
            <div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
            <p class="MsoNormal"><b><span lang="FR">De&nbsp;:</span></b><span lang="FR"> Klachtenregistratie Kinderopvang De Vlinder &lt;klachten@example.test&gt;<br><b>Envoy&eacute;&nbsp;:</b> lundi 16 novembre 2026 09:12<br><b>&Agrave;&nbsp;:</b> Sophie Laurent &lt;behandelaar1@example.test&gt;<br><b>Objet&nbsp;:</b> \(html(original.subject ?? ""))<o:p></o:p></span></p>
            </div></div>
            <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
            \(paragraphs(quoted))
            </div></body></html>
            """
        let boundary = "_000_PR3P195MB0747A1B2C3D4E5F6PR3P195MB0747EURP_"
        return ([
            "From: Sophie Laurent <behandelaar1@example.test>", "To: \(to)", "Subject: \(subject)",
            "Thread-Topic: \(original.subject ?? "")", "Thread-Index: AQHZ1a2b3c4d5e6f7g8h9i0jAAAAAA==",
            "Date: Mon, 16 Nov 2026 10:04:11 +0000",
            "Message-ID: <PR3P195MB0747\(UUID().uuidString.prefix(8))@PR3P195MB0747.EURP195.PROD.OUTLOOK.COM>",
            "References: <\(original.messageID ?? "")>", "In-Reply-To: <\(original.messageID ?? "")>",
            "Accept-Language: fr-FR, nl-NL", "Content-Language: fr-FR", "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:",
            "Content-Type: multipart/alternative;\r\n\tboundary=\"\(boundary)\"", "MIME-Version: 1.0", "",
            "--\(boundary)", "Content-Type: text/plain; charset=\"utf-8\"", "Content-Transfer-Encoding: 8bit", "", plain,
            "--\(boundary)", "Content-Type: text/html; charset=\"utf-8\"", "Content-Transfer-Encoding: 8bit", "", htmlBody,
            "--\(boundary)--", "",
        ]).joined(separator: "\r\n").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }
}
