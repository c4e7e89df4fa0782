import CaseStore
import ComplaintCore
import DaemonSupport
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailFormat
import MailParser
import XCTest

/// The daemon's side of handler replies, on a real (temporary) database, without mail servers.
final class HandlerIntakeTests: HandlerIntakeTestCase {
    func testAssignmentReplyToCarriesTheHandlersToken() throws {
        let record = try openCase()
        let assignment = try XCTUnwrap(store.outbox(caseID: record.id).first { $0.kind == "handler-assignment" })
        let parsed = MessageParser.parse(assignment.bytes)
        XCTAssertEqual(parsed.replyTo.first?.address.lowercased(), try tokenAddress(record, for: "behandelaar1@example.test").lowercased())
    }

    func testStaffMailToSeveralQualityStaffIsOneMailEachWithItsOwnToken() throws {
        try deliver("From: Ouder <ouder2@example.test>\nTo: klachten@example.test\nSubject: Wachtlijst\nMessage-ID: <w@ouder.test>\n\nAl maanden.\n")
        let record = try XCTUnwrap(store.allCases().first)
        let notices = try store.outbox(caseID: record.id).filter { $0.kind == "quality-unassigned" }
        XCTAssertEqual(notices.map(\.recipients), [["kwaliteit@example.test"], ["kwaliteit2@example.test"]])
        let replyTos = notices.map { MessageParser.parse($0.bytes).replyTo.first?.address.lowercased() }
        XCTAssertEqual(replyTos, [try tokenAddress(record, for: "kwaliteit@example.test").lowercased(),
                                  try tokenAddress(record, for: "kwaliteit2@example.test").lowercased()])
    }

    func testVerifiedJudgementQueuesTheLetterAndStoresTheMeasures() throws {
        let record = try openCase()
        try deliver(reply(from: "behandelaar1@example.test", to: try tokenAddress(record, for: "behandelaar1@example.test"),
                          body: "#oordeel deels-gegrond\n#maatregel Nieuwe afspraken\n#termijn 2026-06-30\n\nDe motivering."))
        let updated = try XCTUnwrap(store.caseRecord(id: record.id))
        XCTAssertEqual(updated.state, .measuresPending)
        XCTAssertEqual(updated.outcome, "deels-gegrond")
        XCTAssertEqual(updated.measuresDue?.iso, "2026-06-30")
        XCTAssertEqual(try store.measures(caseID: record.id), [MeasureRecord(text: "Nieuwe afspraken", due: LocalDate(iso: "2026-06-30"))])
        let letter = try XCTUnwrap(store.outbox(caseID: record.id).first { $0.kind == "judgement-letter" })
        XCTAssertEqual(letter.recipients, ["ouder1@example.test"])
        let text = try XCTUnwrap(MessageParser.parse(letter.bytes).text)
        XCTAssertTrue(text.contains("deels gegrond"))
        XCTAssertTrue(text.contains("De motivering."))
        XCTAssertTrue(text.contains("dinsdag 30 juni 2026"), text)
        let events = try store.events(caseID: record.id)
        XCTAssertTrue(events.contains { $0.actor == "behandelaar1@example.test" && $0.toState == "judgement_sent" })
    }

    /// Terms a command sets are written and logged as ISO dates, the text the event log's readers
    /// (`wasUpdated`, `klachtd case`) have always had; a cleared term logs no value.
    func testTermsSetByCommandsAreLoggedAsISODates() throws {
        let record = try openCase()
        let handler = try tokenAddress(record, for: "behandelaar1@example.test")
        try deliver(reply(from: "behandelaar1@example.test", to: handler, body: "#geschorst 2026-06-10 wij wachten op een gesprek"))
        XCTAssertEqual(try store.caseRecord(id: record.id)?.reviewDue, LocalDate(year: 2026, month: 6, day: 10))
        try deliver(reply(from: "behandelaar1@example.test", to: handler, body: "#hervatten"))
        XCTAssertNil(try store.caseRecord(id: record.id)?.reviewDue)
        try deliver(reply(from: "behandelaar1@example.test", to: handler,
                          body: "#oordeel deels-gegrond\n#maatregel Nieuwe afspraken\n#termijn 2026-06-30\n\nDe motivering."))
        let sets = try store.events(caseID: record.id).filter { $0.action.hasPrefix("set ") }.map { [$0.action, $0.reason ?? "-"] }
        XCTAssertEqual(sets, [["set review_due", "= 2026-06-10"], ["set review_due", ""], ["set outcome", "= deels-gegrond"],
                              ["set report measures", "-"], ["set measures_due", "= 2026-06-30"]])
        XCTAssertTrue(try store.wasUpdated(caseID: record.id, column: .measuresDue))
    }

