import CaseStore
import ComplaintCore
import Foundation
@testable import KlachtDaemon
import MailParser
import XCTest

/// The known limit of session 5: only what parents sent was screened for safeguarding words.
/// DOMAIN.md asks to screen every incoming message; a handler who hears of abuse while talking
/// to the parent writes it in a reply. Such words now reach the safeguarding officer, who can
/// restrict the case with `#meldcode` in reply; the case itself is left as it is.
final class StaffSafeguardingScreenTests: HandlerIntakeTestCase {
    /// A handler's note from Outlook: plain text, the quoted assignment below it.
    private let handlerNote = """
        Ik heb de moeder vanmiddag gebeld. Ze vertelde dat een invalkracht haar zoon aan zijn arm \
        heeft meegesleurd naar de gang, en dat hij daar een blauwe plek aan heeft overgehouden.

        Met vriendelijke groet,
        Anna de Wit
        Locatiemanager BSO Morel

        Van: Klachtenregistratie <klachten@example.test>
        Verzonden: zondag 17 mei 2026 10:00
        Onderwerp: Nieuwe klacht [KL-2026-0001]
        """

    private func notices(_ record: Case) throws -> [OutboxRecord] {
        try store.outbox(caseID: record.id).filter { $0.kind == "staff-safeguarding-notice" }
    }

    func testAHandlersNoteWithSafeguardingWordsReachesTheOfficerAndLeavesTheCaseAsItIs() throws {
        let record = try openCase()
        try deliver(reply(from: "behandelaar1@example.test", to: try tokenAddress(record, for: "behandelaar1@example.test"), body: handlerNote))
        let notice = try XCTUnwrap(try notices(record).first)
        XCTAssertEqual(notice.recipients, ["aandacht@example.test"], "the officer only")
        let parsed = MessageParser.parse(notice.bytes)
        let text = try XCTUnwrap(parsed.text)
        XCTAssertTrue(parsed.subject?.contains("VERTROUWELIJK") ?? false, parsed.subject ?? "")
        XCTAssertTrue(text.contains("meegesleurd"), text)
        XCTAssertTrue(text.contains("heeft meegesleurd naar de gang"), "the colleague's own words are in it:\n\(text)")
        XCTAssertTrue(text.contains("behandelaar1@example.test (behandelaar)"), text)
        XCTAssertTrue(text.contains("#meldcode"), text)
        let updated = try XCTUnwrap(store.caseRecord(id: record.id))
        XCTAssertEqual(updated.state, record.state, "the case is not restricted by a colleague's words")
        XCTAssertEqual(updated.handler, "behandelaar1@example.test")
        XCTAssertTrue(try store.events(caseID: record.id).contains { $0.action == "safeguarding words in a staff message" })

        // The officer's reply to the notice restricts the case.
        XCTAssertEqual(parsed.replyTo.first?.address.lowercased(), try tokenAddress(record, for: "aandacht@example.test").lowercased())
        try deliver(reply(from: "aandacht@example.test", to: try tokenAddress(record, for: "aandacht@example.test"),
                          body: "#meldcode signaal uit het gesprek met de moeder"))
        XCTAssertEqual(try store.caseRecord(id: record.id)?.state, .safeguarding)
        XCTAssertNil(try store.caseRecord(id: record.id)?.handler, "the handler is taken off the case, as when a parent's words restrict it")
    }

    func testAJudgementWithSafeguardingWordsIsStillCarriedOut() throws {
        let record = try openCase()
        try deliver(reply(from: "behandelaar1@example.test", to: try tokenAddress(record, for: "behandelaar1@example.test"),
                          body: "#oordeel ongegrond\n\nWij hebben met de pedagogisch medewerkers gesproken. Er was geen sprake van geweld."))
        XCTAssertEqual(try notices(record).count, 1, "a false positive costs the officer one mail")
        XCTAssertEqual(try store.caseRecord(id: record.id)?.state, .judgementSent, "and the procedure goes on")
    }

    func testOrdinaryStaffNotesAndTheOfficersOwnWordsSendNothing() throws {
        let record = try openCase()
        try deliver(reply(from: "behandelaar1@example.test", to: try tokenAddress(record, for: "behandelaar1@example.test"),
                          body: "Ik heb de ouder gebeld; we spreken donderdag af op de locatie."))
        try deliver(reply(from: "aandacht@example.test", to: try tokenAddress(record, for: "aandacht@example.test"),
                          body: "Ik heb gekeken: er is geen sprake van mishandeling, het gaat om het ophalen."))
        XCTAssertTrue(try notices(record).isEmpty)
    }

    func testQualityStaffAreScreenedToo() throws {
        let record = try openCase()
        try deliver(reply(from: "kwaliteit@example.test", to: try tokenAddress(record, for: "kwaliteit@example.test"),
                          body: "Let op: de vader zegt dat zijn dochter door een collega is geslagen."))
        XCTAssertEqual(try notices(record).count, 1)
    }
}
