import CaseStore
import ComplaintCore
import DaemonSupport
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailParser
import XCTest

/// Issue 17, findings 4 and 5, on a real (temporary) database without mail servers: the limit on
/// automatic mail to new addresses, unvouched senders, printable names, collected follow-up
/// notices, and messages answered to nobody that are listed instead of silently dropped.
final class FloodIntakeTests: XCTestCase {
    var directory: String!
    let start = Date(timeIntervalSince1970: 1_779_087_600) // Monday 18 May 2026 09:00 Amsterdam

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-flood-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func runtime(at moment: Date, extra: String = "") throws -> (Runtime, CaseStore) {
        let configuration = try ConfigurationLoader.parse("""
            [organisation]
            name = Kinderopvang De Vlinder
            address = klachten@example.test
            quality = kwaliteit@example.test
            safeguarding = aandacht@example.test
            [imap]
            url = imap://127.0.0.1:1/INBOX
            [smtp]
            url = smtp://127.0.0.1:1
            [storage]
            database = \(directory!)/klachtd.sqlite
            [location "Morel"]
            handler = behandelaar1@example.test
            aliases = bso morel
            \(extra)
            """, file: directory + "/klachtd.conf")
        let runtime = try Runtime(configuration: configuration, clock: Clock(fixed: moment), logger: Logger())
        return (runtime, try runtime.openStore())
    }

    @discardableResult
    func deliver(_ raw: String, at moment: Date, extra: String = "") throws -> CaseStore {
        let (runtime, store) = try runtime(at: moment, extra: extra)
        try deliverForTest(raw, runtime: runtime, store: store, at: moment)
        return store
    }

    /// A complaint as an iPhone's Mail sends it; `headers` go on top, as a receiving server adds them.
    func iPhoneComplaint(from address: String, name: String = "Sanne de Vries", subject: String = "Klacht BSO Morel",
                         body: String = "Gisteren is mijn dochter bij BSO Morel zonder jas naar buiten gestuurd.",
                         headers: [String] = []) -> String {
        (headers + [
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "Mime-Version: 1.0 (1.0)",
            "Subject: \(subject)", "From: \(name) <\(address)>", "Date: Mon, 18 May 2026 08:58:12 +0200",
            "Message-Id: <\(UUID().uuidString)@ouders.example.test>", "To: klachten@example.test", "X-Mailer: iPhone Mail (21F90)",
        ]).joined(separator: "\n") + "\n\n" + body + "\n\nVerstuurd vanaf mijn iPhone\n"
    }

    func mails(_ store: CaseStore, kind: OutboxKind) throws -> [OutboxRecord] {
        try store.outbox(caseID: nil).filter { $0.kind == kind }
    }

    // MARK: Finding 4: the spam cannon

    func testForgedFloodMakesEveryCaseButHoldsAcknowledgementsAboveTheLimitAndTellsQualityOnce() throws {
        let limits = "[limits]\nnew_address_mails_per_hour = 10\nnew_address_mails_per_day = 15"
        var store: CaseStore!
        for n in 1...30 {
            store = try deliver(iPhoneComplaint(from: "slachtoffer\(n)@elders.example"), at: start.addingTimeInterval(Double(n)), extra: limits)
        }
        XCTAssertEqual(try store.allCases().count, 30, "every message is still a case")
        let acknowledgements = try mails(store, kind: "acknowledgement")
        XCTAssertEqual(acknowledgements.count, 30)
        XCTAssertEqual(acknowledgements.filter { $0.state == .queued }.count, 10)
        XCTAssertEqual(acknowledgements.filter { $0.state == .held }.count, 20, "held, not dropped")
        XCTAssertEqual(try mails(store, kind: FirstContactLimit.noticeKind).count, 1, "the quality staff are told once")
        let heldCase = try XCTUnwrap(store.allCases().max { $0.id < $1.id })
        XCTAssertTrue(try store.events(caseID: heldCase.id).contains { $0.action == "mail held" }, "the case shows it")

        // The quality staff withdraw the newest case as forged: its held acknowledgement is cancelled.
        try store.changeState(caseID: heldCase.id, from: heldCase.state, to: .withdrawn, actor: "cli:kwaliteit", action: "withdraw",
                              reason: "vervalste afzender", rawMessageID: nil, now: start.addingTimeInterval(120))
        // An hour later the hour has room again, but the day allows only 5 more: oldest first.
        let (later, laterStore) = try runtime(at: start.addingTimeInterval(3700), extra: limits)
        try SchedulerRun(runtime: later, store: laterStore).run()
        let after = try mails(laterStore, kind: "acknowledgement")
        XCTAssertEqual(after.filter { $0.state == .queued }.count, 15)
        XCTAssertEqual(after.filter { $0.state == .held }.map(\.id), Array(acknowledgements.map(\.id).suffix(15).dropLast()))
        XCTAssertEqual(after.filter { $0.state == .cancelled }.map(\.caseID), [heldCase.id])
        let released = try XCTUnwrap(after.first { $0.id == acknowledgements[10].id })
        XCTAssertEqual(MessageParser.parse(released.bytes).header("Date"), "Mon, 18 May 2026 08:01:40 +0000",
                       "a released letter is dated when it goes out, not when it was held")
        XCTAssertTrue(try laterStore.events(caseID: heldCase.id).contains { $0.action == "mail cancelled" })
    }