    /// The desk's case file (`#zaak`) lists each measure with its own term, written out as a Dutch date.
    func testDeskCaseFileListsEachMeasureWithItsTerm() throws {
        let record = try openCase()
        try deliver(reply(from: "behandelaar1@example.test", to: try tokenAddress(record, for: "behandelaar1@example.test"),
                          body: "#oordeel deels-gegrond\n#maatregel Nieuwe afspraken\n#termijn 2026-06-30\n\nDe motivering."))
        let signer = try XCTUnwrap(runtime.replySigner)
        let desk = StaffToken.address(mailbox: "klachten@example.test", token: StaffToken.token(signer, for: "kwaliteit@example.test"))
        try deliver(reply(from: "kwaliteit@example.test", to: desk, body: "#zaak \(record.reference)"))
        let file = try XCTUnwrap(store.outbox(caseID: nil).last { $0.kind == OutboxKind(.deskCase) }, "the case file was sent")
        let text = try XCTUnwrap(MessageParser.parse(file.bytes).text)
        XCTAssertTrue(text.contains("1. Nieuwe afspraken, uiterlijk dinsdag 30 juni 2026 (open)"), text)
    }

    func testForgedMessagesAreKeptUnverifiedAndTheQualityStaffAreToldOncePerDay() throws {
        let record = try openCase()
        let before = try store.outbox(caseID: record.id).count
        for _ in 0..<3 {
            try deliver(reply(from: "behandelaar1@example.test", to: "klachten+\(record.reference).0000000000000000@example.test",
                              body: "#oordeel ongegrond\n\nVervalst."))
        }
        let updated = try XCTUnwrap(store.caseRecord(id: record.id))
        XCTAssertEqual(updated.state, record.state)
        XCTAssertNil(updated.outcome)
        let messages = try store.caseMessages(caseID: record.id).filter { $0.direction == .incoming && !$0.verified }
        XCTAssertEqual(messages.count, 3)
        let added = try store.outbox(caseID: record.id).dropFirst(before)
        XCTAssertEqual(added.map(\.kind), ["unverified-message", "unverified-message"], "one notice per quality address, once")
        XCTAssertFalse(added.contains { $0.recipients.contains("behandelaar1@example.test") }, "no backscatter")
    }

    func testWkkgzExtensionMovesTheDecisionOnceAndNotifiesTheParent() throws {
        let record = try openCase(subject: "Klacht over De Boomgaard")
        XCTAssertEqual(record.regime, .wkkgz)
        let address = try tokenAddress(record, for: "behandelaar2@example.test")
        try deliver(reply(from: "behandelaar2@example.test", to: address, body: "#verlengen 4 weken wij wachten op een deskundige"))
        let extended = try XCTUnwrap(store.caseRecord(id: record.id))
        let original = try XCTUnwrap(record.decisionDue)
        XCTAssertEqual(extended.decisionDue?.iso, original.adding(weeks: 4).iso)
        let notice = try XCTUnwrap(store.outbox(caseID: record.id).last)
        XCTAssertEqual(notice.kind, "extension-notice")
        XCTAssertEqual(notice.recipients, ["ouder1@example.test"])
        XCTAssertTrue(MessageParser.parse(notice.bytes).text?.contains("wij wachten op een deskundige") ?? false)

        try deliver(reply(from: "behandelaar2@example.test", to: address, body: "#verlengen 2 weken nog een keer"))
        XCTAssertEqual(try store.caseRecord(id: record.id)?.decisionDue, extended.decisionDue, "the Wkkgz allows one extension")
        let refusal = try XCTUnwrap(store.outbox(caseID: record.id).last)
        XCTAssertEqual(refusal.kind, "command-reply")
        XCTAssertTrue(MessageParser.parse(refusal.bytes).text?.contains("al met 4 weken verlengd") ?? false)
    }

    func testHelpRepliesToTheVerifiedSenderOnly() throws {
        let record = try openCase()
        try deliver(reply(from: "behandelaar1@example.test", to: try tokenAddress(record, for: "behandelaar1@example.test"), body: "#help"))
        let help = try XCTUnwrap(store.outbox(caseID: record.id).last)
        XCTAssertEqual(help.kind, "command-reply")
        XCTAssertEqual(help.recipients, ["behandelaar1@example.test"])
        XCTAssertTrue(MessageParser.parse(help.bytes).text?.contains("#oordeel UITKOMST") ?? false)
    }
}
