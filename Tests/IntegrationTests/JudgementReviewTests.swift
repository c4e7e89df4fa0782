import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 20 on the real Dovecot and Postfix: with `[procedure] review_judgements = yes` a
/// judgement reaches the parent only after a quality officer's `#akkoord` on the draft.
final class JudgementReviewTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testJudgementReachesTheParentOnlyAfterAkkoordAndIsTheLetterTheReaderSaw() throws {
        let daemon = try startDaemon(extra: "[procedure]\nreview_judgements = yes\n")
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder1")
        let handlerAddress = try XCTUnwrap(assignment.replyTo.first?.address)
        try server.send(from: "behandelaar1@example.test", to: [handlerAddress], reply(
            from: "Marieke Jansen <behandelaar1@example.test>", to: handlerAddress, replyingTo: assignment, body: """
                #oordeel deels-gegrond
                #maatregel Bij het ophalen blijft er altijd een medewerker bij de deur tot het laatste kind is opgehaald.
                #termijn 2027-02-01
                #categorie Veiligheid

                Wij hebben met het team gesproken. Uw dochter had niet alleen bij de deur mogen staan; de afspraak over het ophalen na 18:00 uur was niet duidelijk genoeg.
                """, client: "Microsoft Outlook 16.0"))

        let draft = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).first)
        XCTAssertEqual(draft.subject, "Ter controle: oordeel over klacht [\(reference)]")
        let draftText = try XCTUnwrap(draft.text)
        XCTAssertTrue(draftText.contains("Uitkomst: deels gegrond"), draftText)
        XCTAssertTrue(draftText.contains("Onderwerp: Ons oordeel over uw klacht [\(reference)]"), draftText)
        XCTAssertTrue(draftText.contains("1 februari 2027"), "the measure's date, as the letter names it:\n\(draftText)")
        let qualityReplyTo = try XCTUnwrap(draft.replyTo.first?.address)
        XCTAssertTrue(qualityReplyTo.lowercased().hasPrefix("klachten+\(reference.lowercased())."), qualityReplyTo)
        let held = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 2).last)
        XCTAssertEqual(held.subject, "Je oordeel ligt bij Kwaliteit: klacht [\(reference)]")
        XCTAssertTrue(held.text?.contains("deels gegrond") ?? false, held.text ?? "")

        // Held: the parent has only the acknowledgement, the case is not judged, the category is set already.
        Thread.sleep(forTimeInterval: 2)
        XCTAssertEqual(try server.inbox("ouder1").count, 1, "nothing reaches the parent before #akkoord")
        var detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["state"] as? String, "assigned")
        XCTAssertNil(detail["outcome"] as? String)
        XCTAssertEqual(detail["category"] as? String, "Veiligheid en gezondheid")
        // The decision term is still watched: past the decision date the escalation goes out.
        let decisionDue = try XCTUnwrap(detail["decision_due"] as? String)
        let late = try daemon.tick(at: "\(decisionDue)T12:00:00+01:00".replacingOccurrences(of: decisionDue, with: Self.dayAfter(decisionDue)))
        XCTAssertTrue(late.contains { $0.contains(reference) && $0.contains("escalation:decision:") }, "\(late)")

        // The handler cannot approve their own judgement.
        try server.send(from: "behandelaar1@example.test", to: [handlerAddress], reply(
            from: "behandelaar1@example.test", to: handlerAddress, replyingTo: assignment, body: "#akkoord", client: "Microsoft Outlook 16.0"))
        let refusal = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 3).last)
        XCTAssertTrue(refusal.text?.contains("tweede lezer") ?? false, refusal.text ?? "")
        XCTAssertEqual(try server.inbox("ouder1").count, 1)

        // The quality officer approves from Gmail, quoting the draft.
        try server.send(from: "kwaliteit@example.test", to: [qualityReplyTo], reply(
            from: "Kwaliteit <kwaliteit@example.test>", to: qualityReplyTo, replyingTo: draft,
            body: "#akkoord\n\nPrima brief.\n\nOp ma 7 dec 2026 om 10:00 schreef Klachtenregistratie <klachten@example.test>:\n> " +
                draftText.split(separator: "\n").prefix(8).joined(separator: "\n> "), client: nil))
        let letters = try server.waitForInbox("ouder1", count: 2)
        let letter = try XCTUnwrap(letters.last)
        XCTAssertEqual(letter.subject, "Ons oordeel over uw klacht [\(reference)]")
        let letterText = try XCTUnwrap(letter.text).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(draftText.contains(letterText), "the parent gets the letter the reader saw:\n\(letterText)\n---\n\(draftText)")
        try daemon.waitUntil("the case is judged") { try daemon.caseDetail(reference)["state"] as? String == "measures_pending" }
        detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["outcome"] as? String, "deels-gegrond")
        XCTAssertEqual(detail["measures_due"] as? String, "2027-02-01")
        let events = try XCTUnwrap(detail["events"] as? [[String: Any]])
        XCTAssertTrue(events.contains { $0["action"] as? String == "judgement approved" && ($0["actor"] as? String ?? "").contains("kwaliteit") })
        // A second #akkoord finds nothing waiting and sends nothing.
        try server.send(from: "kwaliteit@example.test", to: [qualityReplyTo], reply(
            from: "kwaliteit@example.test", to: qualityReplyTo, replyingTo: draft, body: "#akkoord", client: nil))
        try server.waitForInbox("kwaliteit", count: 2)
        XCTAssertEqual(try server.inbox("ouder1").count, 2)
    }

    func testWhileTheJudgementWaitsTheDecisionRemindersGoToTheQualityStaffNotTheHandler() throws {
        let daemon = try startDaemon(extra: "[procedure]\nreview_judgements = yes\n")
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder2")
        let handlerAddress = try XCTUnwrap(assignment.replyTo.first?.address)
        try server.send(from: "behandelaar1@example.test", to: [handlerAddress], reply(
            from: "Marieke Jansen <behandelaar1@example.test>", to: handlerAddress, replyingTo: assignment, body: """
                #oordeel gegrond

                Uw dochter had niet alleen bij de deur mogen staan. Wij hebben de afspraken over het ophalen aangescherpt.

                Verstuurd vanaf mijn iPhone
                """, client: "iPhone Mail (21F90)"))
        try server.waitForInbox("kwaliteit", count: 1)
        try server.waitForInbox("behandelaar1", count: 2)

        // The day before the decision date: the week-5 and the decision reminder are due.
        let decisionDue = try XCTUnwrap(try daemon.caseDetail(reference)["decision_due"] as? String)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let before = formatter.string(from: try XCTUnwrap(formatter.date(from: decisionDue)).addingTimeInterval(-86_400))
        let queued = try daemon.tick(at: "\(before)T12:00:00+01:00")
        XCTAssertTrue(queued.contains { $0.contains(reference) && $0.contains("reminder:") }, "\(queued)")
        let reminders = try server.waitForInbox("kwaliteit", count: 2).filter { $0.subject?.hasPrefix("Herinnering") ?? false }
        let reminder = try XCTUnwrap(reminders.first?.text)
        XCTAssertTrue(reminder.contains("Het oordeel van de behandelaar wacht op jouw #akkoord (of #terug met een opmerking)."), reminder)
        XCTAssertTrue(reminder.contains("#akkoord      het oordeel gaat zo naar de ouder"), reminder)
        XCTAssertFalse(reminder.contains("#oordeel   je oordeel"), "the judgement is written already:\n\(reminder)")
        Thread.sleep(forTimeInterval: 2)
        let handlerMails = try server.inbox("behandelaar1").map { $0.subject ?? "" }
        XCTAssertFalse(handlerMails.contains { $0.hasPrefix("Herinnering") }, "the handler is not asked for a judgement they wrote: \(handlerMails)")
    }

    func testTerugReturnsTheJudgementToTheHandlerWithTheRemarkAndTheCaseStaysOpen() throws {
        let daemon = try startDaemon(extra: "[procedure]\nreview_judgements = yes\n")
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder2")
        let handlerAddress = try XCTUnwrap(assignment.replyTo.first?.address)
        try server.send(from: "behandelaar1@example.test", to: [handlerAddress], reply(
            from: "behandelaar1@example.test", to: handlerAddress, replyingTo: assignment,
            body: "#oordeel ongegrond\n\nEr was niets aan de hand.", client: "iPhone Mail (21F90)"))
        let draft = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).first)
        let qualityReplyTo = try XCTUnwrap(draft.replyTo.first?.address)
        try server.send(from: "kwaliteit@example.test", to: [qualityReplyTo], reply(
            from: "kwaliteit@example.test", to: qualityReplyTo, replyingTo: draft,
            body: "#terug Leg uit wat je met het team hebt besproken; de ouder wil weten wat er verandert.", client: nil))

        let returned = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 3).last)
        XCTAssertEqual(returned.subject, "Oordeel teruggestuurd: klacht [\(reference)]")
        let text = try XCTUnwrap(returned.text)
        XCTAssertTrue(text.contains("Leg uit wat je met het team hebt besproken"), text)
        XCTAssertTrue(text.contains("Er was niets aan de hand."), "the handler sees what they wrote")
        XCTAssertTrue(returned.replyTo.first?.address.lowercased().hasPrefix("klachten+\(reference.lowercased()).") ?? false,
                      "the handler answers with a new #oordeel")
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertEqual(try server.inbox("ouder2").count, 1, "the parent got nothing")
        let detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["state"] as? String, "assigned")
        XCTAssertNil(detail["outcome"] as? String)

        // The handler's new judgement goes to the reader again, and #akkoord sends that one.
        try server.send(from: "behandelaar1@example.test", to: [handlerAddress], reply(
            from: "behandelaar1@example.test", to: handlerAddress, replyingTo: returned,
            body: "#oordeel ongegrond\n\nWij hebben met het team besproken dat de deur bij het ophalen altijd bemand is.", client: "iPhone Mail (21F90)"))
        let second = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 2).last)
        XCTAssertTrue(second.text?.contains("altijd bemand") ?? false)
        try server.send(from: "kwaliteit@example.test", to: [qualityReplyTo], reply(
            from: "kwaliteit@example.test", to: qualityReplyTo, replyingTo: second, body: "#akkoord", client: nil))
        let letter = try XCTUnwrap(server.waitForInbox("ouder2", count: 2).last)
        XCTAssertTrue(letter.text?.contains("altijd bemand") ?? false, letter.text ?? "")
        XCTAssertFalse(letter.text?.contains("Er was niets aan de hand") ?? true, "the returned judgement is never sent")
    }

    func testWithoutTheSettingTheJudgementGoesStraightToTheParent() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder3")
        let handlerAddress = try XCTUnwrap(assignment.replyTo.first?.address)
        try server.send(from: "behandelaar1@example.test", to: [handlerAddress], reply(
            from: "behandelaar1@example.test", to: handlerAddress, replyingTo: assignment,
            body: "#oordeel ongegrond\n\nDe deur was bemand.", client: nil))
        XCTAssertEqual(try server.waitForInbox("ouder3", count: 2).last?.subject, "Ons oordeel over uw klacht [\(reference)]")
        XCTAssertTrue(try server.inbox("kwaliteit").isEmpty)
    }

    // MARK: Support

    static func dayAfter(_ iso: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        guard let date = formatter.date(from: iso) else { return iso }
        return formatter.string(from: date.addingTimeInterval(86_400))
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

    /// A reply as a mail client writes it: threaded on `original`, plain text, 8-bit UTF-8.
    private func reply(from: String, to: String, replyingTo original: ParsedMessage, body: String, client: String?) -> String {
        let id = original.messageID ?? ""
        var headers = [
            "From: \(from)", "To: \(to)", "Subject: Re: \(original.subject ?? "")", "Date: Mon, 7 Dec 2026 10:00:00 +0100",
            "Message-ID: <\(UUID().uuidString)@example.test>", "In-Reply-To: <\(id)>", "References: <\(id)>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ]
        if let client { headers.append("X-Mailer: \(client)") }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }
}