    func testAnAddressMailedBeforeAndStaffDoNotCountAgainstTheLimit() throws {
        let limits = "[limits]\nnew_address_mails_per_hour = 1"
        try deliver(iPhoneComplaint(from: "ouder1@example.test"), at: start, extra: limits)
        let store = try deliver(iPhoneComplaint(from: "ouder1@example.test", subject: "Nog iets over BSO Morel"),
                                at: start.addingTimeInterval(60), extra: limits)
        XCTAssertEqual(try mails(store, kind: "acknowledgement").map(\.state), [.queued, .queued])
    }

    func testSixKilobyteDisplayNameWithALinkGetsTheNeutralSalutation() throws {
        let name = "Gratis prijs! Klik op https://winnen.example/claim?id=" + String(repeating: "x", count: 6_000)
        let store = try deliver(iPhoneComplaint(from: "ouder2@example.test", name: "\"\(name)\""), at: start)
        let letter = String(decoding: try XCTUnwrap(mails(store, kind: "acknowledgement").first).bytes, as: UTF8.self)
        XCTAssertTrue(letter.contains("Beste ouder of verzorger,"), letter)
        XCTAssertFalse(letter.contains("winnen.example"))
        XCTAssertFalse(letter.contains("xxxxxxxx"))
    }

    func testAnOrdinaryNameIsStillPrinted() throws {
        let store = try deliver(iPhoneComplaint(from: "ouder3@example.test", name: "Anne-Marie O'Neill"), at: start)
        let letter = String(decoding: try XCTUnwrap(mails(store, kind: "acknowledgement").first).bytes, as: UTF8.self)
        XCTAssertTrue(letter.contains("Beste Anne-Marie O'Neill,"), letter)
    }

    func testSenderFailingSPFAndDKIMGetsNoAutomaticReplyButACase() throws {
        let authentication = "[authentication]\nauthserv_id = mx.example.test"
        let forged = iPhoneComplaint(from: "ouder4@ouders.example", headers: [
            "Authentication-Results: mx.example.test; spf=fail smtp.mailfrom=ouder4@ouders.example; dkim=fail header.d=ouders.example",
        ])
        let store = try deliver(forged, at: start, extra: authentication)
        let record = try XCTUnwrap(store.allCases().first)
        XCTAssertTrue(try mails(store, kind: "acknowledgement").isEmpty, "no acknowledgement to a sender nobody vouches for")
        XCTAssertTrue(record.flags.map(\.rawValue).contains("sender-unverified"), "\(record.flags)")
        XCTAssertFalse(try mails(store, kind: "handler-assignment").isEmpty, "the handler still gets the case")

        let genuine = iPhoneComplaint(from: "ouder5@ouders.example", headers: [
            "Authentication-Results: mx.example.test; spf=pass smtp.mailfrom=ouder5@ouders.example; dkim=fail header.d=ouders.example",
        ])
        try deliver(genuine, at: start.addingTimeInterval(60), extra: authentication)
        XCTAssertEqual(try mails(store, kind: "acknowledgement").count, 1, "SPF alone vouches for the sender")

        // No verdict from our server at all (a local delivery): not judged, acknowledged as before.
        try deliver(iPhoneComplaint(from: "ouder6@ouders.example"), at: start.addingTimeInterval(120), extra: authentication)
        XCTAssertEqual(try mails(store, kind: "acknowledgement").count, 2)
    }

