import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 10 on the real Dovecot and Postfix: progress updates, the satisfaction check and
/// `#maatregel-gereed`, with time stepped by `deliver --now` and `tick --now` (each a new process).
final class SatisfactionTests: XCTestCase {
    var server: TestMailServer!
    let received = "2026-05-04T10:00:00+02:00"

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testQuietComplaintGetsOneProgressUpdateThatIsNotTheHandlersFirstContact() throws {
        let daemon = try fixture()
        let reference = try openCase(daemon).reference
        // Ten working days after the acknowledgement of 4 May, Hemelvaart (14 May) not counted.
        XCTAssertFalse(try daemon.tick(at: "2026-05-18T10:00:00+02:00").contains { $0.contains("progress-update") })
        let update = try daemon.tick(at: "2026-05-19T10:00:00+02:00").filter { $0.contains("progress-update") }
        XCTAssertEqual(update.count, 1, "\(update)")
        XCTAssertTrue(update.first?.contains("progress-update:2026-05-19 progress-update → ouder1@example.test, behandelaar1@example.test") ?? false,
                      "\(update)")
        XCTAssertEqual(try daemon.tick(at: "2026-05-19T10:00:00+02:00"), ["nothing due"], "a second process sends nothing again")
        XCTAssertFalse(try daemon.tick(at: "2026-05-20T10:00:00+02:00").contains { $0.contains("progress-update") })

        let parent = try settled("ouder1", count: 2)
        XCTAssertTrue(parent[1].subject?.hasPrefix("Hoe staat het met uw klacht? [\(reference)]") ?? false, "\(parent.map(\.subject))")
        XCTAssertTrue(parent[1].text?.contains("Uiterlijk maandag 15 juni 2026") ?? false, parent[1].text ?? "")
        XCTAssertEqual(parent[1].inReplyTo, parent[0].inReplyTo, "in the parent's own thread")
        // The assignment, the week-2 reminder of 18 May, and the notice of the update.
        let handler = try settled("behandelaar1", count: 3)
        let notice = try XCTUnwrap(handler.first { $0.subject?.hasPrefix("Voortgangsbericht verstuurd aan de ouder [\(reference)]") ?? false },
                                   "\(handler.map(\.subject))")
        XCTAssertTrue(notice.text?.contains("#antwoord") ?? false, notice.text ?? "")

        // The update is not the handler's contact: the first-contact term keeps being escalated.
        XCTAssertTrue(try daemon.tick(at: "2026-05-26T10:00:00+02:00").contains { $0.contains("escalation:first-contact:2026-05-26") })
    }

    func testNotSatisfiedReplyReachesTheQualityStaffAndTheParentGetsTheOutsideBodiesWithTheWindowEnd() throws {
        let daemon = try fixture()
        let (reference, assignment) = try openCase(daemon)
        try handlerCommand(daemon, assignment, "#oordeel ongegrond\n\nDe medewerker heeft volgens het protocol gehandeld.",
                           at: "2026-05-20T10:00:00+02:00")
        XCTAssertEqual(try daemon.caseDetail(reference)["state"] as? String, "judgement_sent")
        // Five working days after the judgement; Pinksteren (25 May) is not one.
        XCTAssertFalse(try daemon.tick(at: "2026-05-27T10:00:00+02:00").contains { $0.contains("satisfaction") })
        XCTAssertTrue(try daemon.tick(at: "2026-05-28T10:00:00+02:00").contains { $0.contains("satisfaction:question") })
        XCTAssertEqual(try daemon.tick(at: "2026-05-28T10:00:00+02:00"), ["nothing due"])
        let question = try XCTUnwrap(try settled("ouder1", count: 3).last)
        XCTAssertTrue(question.subject?.hasPrefix("Bent u tevreden over hoe wij uw klacht hebben afgehandeld?") ?? false, question.subject ?? "")

        try parentReply(daemon, to: question, "Nee, want er is met de overdracht niets veranderd.\n\nSanne", at: "2026-05-29T09:30:00+02:00")
        let escalated = try daemon.tick(at: "2026-05-29T10:00:00+02:00")
        XCTAssertTrue(escalated.contains { $0.contains("satisfaction:escalation dissatisfaction-notice → kwaliteit@example.test, ouder1@example.test") },
                      "\(escalated)")
        XCTAssertEqual(try daemon.tick(at: "2026-05-29T10:00:00+02:00"), ["nothing due"])
        XCTAssertEqual(try daemon.tick(at: "2026-06-30T10:00:00+02:00").filter { $0.contains(reference) }, [], "no reminder after an answer")

        let notice = try XCTUnwrap(try settled("kwaliteit", count: 1).first)
        XCTAssertTrue(notice.subject?.hasPrefix("Tevredenheidsvraag: niet tevreden [\(reference)]") ?? false, notice.subject ?? "")
        XCTAssertTrue(notice.text?.contains("Nee, want er is met de overdracht niets veranderd.") ?? false, notice.text ?? "")
        XCTAssertTrue(notice.text?.contains("niet tevreden") ?? false)
        let information = try XCTUnwrap(try settled("ouder1", count: 4).last)
        XCTAssertTrue(information.subject?.hasPrefix("Uw klacht: waar u nog terechtkunt") ?? false, information.subject ?? "")
        let text = information.text ?? ""
        XCTAssertTrue(text.contains("Klachtenloket Kinderopvang") && text.contains("Geschillencommissie Kinderopvang"), text)
        XCTAssertEqual(try daemon.caseDetail(reference)["gck_window_end"] as? String, "2027-05-04")
        XCTAssertTrue(text.contains("uiterlijk dinsdag 4 mei 2027"), text)

        let detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["state"] as? String, "judgement_sent", "the case stays open for the quality staff")
        let events = try XCTUnwrap(detail["events"] as? [[String: Any]])
        XCTAssertTrue(events.contains { $0["action"] as? String == "satisfaction answered" && $0["reason"] as? String == "niet tevreden" })
        let check = try XCTUnwrap(detail["satisfaction"] as? [String: Any])
        XCTAssertEqual(check["answer"] as? String, "not_satisfied")
        XCTAssertEqual(check["text"] as? String, "Nee, want er is met de overdracht niets veranderd.\nSanne")
        XCTAssertTrue(try daemon.klachtd(["case", reference]).output.contains("tevredenheid:      gevraagd 2026-05-28 10:00; niet tevreden (2026-05-29 09:30)"))

