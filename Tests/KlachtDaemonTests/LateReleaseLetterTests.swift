@testable import CaseStore
import ComplaintCore
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailParser
import XCTest

/// The known limit of session 5: a complaint the safeguarding officer released after its
/// decision date still got "Uiterlijk <a date in the past> krijgt u ons oordeel". The terms
/// still run from the receipt (the law has no extension), so the letter now says the date has
/// passed, apologises, and names the direct way to the Geschillencommissie.
final class LateReleaseLetterTests: XCTestCase {
    private var directory = ""
    private let received = "2026-03-02T09:30:00+01:00"

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-release-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func process(at moment: String, addressForm: String = "u") throws -> (Runtime, CaseStore) {
        let configuration = try unitTestConfiguration(directory: directory, sections: """
            [location "Morel"]
            handler = behandelaar1@example.test
            aliases = morel, bso morel
            regime = wko
            address_form = \(addressForm)
            """)
        let runtime = try Runtime(configuration: configuration, clock: Clock(fixed: try XCTUnwrap(try? Date(moment, strategy: .iso8601))))
        return (runtime, try runtime.openStore())
    }

    /// The complaint as a parent writes it from an iPhone; its words put it under the meldcode.
    private func deliverMeldcodeComplaint() throws {
        let (runtime, store) = try process(at: received)
        let mail = "From: Fatima el Amrani <fatima.elamrani@example.test>\r\nTo: klachten@example.test\r\n"
            + "Subject: Klacht over BSO Morel\r\nMessage-ID: <release-\(UUID().uuidString)@icloud.example.test>\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Mijn zoon kwam thuis met een blauwe plek en zegt dat een leidster van BSO Morel hem kneep.\r\n\r\nVerstuurd vanaf mijn iPhone\r\n"
        try deliverForTest(mail, runtime: runtime, store: store)
        XCTAssertEqual(try store.caseRecord(reference: CaseReference(year: 2026, number: 1))?.state, .safeguarding)
    }

    /// The safeguarding officer's `#vrijgeven` at `moment`; returns the parent's letter as text.
    private func release(at moment: String, addressForm: String = "u") throws -> String {
        let (runtime, store) = try process(at: moment, addressForm: addressForm)
        let record = try XCTUnwrap(try store.caseRecord(reference: CaseReference(year: 2026, number: 1)))
        let errors = try store.transaction {
            try CommandExecutor(runtime: runtime, store: store)
                .execute(CommandParser.parse("#vrijgeven"), role: .safeguarding, actor: "aandacht@example.test", on: record,
                         replyTo: nil, rawID: nil, now: runtime.clock.now())
        }.errors
        XCTAssertEqual(errors, [])
        let bytes = try XCTUnwrap(try store.db.query("SELECT bytes FROM outbox WHERE kind = 'release-acknowledgement'").first?.bytes("bytes"))
        return try XCTUnwrap(MessageParser.parse(bytes).text)
    }

    func testReleasedInTimeTheLetterPromisesTheDecisionDate() throws {
        try deliverMeldcodeComplaint()
        let letter = try release(at: "2026-03-20T10:00:00+01:00")
        XCTAssertTrue(letter.contains("Uiterlijk maandag 13 april 2026 krijgt u ons oordeel"), letter)
        XCTAssertTrue(letter.contains("Zo hoeft u door onze vertraging niet langer op ons oordeel te wachten."), letter)
        XCTAssertFalse(letter.contains("al voorbij"), letter)
    }

    func testReleasedAfterTheDecisionDateTheLetterSaysItHasPassedAndNamesTheGeschillencommissie() throws {
        try deliverMeldcodeComplaint()
        let letter = try release(at: "2026-04-22T10:00:00+02:00")
        XCTAssertFalse(letter.contains("Uiterlijk maandag 13 april 2026 krijgt u"), "no promise of a date that has passed:\n\(letter)")
        XCTAssertFalse(letter.contains("niet langer op ons oordeel te wachten"), letter)
        XCTAssertTrue(letter.contains("Wij hadden u uiterlijk maandag 13 april 2026 ons oordeel moeten geven. Die datum is al voorbij, en dat spijt ons."), letter)
        XCTAssertTrue(letter.contains("kunt u nu al naar de Geschillencommissie Kinderopvang"), letter)
        XCTAssertTrue(letter.contains("Onze excuses daarvoor."), "the apology for the late start stays")

        // The case is late from the start: the next scheduler run escalates the decision term.
        let (runtime, store) = try process(at: "2026-04-22T11:00:00+02:00")
        let keys = try SchedulerRun(runtime: runtime, store: store).run().map(\.key)
        XCTAssertTrue(keys.contains { $0.hasPrefix("escalation:decision:") }, "\(keys)")
    }

    func testTheJeLetterSaysTheSame() throws {
        try deliverMeldcodeComplaint()
        let letter = try release(at: "2026-04-22T10:00:00+02:00", addressForm: "je")
        XCTAssertTrue(letter.contains("Wij hadden je uiterlijk maandag 13 april 2026 ons oordeel moeten geven."), letter)
        XCTAssertTrue(letter.contains("kun je nu al naar de Geschillencommissie Kinderopvang"), letter)
    }
}