    func testFollowUpFloodToTheHandlerIsCollectedInOneNotice() throws {
        var store = try deliver(iPhoneComplaint(from: "ouder6@example.test"), at: start)
        let reference = try XCTUnwrap(store.allCases().first?.reference.description)
        for n in 1...25 {
            store = try deliver(iPhoneComplaint(from: "ouder6@example.test", subject: "Re: Ontvangstbevestiging van uw klacht [\(reference)]",
                                                body: "Aanvulling nummer \(n): het gebeurde vaker."),
                                at: start.addingTimeInterval(600 + Double(n) * 10))
        }
        let notices = try mails(store, kind: "follow-up-notice")
        XCTAssertEqual(notices.count, 2, "the first at once, the other 24 in one notice")
        let collected = String(decoding: try XCTUnwrap(notices.last).bytes, as: UTF8.self)
        XCTAssertTrue(collected.contains("24 berichten sinds de vorige melding"), collected)
        XCTAssertTrue(collected.contains("Aanvulling nummer 6:") && collected.contains("Aanvulling nummer 25:"), collected)
        XCTAssertTrue(collected.contains("de 4 oudste staan in het dossier"), "at most \(FollowUpCollector.maximumTexts) texts, the rest named")
        XCTAssertGreaterThan(try XCTUnwrap(notices.last).nextAttemptAt, start.addingTimeInterval(600 + 250), "it waits for the window")
    }

    // MARK: Finding 5: real complaints silently ignored

    func testAutoForwardedMailFromALocationMailboxIsAComplaint() throws {
        let forwarded = iPhoneComplaint(from: "ouder7@example.test", headers: [
            "Auto-Submitted: auto-forwarded", "X-MS-Exchange-Inbox-Rules-Loop: bso-morel@example.test",
        ])
        let store = try deliver(forwarded, at: start)
        XCTAssertEqual(try store.allCases().count, 1)
        XCTAssertEqual(try mails(store, kind: "acknowledgement").count, 1)
    }

    func testForwardedAutoReplyIsStillNotAnswered() throws {
        let store = try deliver(iPhoneComplaint(from: "ouder8@example.test", subject: "Automatisch antwoord: Klacht BSO Morel",
                                                headers: ["Auto-Submitted: auto-forwarded"]), at: start)
        XCTAssertTrue(try store.allCases().isEmpty)
        XCTAssertTrue(try mails(store, kind: "acknowledgement").isEmpty)
    }

    func testIgnoredMessagesAreListedWithTheirReasonAndCounted() throws {
        try deliver(iPhoneComplaint(from: "ouder9@example.test", headers: ["List-Id: Ouderraad <ouderraad.example.test>", "Precedence: list"]), at: start)
        let store = try deliver(iPhoneComplaint(from: "postmaster@ouders.example", headers: ["Return-Path: <>"]), at: start.addingTimeInterval(60))
        let ignored = try store.ignoredMessages(since: start.addingTimeInterval(-60))
        XCTAssertEqual(ignored.count, 2)
        XCTAssertTrue(ignored.contains { $0.note?.contains("Precedence: list") ?? false }, "\(ignored.map(\.note))")
        XCTAssertTrue(ignored.contains { $0.note?.contains("null Return-Path") ?? false })
        XCTAssertEqual(try store.ignoredCount(from: start.addingTimeInterval(-60), to: start.addingTimeInterval(120)), 2)
        XCTAssertEqual(try store.rawMessageCounts()[.ignored], 2)
    }
}
