import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 20 on the real Dovecot and Postfix: the annual report's round, stepped with `tick --now`.
/// Every `klachtd tick` is a process of its own, so each one is a restart.
final class AnnualReportCycleTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testJanuaryDraftAndAprilRemindersArriveOnceEachAcrossRestartsAndStopWhenBothDatesAreRecorded() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.deliver(complaintMail(from: "ouder1@example.test", name: "Sanne de Vries", subject: "Klacht BSO Morel",
                                          body: "Mijn dochter werd bij BSO Morel pas om 18:30 opgehaald, niemand belde ons.\n\nVerstuurd vanaf mijn iPhone",
                                          extraHeaders: ["X-Mailer: iPhone Mail (21F90)"]),
                           at: "2026-03-10T10:00:00+01:00")
        let reference = try XCTUnwrap(try daemon.cases().first?["reference"] as? String)
        // A question, from Gmail, naming no location: no business of the complaints report.
        try daemon.deliver(complaintMail(from: "ouder4@example.test", name: "Lotte Visser", subject: "Vraag over de vakantieopvang",
                                          body: "Hoi,\n\nKunnen jullie mij laten weten tot wanneer ik mijn zoon kan aanmelden voor de vakantieopvang?\n\nGroetjes, Lotte"),
                           at: "2026-04-02T10:00:00+02:00")
        let question = try XCTUnwrap(try daemon.cases().first { $0["reference"] as? String != reference })
        XCTAssertEqual(question["kind"] as? String, "vraag")
        let questionReference = try XCTUnwrap(question["reference"] as? String)

        // Monday 11 January 2027 is the first working day of 2027-W02.
        XCTAssertFalse(try daemon.tick(at: "2027-01-08T10:00:00+01:00").contains { $0.contains("report-cycle") }, "not in the first week")
        XCTAssertEqual(try daemon.tick(at: "2027-01-11T09:00:00+01:00").filter { $0.contains("report-cycle:2026:draft") }.count, 1)
        for moment in ["2027-01-11T09:00:00+01:00", "2027-01-11T15:00:00+01:00", "2027-01-12T09:00:00+01:00", "2027-03-31T09:00:00+02:00"] {
            XCTAssertFalse(try daemon.tick(at: moment).contains { $0.contains("report-cycle") }, "once: \(moment)")
        }
        let draft = try XCTUnwrap(try roundMails(count: 1).first)
        XCTAssertEqual(draft.subject, "Concept jaarverslag klachten 2026: wat er nog moet gebeuren")
        let text = try XCTUnwrap(draft.text)
        XCTAssertTrue(text.contains("Klachten zonder categorie\n- [\(reference)] Morel, ontvangen dinsdag 10 maart 2026"), text)
        XCTAssertTrue(text.contains("Klachten zonder tekst voor het jaarverslag\n- [\(reference)]"), text)
        XCTAssertTrue(text.contains("Klachten die nog openstaan\n- [\(reference)] Morel, in behandeling"), text)
        XCTAssertTrue(text.contains("Verzonden aan de GGD:           nog niet"), text)
        XCTAssertFalse(text.contains(questionReference), "only complaints are the report's business")
        XCTAssertEqual(draft.attachments.map { $0.filename ?? "" }.sorted(), ["jaarverslag-2026-concept.html", "jaarverslag-2026-concept.md"])
        let markdown = String(decoding: try XCTUnwrap(draft.attachments.first { $0.filename?.hasSuffix(".md") ?? false }).data, as: UTF8.self)
        XCTAssertTrue(markdown.contains("# "), markdown)
        XCTAssertTrue(markdown.hasPrefix("# Concept: Klachtenjaarverslag 2026") && markdown.contains("## Nog te doen voor dit verslag definitief is"),
                      "the attached concept is the draft, with its to-do list by reference: \(markdown)")
        XCTAssertTrue(markdown.contains("Verzonden aan de GGD: nog niet (uiterlijk vóór 1 juni 2027)."), markdown)
        let html = String(decoding: try XCTUnwrap(draft.attachments.first { $0.filename?.hasSuffix(".html") ?? false }).data, as: UTF8.self)
        XCTAssertTrue(html.contains("<h2>Verzending en bespreking</h2>"), "the same report as klachtd report --format html")

        // From 1 April every two weeks; a restart (a second tick) sends nothing more.
        XCTAssertEqual(try daemon.tick(at: "2027-04-01T09:00:00+02:00").filter { $0.contains("report-cycle:2026:reminder:2027-04-01") }.count, 1)
        XCTAssertFalse(try daemon.tick(at: "2027-04-01T09:30:00+02:00").contains { $0.contains("report-cycle") })
        XCTAssertFalse(try daemon.tick(at: "2027-04-14T09:00:00+02:00").contains { $0.contains("report-cycle") })
        let recorded = try daemon.klachtd(["report-cycle", "2026", "sent-to-ggd", "10-4-2027", "--now", "2027-04-12T10:00:00+02:00"])
        XCTAssertEqual(recorded.status, 0, recorded.error)
        XCTAssertTrue(recorded.output.contains("10 april 2027"), recorded.output)
        // The GGD has it, the oudercommissie has not discussed it: still reminded.
        XCTAssertEqual(try daemon.tick(at: "2027-04-15T09:00:00+02:00").filter { $0.contains("report-cycle:2026:reminder:2027-04-15") }.count, 1)
        let committee = try daemon.klachtd(["report-cycle", "2026", "oudercommissie", "2027-04-20", "--now", "2027-04-21T10:00:00+02:00"])
        XCTAssertEqual(committee.status, 0, committee.error)
        for moment in ["2027-04-29T09:00:00+02:00", "2027-05-13T09:00:00+02:00", "2027-06-10T09:00:00+02:00"] {
            XCTAssertFalse(try daemon.tick(at: moment).contains { $0.contains("report-cycle") }, "both recorded: \(moment)")
        }

        let mails = try roundMails(count: 3)
        XCTAssertEqual(mails.map { $0.subject ?? "" }, ["Concept jaarverslag klachten 2026: wat er nog moet gebeuren",
                                                        "Herinnering: jaarverslag klachten 2026", "Herinnering: jaarverslag klachten 2026"])
        XCTAssertTrue(mails[2].text?.contains("Verzonden aan de GGD:           zaterdag 10 april 2027") ?? false, mails[2].text ?? "")
        let report = try daemon.klachtd(["report", "--year", "2026"])
        XCTAssertTrue(report.output.contains("Verzonden aan de GGD op 10 april 2027."), report.output)
        XCTAssertTrue(report.output.contains("Besproken met de oudercommissie op 20 april 2027."), report.output)
        let json = try daemon.klachtd(["report", "--year", "2026", "--format", "json"])
        XCTAssertTrue(json.output.contains("\"sent_to_ggd\":\"2027-04-10\""), json.output)
    }

    func testAfterTheFirstOfJuneWithoutTheGGDDateTheReminderSaysTheLegalDateHasPassed() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.deliver(complaintMail(from: "ouder2@example.test", name: "Jeroen Bakker", subject: "Klacht KDV",
                                          body: "Bij BSO Morel is de overdracht weer vergeten."), at: "2026-09-14T08:30:00+02:00")
        XCTAssertEqual(try daemon.tick(at: "2027-06-10T09:00:00+02:00").filter { $0.contains("report-cycle:2026:reminder:2027-06-10") }.count, 1)
        let reminder = try XCTUnwrap(try roundMails(count: 1).first)
        XCTAssertEqual(reminder.subject, "Jaarverslag klachten 2026: de wettelijke datum is verstreken")
        XCTAssertTrue(reminder.text?.contains("had vóór dinsdag 1 juni 2027 naar de GGD moeten gaan") ?? false, reminder.text ?? "")
    }

    func testAYearKlachtdNeverKnewGetsNoRound() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.deliver(complaintMail(from: "ouder3@example.test", name: "Fatima el Amrani", subject: "Klacht",
                                          body: "Over BSO Morel: de deur stond open."), at: "2027-02-01T10:00:00+01:00")
        XCTAssertFalse(try daemon.tick(at: "2027-04-01T09:00:00+02:00").contains { $0.contains("report-cycle") },
                       "the first case is of 2027: the 2026 report was made before klachtd")
    }

    /// The round's mails in the quality staff's inbox once `count` arrived, after a pause in which no extra copy may come.
    private func roundMails(count: Int, file: StaticString = #filePath, line: UInt = #line) throws -> [ParsedMessage] {
        let deadline = Date().addingTimeInterval(20)
        func round() throws -> [ParsedMessage] { try server.inbox("kwaliteit").filter { $0.subject?.contains("aarverslag klachten") ?? false } }
        while Date() < deadline, try round().count < count { Thread.sleep(forTimeInterval: 0.2) }
        Thread.sleep(forTimeInterval: 1.5)
        let mails = try round()
        XCTAssertEqual(mails.count, count, mails.map { $0.subject ?? "" }.description, file: file, line: line)
        return mails
    }
}
