@testable import CaseStore
import ComplaintCore
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailParser
import XCTest

/// Issue 20, the second reader, against a real SQLite file: a held judgement leaves the case
/// unjudged (the scheduler still escalates its decision term), and an `#akkoord` on a case that
/// moved on meanwhile sends nothing to the parent.
final class JudgementReviewExecutorTests: XCTestCase {
    private var directory = ""
    private let received = "2026-05-04T10:00:00+02:00"

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-review-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func process(at moment: String) throws -> (Runtime, CaseStore) {
        let configuration = try unitTestConfiguration(directory: directory, sections: """
            [procedure]
            review_judgements = yes
            [location "Morel"]
            handler = behandelaar1@example.test
            aliases = morel, bso morel
            regime = wko
            """)
        let runtime = try Runtime(configuration: configuration, clock: Clock(fixed: try XCTUnwrap(try? Date(moment, strategy: .iso8601))))
        return (runtime, try runtime.openStore())
    }

    /// Runs commands as they would arrive, in one transaction; returns the plan's errors.
    @discardableResult
    private func command(_ text: String, role: CommandRole, actor: String, at moment: String) throws -> [String] {
        let (runtime, store) = try process(at: moment)
        let record = try XCTUnwrap(try store.caseRecord(reference: CaseReference(year: 2026, number: 1)))
        return try store.transaction {
            try CommandExecutor(runtime: runtime, store: store)
                .execute(CommandParser.parse(text), role: role, actor: actor, on: record, replyTo: nil, rawID: nil, now: runtime.clock.now())
        }.errors.map(\.dutch)
    }

    private func outboxKinds() throws -> [String] {
        let (_, store) = try process(at: received)
        return try store.db.query("SELECT kind FROM outbox ORDER BY id").compactMap { $0.string("kind") }
    }

    private func deliverComplaint() throws {
        let (runtime, store) = try process(at: received)
        let mail = "From: Ouder Een <ouder1@example.test>\r\nTo: klachten@example.test\r\nSubject: Klacht BSO Morel\r\n"
            + "Message-ID: <review-\(UUID().uuidString)@ouders.example.test>\r\n\r\nMijn kind werd te laat opgehaald bij BSO Morel.\r\n"
        try deliverForTest(mail, runtime: runtime, store: store)
    }

    func testHeldJudgementKeepsTheDecisionTermRunningAndAkkoordOnAWithdrawnCaseSendsNothing() throws {
        try deliverComplaint()
        XCTAssertEqual(try command("#oordeel gegrond\n#maatregel De overdracht wordt opnieuw besproken.\n#termijn 4 weken\n\nWij hebben het uitgezocht.",
                                   role: .handler, actor: "behandelaar1@example.test", at: "2026-05-20T10:00:00+02:00"), [])
        XCTAssertEqual(try outboxKinds().filter { $0.hasPrefix("judgement") }, ["judgement-review", "judgement-held"])
        let (_, store) = try process(at: received)
        let record = try XCTUnwrap(try store.caseRecord(reference: CaseReference(year: 2026, number: 1)))
        XCTAssertEqual(record.state, .assigned)
        XCTAssertNil(record.outcome)
        XCTAssertNotNil(try store.pendingJudgement(caseID: record.id))
        XCTAssertTrue(try store.measures(caseID: record.id).isEmpty, "the savepoint that rendered the draft left nothing behind")

        // The decision date passes while the reader has not answered: the escalation goes out.
        let decisionDue = try XCTUnwrap(record.decisionDue)
        let (lateRuntime, lateStore) = try process(at: "\(decisionDue.adding(days: 1).iso)T10:00:00+02:00")
        let keys = try SchedulerRun(runtime: lateRuntime, store: lateStore).run().map(\.key)
        XCTAssertTrue(keys.contains("escalation:decision:\(decisionDue.adding(days: 1).iso)"), "\(keys)")

        // Management cannot approve; the parent withdraws; the reader's #akkoord then sends nothing.
        XCTAssertFalse(try command("#akkoord", role: .management, actor: "directie@example.test", at: "2026-06-20T10:00:00+02:00").isEmpty)
        XCTAssertEqual(try command("#ingetrokken de ouder heeft het opgelost met de locatie", role: .operator, actor: "cli:test",
                                   at: "2026-06-20T10:00:00+02:00"), [])
        XCTAssertEqual(try command("#akkoord", role: .quality, actor: "kwaliteit@example.test", at: "2026-06-21T10:00:00+02:00"), [])
        let kinds = try outboxKinds()
        XCTAssertFalse(kinds.contains("judgement-letter"), "\(kinds)")
        XCTAssertEqual(kinds.last, "judgement-not-sent", "the reader is told")
        let events = try store.events(caseID: record.id).map(\.action)
        XCTAssertTrue(events.contains("judgement not sent"), "\(events)")
        XCTAssertFalse(try command("#akkoord", role: .quality, actor: "kwaliteit@example.test", at: "2026-06-21T10:00:00+02:00").isEmpty,
                       "nothing waits any more")
        XCTAssertFalse(try outboxKinds().contains("judgement-letter"))
    }