        // The answer counts in the quarterly overview and the annual report of the year the complaint came in.
        let overview = try daemon.klachtd(["overview", "--quarter", "2026Q2", "--now", "2026-07-01T10:00:00+02:00"])
        XCTAssertEqual(overview.status, 0, overview.error)
        XCTAssertTrue(overview.output.contains("- Tevredenheid beantwoord: 1, waarvan tevreden: 0, niet tevreden: 1"), overview.output)
        let report = try daemon.klachtd(["report", "--year", "2026", "--format", "json"])
        XCTAssertEqual(report.status, 0, report.error)
        let figures = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any])
        let satisfaction = try XCTUnwrap(figures["satisfaction"] as? [String: Any])
        XCTAssertEqual(satisfaction["answered"] as? Int, 1)
        XCTAssertEqual(satisfaction["satisfied"] as? Int, 0)
        XCTAssertEqual(satisfaction["not_satisfied"] as? Int, 1)
        XCTAssertTrue(try daemon.klachtd(["report", "--year", "2026", "--format", "csv"]).output.contains("tevredenheid,,niet tevreden,1,"))
    }

    func testSatisfiedReplyThenMeasureDoneClosesTheCaseWithTheClosingLetter() throws {
        let daemon = try fixture()
        let (reference, assignment) = try openCase(daemon)
        try handlerCommand(daemon, assignment, """
            #oordeel gegrond
            #maatregel De BSO controleert dagelijks de ophaallijst met school.
            #termijn 2026-07-01

            Uw dochter had niet alleen bij de deur mogen wachten.
            """, at: "2026-05-20T10:00:00+02:00")
        XCTAssertTrue(try daemon.tick(at: "2026-05-28T10:00:00+02:00").contains { $0.contains("satisfaction:question") })
        let question = try XCTUnwrap(try settled("ouder1", count: 3).last)
        try parentReply(daemon, to: question, "Ja, dank u wel!", at: "2026-05-29T09:30:00+02:00")
        XCTAssertEqual(try daemon.caseDetail(reference)["state"] as? String, "measures_pending", "the measure is not done yet")
        XCTAssertFalse(try daemon.tick(at: "2026-05-29T10:00:00+02:00").contains { $0.contains(reference) })

        try handlerCommand(daemon, assignment, "#maatregel-gereed", at: "2026-06-10T10:00:00+02:00")
        let detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["state"] as? String, "closed")
        let measures = try XCTUnwrap(detail["measures"] as? [[String: Any]])
        XCTAssertNotNil(measures.first?["done_at"] as? String)
        let closing = try XCTUnwrap(try settled("ouder1", count: 4).last)
        XCTAssertTrue(closing.subject?.hasPrefix("Wij sluiten uw klacht af [\(reference)]") ?? false, closing.subject ?? "")
        XCTAssertTrue(closing.text?.contains("uiterlijk dinsdag 4 mei 2027") ?? false)
        // A closed case is not reminded of its measures, nor escalated after their date.
        XCTAssertFalse(try daemon.tick(at: "2026-07-02T10:00:00+02:00").contains { $0.contains(reference) })
    }

    func testNoAnswerGetsOneReminderThenTheQualityStaffAndDoneMeasuresAreNotEscalated() throws {
        let daemon = try fixture()
        let (reference, assignment) = try openCase(daemon)
        try handlerCommand(daemon, assignment, """
            #oordeel deels-gegrond
            #maatregel De ophaallijst wordt dagelijks gecontroleerd.
            #maatregel Het team bespreekt de overdracht.
            #termijn 2026-06-12

            Een deel van de klacht klopt.
            """, at: "2026-05-20T10:00:00+02:00")
        let steps: [(String, String?)] = [
            ("2026-05-28T10:00:00+02:00", "satisfaction:question"),
            ("2026-06-03T10:00:00+02:00", nil),
            ("2026-06-04T10:00:00+02:00", "satisfaction:reminder"),
            ("2026-06-10T10:00:00+02:00", nil),
            ("2026-06-11T10:00:00+02:00", "satisfaction:escalation"),
        ]
        for (moment, key) in steps {
            let lines = try daemon.tick(at: moment).filter { $0.contains(reference) }
            let satisfaction = lines.filter { $0.contains("satisfaction") }
            XCTAssertEqual(satisfaction.count, key == nil ? 0 : 1, "\(moment): \(lines)")
            if let key { XCTAssertTrue(satisfaction.first?.contains(" \(key) ") ?? false, "\(moment): \(lines)") }
            XCTAssertEqual(try daemon.tick(at: moment), ["nothing due"], moment)
        }
        let result = try daemon.klachtd(["case", reference, "measure-done", "--all", "--now", "2026-06-11T11:00:00+02:00"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(try daemon.caseDetail(reference)["state"] as? String, "measures_pending",
                       "no satisfied answer: the quality staff decide")
        XCTAssertFalse(try daemon.tick(at: "2026-06-15T10:00:00+02:00").contains { $0.contains("escalation:measures") },
                       "done measures are not escalated")
        let again = try daemon.klachtd(["case", reference, "measure-done", "1"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.error.contains("al gereed"), again.error)

        let parent = try settled("ouder1", count: 5).compactMap(\.subject)
        XCTAssertTrue(parent[3].hasPrefix("Herinnering: bent u tevreden"), "\(parent)")
        XCTAssertTrue(parent[4].hasPrefix("Uw klacht: waar u nog terechtkunt"), "\(parent)")
        // The notice, and the digest of Monday 15 June.
        let quality = try settled("kwaliteit", count: 2)
        let notice = try XCTUnwrap(quality.first { $0.subject?.hasPrefix("Tevredenheidsvraag: geen antwoord [\(reference)]") ?? false }, "\(quality.map(\.subject))")
        XCTAssertTrue(notice.text?.contains("ook na een herinnering niet beantwoord") ?? false, notice.text ?? "")
    }

    // MARK: - Steps

    /// A daemon installation whose staff mails carry reply tokens.
    private func fixture() throws -> DaemonFixture {
        let daemon = try DaemonFixture(server: server)
        try daemon.useFixedReplySecret()
        return daemon
    }

    /// A complaint about BSO Morel from ouder1 on 4 May; its reference and the handler's assignment mail.
    private func openCase(_ daemon: DaemonFixture) throws -> (reference: String, assignment: ParsedMessage) {
        try daemon.deliver(complaintMail(from: "ouder1@example.test", name: "Sanne de Vries", subject: "Klacht BSO Morel",
                                          body: "Mijn dochter stond om 18:15 nog alleen bij de deur van BSO Morel."), at: received)
        let assignment = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 1).first)
        try server.waitForInbox("ouder1", count: 1)
        return (try XCTUnwrap(try daemon.cases().first?["reference"] as? String), assignment)
    }

    /// The handler answers the assignment at its tokened Reply-To address.
    private func handlerCommand(_ daemon: DaemonFixture, _ assignment: ParsedMessage, _ body: String, at moment: String,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address, file: file, line: line)
        let mail = complaintMail(from: "behandelaar1@example.test", name: "Behandelaar Morel", subject: "Re: \(assignment.subject ?? "")",
                                 body: body, extraHeaders: ["In-Reply-To: <\(assignment.messageID ?? "")>"])
            .replacingOccurrences(of: "To: klachten@example.test", with: "To: \(replyTo)")
        try daemon.deliver(mail, at: moment, file: file, line: line)
    }

    /// The parent replies to one of our mails, quoting it below their answer.
    private func parentReply(_ daemon: DaemonFixture, to mail: ParsedMessage, _ answer: String, at moment: String) throws {
        let quoted = (mail.text ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        try daemon.deliver(complaintMail(from: "ouder1@example.test", name: "Sanne de Vries", subject: "Re: \(mail.subject ?? "")",
                                          body: "\(answer)\n\nOp 28 mei 2026 schreef Klachten <klachten@example.test>:\n\(quoted)",
                                          extraHeaders: ["In-Reply-To: <\(mail.messageID ?? "")>"]), at: moment)
    }



    /// A user's INBOX once `count` mails arrived, after a pause in which no extra copy may arrive.
    private func settled(_ user: String, count: Int, file: StaticString = #filePath, line: UInt = #line) throws -> [ParsedMessage] {
        try server.waitForInbox(user, count: count, file: file, line: line)
        Thread.sleep(forTimeInterval: 1.5)
        let mails = try server.inbox(user)
        XCTAssertEqual(mails.count, count, "\(user): \(mails.map(\.subject))", file: file, line: line)
        return mails
    }
}
