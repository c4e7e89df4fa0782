import CaseStore
import ComplaintCore
import DaemonSupport
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailParser
import XCTest

/// The daemon's side of handler replies, on a real (temporary) database, without mail servers.
final class HandlerIntakeTests: XCTestCase {
    var directory: String!
    var runtime: Runtime!
    var store: CaseStore!
    let now = Date(timeIntervalSince1970: 1_779_000_000) // Sunday 17 May 2026

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-handler-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "unit-test-secret-0123456789abcdef\n".write(toFile: directory + "/reply.secret", atomically: true, encoding: .utf8)
        let configuration = try ConfigurationLoader.parse("""
            [organisation]
            name = Kinderopvang De Vlinder
            address = klachten@example.test
            quality = kwaliteit@example.test, kwaliteit2@example.test
            safeguarding = aandacht@example.test
            secret_file = \(directory!)/reply.secret
            [imap]
            url = imap://127.0.0.1:1/INBOX
            [smtp]
            url = smtp://127.0.0.1:1
            [storage]
            database = \(directory!)/klachtd.sqlite
            [location "Morel"]
            handler = behandelaar1@example.test
            aliases = bso morel
            [location "De Boomgaard"]
            handler = behandelaar2@example.test
            aliases = boomgaard
            regime = wkkgz
            """, file: directory + "/klachtd.conf")
        runtime = try Runtime(configuration: configuration, clock: Clock(fixed: now), logger: Logger())
        store = try runtime.openStore()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func deliver(_ raw: String) throws {
        let bytes = Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        _ = try store.storeRaw(bytes, origin: .deliver, messageID: nil, sha256: SHA256.hexDigest(bytes), receivedAt: now, now: now)
        try IntakeProcessor(runtime: runtime, store: store).processPending()
    }

    func openCase(subject: String = "Klacht BSO Morel") throws -> CaseRecord {
        try deliver("From: Ouder <ouder1@example.test>\nTo: klachten@example.test\nSubject: \(subject)\nMessage-ID: <\(UUID())@ouder.test>\n\nBij BSO Morel ging het mis.\n")
        return try XCTUnwrap(store.allCases().first)
    }

    func reply(from: String, to: String, body: String) -> String {
        "From: \(from)\nTo: \(to)\nSubject: Re: zaak\nMessage-ID: <\(UUID())@staff.test>\n\n\(body)\n"
    }

    func tokenAddress(_ record: CaseRecord, for recipient: String) throws -> String {
        let signer = try XCTUnwrap(runtime.replySigner)
        return PlusAddress.make(mailbox: "klachten@example.test", reference: record.reference, token: signer.token(for: record.reference, recipient: recipient))
    }

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
        XCTAssertEqual(updated.measuresDue, "2026-06-30")
        XCTAssertEqual(try store.measures(caseID: record.id), [MeasureRecord(text: "Nieuwe afspraken", due: "2026-06-30")])
        let letter = try XCTUnwrap(store.outbox(caseID: record.id).first { $0.kind == "judgement-letter" })
        XCTAssertEqual(letter.recipients, ["ouder1@example.test"])
        let text = try XCTUnwrap(MessageParser.parse(letter.bytes).text)
        XCTAssertTrue(text.contains("deels gegrond"))
        XCTAssertTrue(text.contains("De motivering."))
        XCTAssertTrue(text.contains("dinsdag 30 juni 2026"), text)
        let events = try store.events(caseID: record.id)
        XCTAssertTrue(events.contains { $0.actor == "behandelaar1@example.test" && $0.toState == "judgement_sent" })
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
        let messages = try store.caseMessages(caseID: record.id).filter { $0.direction == "in" && !$0.verified }
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
        let original = try XCTUnwrap(record.decisionDue.flatMap(LocalDate.init(iso:)))
        XCTAssertEqual(extended.decisionDue, original.adding(weeks: 4).iso)
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