    func testOperatorJudgementAtTheCommandLineIsHeldTooAndApprovedItSendsTheLetterOnce() throws {
        try deliverComplaint()
        XCTAssertEqual(try command("#oordeel ongegrond\n\nDe deur was bemand.", role: .operator, actor: "cli:marieke",
                                   at: "2026-05-20T10:00:00+02:00"), [])
        XCTAssertEqual(try outboxKinds().filter { $0.hasPrefix("judgement") }, ["judgement-review"], "no handler notice for the command line")
        XCTAssertEqual(try command("#terug kort", role: .handler, actor: "behandelaar1@example.test", at: "2026-05-21T10:00:00+02:00").count, 1,
                       "the handler is no second reader")
        XCTAssertEqual(try command("#akkoord", role: .quality, actor: "kwaliteit@example.test", at: "2026-05-21T10:00:00+02:00"), [])
        XCTAssertEqual(try outboxKinds().filter { $0 == "judgement-letter" }.count, 1)
        XCTAssertFalse(try command("#akkoord", role: .quality, actor: "kwaliteit@example.test", at: "2026-05-21T11:00:00+02:00").isEmpty,
                       "nothing waits any more")
        XCTAssertEqual(try outboxKinds().filter { $0 == "judgement-letter" }.count, 1)
        let (_, store) = try process(at: received)
        XCTAssertEqual(try store.caseRecord(reference: CaseReference(year: 2026, number: 1))?.state, .judgementSent)
    }

    /// The known limit of session 5: `klachtd status` and the weekly overview did not show a
    /// judgement waiting for the reader, so a quality officer who missed the draft mail had
    /// nothing to find it by. Both list it now, until the `#akkoord`.
    func testTheWeeklyOverviewAndStatusListAJudgementWaitingForTheReaderUntilItIsApproved() throws {
        try deliverComplaint()
        let reference = CaseReference(year: 2026, number: 1).description
        XCTAssertEqual(try command("#oordeel ongegrond\n\nDe deur was bemand.", role: .handler, actor: "behandelaar1@example.test",
                                   at: "2026-05-20T10:00:00+02:00"), [])
        let (runtime, store) = try process(at: "2026-05-20T11:00:00+02:00")
        let now = runtime.clock.now()
        let status = try ServiceStatus.read(store, today: runtime.civil.localDate(of: now), now: now)
        XCTAssertEqual(status.judgementsInReview.map(\.reference), [reference])

        // Monday 1 June, the overview's day: the judgement still waits.
        let (mondayRuntime, mondayStore) = try process(at: "2026-06-01T10:00:00+02:00")
        XCTAssertTrue(try SchedulerRun(runtime: mondayRuntime, store: mondayStore).run().contains { $0.key.hasPrefix("digest:") })
        let bytes = try XCTUnwrap(try mondayStore.db.query("SELECT bytes FROM outbox WHERE kind = 'weekly-digest'").first?.bytes("bytes"))
        let overview = MessageParser.parse(bytes)
        let text = try XCTUnwrap(overview.text)
        let decisionDue = try XCTUnwrap(try store.caseRecord(reference: CaseReference(year: 2026, number: 1))?.decisionDue)
        XCTAssertTrue(text.contains("Oordeel wacht op je akkoord\n- [\(reference)] Morel: oordeel van behandelaar1@example.test; beslistermijn "
                                    + DateWording.format(decisionDue, english: false)), text)
        XCTAssertTrue(text.contains("De ouder krijgt de brief pas na je #akkoord."), text)
        let html = try XCTUnwrap(overview.html)
        XCTAssertTrue(html.contains(">Oordeel wacht op je akkoord</td>") && html.contains("<b>\(reference)</b>"), html)

        XCTAssertEqual(try command("#akkoord", role: .quality, actor: "kwaliteit@example.test", at: "2026-06-01T11:00:00+02:00"), [])
        let after = try ServiceStatus.read(store, today: runtime.civil.localDate(of: now), now: now)
        XCTAssertTrue(after.judgementsInReview.isEmpty, "\(after.judgementsInReview)")
    }
}
