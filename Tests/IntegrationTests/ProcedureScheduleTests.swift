import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 15 on the real Dovecot and Postfix with time stepped (`deliver --now`, `tick --now`,
/// `case ... --now`): meldcode alerts nobody acted on, contact outside mail, suspended cases,
/// and disputes in the annual report.
final class ProcedureScheduleTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    private func complaint(_ parent: String, _ body: String) -> String {
        complaintMail(from: server.address(parent), name: "Ouder \(parent)", subject: "Klacht BSO Morel", body: body)
    }

    /// Delivers a staff reply to one of our mails at `moment`.
    private func deliverReply(_ daemon: DaemonFixture, from user: String, to original: ParsedMessage, body: String, at moment: String) throws {
        try daemon.deliver(try ProcedureFixture.reply(from: user, to: original, body: body).raw, at: moment)
    }

    /// The keys `tick` queued for one case (its lines read "queued REF KEY TEMPLATE → ...").
    private func caseLines(_ lines: [String], _ reference: String) -> [String] {
        lines.compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard let at = words.firstIndex(of: reference), at + 1 < words.count else { return nil }
            return words[at + 1]
        }
    }

    func testAnAlertNobodyActedOnGoesAgainAfterOneWorkingDayAndThenAlsoToTheDeputy() throws {
        let daemon = try ProcedureFixture.daemon(server, start: false)
        // Friday afternoon; the officer answers the second alert, not the first.
        try daemon.deliver(complaint("ouder1", "Mijn zoon zegt dat een leidster van BSO Morel hem heeft geslagen."),
                           at: "2026-05-08T16:30:00+02:00")
        try daemon.deliver(complaint("ouder2", "Mijn dochter heeft een blauwe plek; een pedagogisch medewerker kneep haar."),
                           at: "2026-05-08T16:40:00+02:00")
        let alerts = try server.waitForInbox("aandacht", count: 2)
        guard alerts.count == 2 else { return XCTFail("two alerts: \(alerts.count)") }
        let unanswered = try ProcedureFixture.reference(of: alerts[0])
        let answered = try ProcedureFixture.reference(of: alerts[1])
        try deliverReply(daemon, from: "aandacht", to: alerts[1], body: "Ik bel de ouder maandag en overleg met Veilig Thuis.",
                         at: "2026-05-09T09:00:00+02:00")

        XCTAssertEqual(caseLines(try daemon.tick(at: "2026-05-11T16:00:00+02:00"), unanswered), [], "not yet one working day")
        XCTAssertEqual(caseLines(try daemon.tick(at: "2026-05-11T16:45:00+02:00"), unanswered), ["safeguarding:reminder-1"])
        XCTAssertEqual(caseLines(try daemon.tick(at: "2026-05-12T16:45:00+02:00"), unanswered), ["safeguarding:reminder-2"])
        let later = try daemon.tick(at: "2026-05-20T16:45:00+02:00")
        XCTAssertEqual(caseLines(later, unanswered), [], "two reminders, then the officer and the deputy have it")
        XCTAssertEqual(caseLines(later, answered), [], "an alert the officer acted on is not repeated")

        let officer = try server.waitForInbox("aandacht", count: 4)
        XCTAssertEqual(officer.filter { $0.subject?.hasPrefix("HERINNERING") ?? false }.count, 2)
        let deputy = try XCTUnwrap(server.waitForInbox(ProcedureFixture.deputy, count: 1).first)
        XCTAssertTrue(deputy.subject?.contains("[\(unanswered)]") ?? false)
        let text = try XCTUnwrap(deputy.text)
        XCTAssertTrue(text.contains("herinnering 2") && text.contains("plaatsvervangend aandachtsfunctionaris"), text)
        XCTAssertTrue(text.contains("geslagen"), "the deputy gets the message itself to act on")
        XCTAssertTrue(text.contains("0900-111 3 111") && text.contains("0800-2000"))
        try deliverReply(daemon, from: ProcedureFixture.deputy, to: deputy,
                         body: "#meldcode overlegd met de vertrouwensinspecteur; aangifte gedaan", at: "2026-05-13T09:00:00+02:00")
        XCTAssertEqual(try daemon.caseDetail(unanswered)["state"] as? String, "closed", "the deputy can close it by replying")
        XCTAssertTrue(try server.inbox("behandelaar1").isEmpty, "the location never hears of a meldcode case")
        XCTAssertEqual(try server.inbox("ouder1").count, 1, "the parent only has the neutral receipt")
    }

    func testALateReleaseKeepsTheSixWeeksFromReceiptButGivesTheHandlerTimeForFirstContact() throws {
        let daemon = try ProcedureFixture.daemon(server, start: false)
        try daemon.deliver(complaint("ouder9", "Een leidster van BSO Morel heeft mijn zoon hard bij de arm gepakt en geslagen."),
                           at: "2026-05-04T10:00:00+02:00")
        let reference = try ProcedureFixture.reference(of: try XCTUnwrap(server.waitForInbox("aandacht", count: 1).first))
        let released = try daemon.klachtd(["case", reference, "release", "--now", "2026-05-18T10:00:00+02:00"])
        XCTAssertEqual(released.status, 0, released.error)

        func terms(_ moment: String) throws -> [String: Any] {
            let output = try daemon.klachtd(["terms", "--received", moment, "--location", "Morel", "--json"]).output
            return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        }
        let detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["state"] as? String, "assigned")
        XCTAssertEqual(detail["decision_due"] as? String, try terms("2026-05-04T10:00:00+02:00")["decision_due"] as? String)
        XCTAssertEqual(detail["first_contact_due"] as? String, try terms("2026-05-18T10:00:00+02:00")["first_contact_due"] as? String)
        let letter = try XCTUnwrap(server.waitForInbox("ouder9", count: 2).last?.text)
        XCTAssertTrue(letter.contains("Onze excuses") && !letter.lowercased().contains("meldcode"), letter)
        XCTAssertEqual(try server.waitForInbox("behandelaar1", count: 1).count, 1)
        // The handler is reminded of the ladder from receipt; nothing is overdue and the meldcode reminders stopped.
        let due = caseLines(try daemon.tick(at: "2026-05-19T10:00:00+02:00"), reference)
        XCTAssertTrue(due.contains("reminder:week-2"), "\(due)")
        XCTAssertFalse(due.contains { $0.hasPrefix("escalation:") || $0.hasPrefix("safeguarding:") }, "\(due)")
    }

    func testContactByPhoneOrAnyMailToTheParentMeetsTheFirstContactTerm() throws {
        let daemon = try ProcedureFixture.daemon(server, start: false)
        let received = "2026-05-04T10:00:00+02:00"
        for parent in ["ouder3", "ouder4", "ouder5", "ouder6"] {
            try daemon.deliver(complaint(parent, "De opvang bij BSO Morel sloot een half uur te vroeg."), at: received)
        }
        let assignments = try server.waitForInbox("behandelaar1", count: 4)
        guard assignments.count == 4 else { return XCTFail("four assignments: \(assignments.count)") }
        let references = try assignments.map(ProcedureFixture.reference(of:))
        XCTAssertTrue(assignments[0].text?.contains("#contact telefonisch") ?? false, "the assignment says how to record contact")

        try deliverReply(daemon, from: "behandelaar1", to: assignments[0], body: "#contact 5-5-2026 telefonisch",
                         at: "2026-05-06T15:00:00+02:00")
        XCTAssertEqual(try daemon.klachtd(["case", references[1], "contact", "2026-05-06", "gesprek", "--now", "2026-05-06T16:00:00+02:00"]).status, 0)
        XCTAssertEqual(try daemon.klachtd(["case", references[2], "answer", "--text", "Ik bel u morgen om tien uur.",
                                           "--now", "2026-05-07T09:00:00+02:00"]).status, 0)

        let lines = try daemon.tick(at: "2026-05-12T10:00:00+02:00")
        for reference in references.prefix(3) {
            XCTAssertFalse(caseLines(lines, reference).contains { $0.contains("first-contact") }, "\(reference): \(lines)")
        }
        XCTAssertTrue(caseLines(lines, references[3]).contains { $0.hasPrefix("escalation:first-contact:") },
                      "without any contact the term is escalated: \(lines)")
        let contact = try XCTUnwrap(try ProcedureFixture.events(daemon, references[0], action: "parent contacted").first)
        XCTAssertEqual(contact["reason"] as? String, "telefonisch op 2026-05-05")
        XCTAssertEqual(contact["actor"] as? String, "behandelaar1@example.test")
    }

    func testASuspendedCaseIsRemindedOnItsReviewDateAndCountsAsOpen() throws {
        let daemon = try ProcedureFixture.daemon(server, start: false)
        try daemon.deliver(complaint("ouder7", "Wij kregen geen bericht dat de BSO Morel een studiedag had."), at: "2026-05-04T10:00:00+02:00")
        let assignment = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 1).first)
        let reference = try ProcedureFixture.reference(of: assignment)
        try deliverReply(daemon, from: "behandelaar1", to: assignment, body: "#contact telefonisch", at: "2026-05-05T10:00:00+02:00")
        let suspended = try daemon.klachtd(["case", reference, "suspend", "--review", "2026-05-20", "--reason", "ouder is op vakantie",
                                            "--now", "2026-05-06T10:00:00+02:00"])
        XCTAssertEqual(suspended.status, 0, suspended.error)
        let notice = try XCTUnwrap(server.waitForInbox("ouder7", count: 2).last)
        XCTAssertTrue(notice.text?.contains("woensdag 20 mei 2026") ?? false, notice.text ?? "")

        XCTAssertEqual(caseLines(try daemon.tick(at: "2026-05-19T10:00:00+02:00"), reference), [])
        XCTAssertEqual(caseLines(try daemon.tick(at: "2026-05-20T10:00:00+02:00"), reference), ["suspension-review:2026-05-20"])
        XCTAssertEqual(caseLines(try daemon.tick(at: "2026-06-03T10:00:00+02:00"), reference), ["suspension-review:2026-06-03"])
        let reminders = try server.waitForInbox("behandelaar1", count: 3).filter { $0.subject?.hasPrefix("Herinnering") ?? false }
        XCTAssertEqual(reminders.count, 2)
        XCTAssertTrue(reminders.first?.text?.contains("#hervatten") ?? false, reminders.first?.text ?? "(no reminder)")
        XCTAssertTrue(try server.waitForInbox("kwaliteit", count: 1).contains { $0.subject?.contains("[\(reference)]") ?? false },
                      "the second review reminder also goes to the quality staff")

        let report = try daemon.klachtd(["report", "--year", "2026", "--format", "csv", "--now", "2026-06-03T12:00:00+02:00"])
        XCTAssertTrue(report.output.contains("oordeel,,nog in behandeling,1"), report.output)
    }

    func testDisputesRecordedByReplyAndCommandLineAreCountedInTheReportAsRecorded() throws {
        let daemon = try ProcedureFixture.daemon(server, start: false)
        let empty = try daemon.klachtd(["report", "--year", "2026", "--format", "md", "--now", "2026-12-01T12:00:00+01:00"])
        XCTAssertFalse(empty.output.contains("geen geschillen voorgelegd"), "never 'no disputes' as a fact")

        try daemon.deliver(complaint("ouder8", "De factuur van BSO Morel klopt al drie maanden niet."), at: "2026-02-02T10:00:00+01:00")
        let assignment = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 1).first)
        let reference = try ProcedureFixture.reference(of: assignment)
        try deliverReply(daemon, from: "behandelaar1", to: assignment, body: "#klachtenloket 2026-02-09", at: "2026-02-10T10:00:00+01:00")
        let judged = try daemon.klachtd(["case", reference, "judge", "ongegrond", "--reasons", "De factuur volgt het contract.",
                                         "--now", "2026-03-02T10:00:00+01:00"])
        XCTAssertEqual(judged.status, 0, judged.error)
        try deliverReply(daemon, from: "behandelaar1", to: assignment, body: "#geschil 2026-04-01", at: "2026-04-02T10:00:00+02:00")
        XCTAssertEqual(try daemon.caseDetail(reference)["state"] as? String, "referred_geschillencommissie")
        let ruled = try daemon.klachtd(["case", reference, "ruling", "ongegrond", "2026-06-15", "--now", "2026-06-16T10:00:00+02:00"])
        XCTAssertEqual(ruled.status, 0, ruled.error)
        XCTAssertEqual(try daemon.caseDetail(reference)["state"] as? String, "closed")

        let council = try daemon.klachtd(["case", "new", "--dispute", "2026-03-03", "--by", "oudercommissie", "--location", "Morel",
                                          "--category", "contract", "--now", "2026-03-04T10:00:00+01:00"])
        XCTAssertEqual(council.status, 0, council.error)
        let direct = try daemon.klachtd(["case", "new", "--dispute", "2026-05-05", "--ruling", "schikking", "--ruling-date", "2026-07-01",
                                         "--now", "2026-07-02T10:00:00+02:00"])
        XCTAssertEqual(direct.status, 0, direct.error)
        XCTAssertEqual(try daemon.klachtd(["case", "new", "--dispute", "2099-01-01"]).status, 2, "a dispute in the future is refused")

        let markdown = try daemon.klachtd(["report", "--year", "2026", "--format", "md", "--now", "2026-12-01T12:00:00+01:00"]).output
        XCTAssertTrue(markdown.contains(" 1 klacht ontvangen"),
                      "the disputes without an internal complaint are no complaints\n\(markdown)")
        XCTAssertTrue(markdown.contains("zijn voor 2026 3 geschillen vastgelegd die zijn voorgelegd aan de Geschillencommissie Kinderopvang"
                                        + ": 1 na de interne klachtprocedure, 1 rechtstreeks, zonder interne klachtprocedure, 1 door de oudercommissie."),
                      markdown)
        XCTAssertTrue(markdown.contains("Uitspraken: ongegrond 1, schikking 1.") && markdown.contains("Nog geen uitspraak vastgelegd: 1."), markdown)
        XCTAssertTrue(markdown.contains("Klachtenloket Kinderopvang is 1 ouder vastgelegd"), markdown)
        XCTAssertEqual(try server.inbox("ouder8").count, 2, "acknowledgement and judgement; recording outside bodies mails nobody")
    }
}
