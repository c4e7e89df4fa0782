@testable import CaseStore
import ComplaintCore
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailParser
import XCTest

/// The daemon's side of the scheduler against a real SQLite file: claim and queue once, across passes and restarts.
final class SchedulerRunTests: XCTestCase {
    private var directory = ""
    private let received = "2026-05-04T10:00:00+02:00"

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-sched-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func configuration(templates: String? = nil) throws -> Configuration {
        try unitTestConfiguration(directory: directory, sections: """
            \(templates.map { "[templates]\ndirectory = \($0)" } ?? "")
            [location "Morel"]
            handler = behandelaar1@example.test
            aliases = morel, bso morel
            regime = wko
            """)
    }

    /// A fresh runtime and store at `moment`: every call is what a restarted process sees.
    private func process(at moment: String, templates: String? = nil) throws -> (Runtime, CaseStore) {
        let runtime = try Runtime(configuration: try configuration(templates: templates),
                                  clock: Clock(fixed: try XCTUnwrap(try? Date(moment, strategy: .iso8601))))
        return (runtime, try runtime.openStore())
    }

    /// Delivers a complaint about BSO Morel through the real intake, as `klachtd deliver --now` does;
    /// unless `contacted` is false, the handler then writes on the case (the first contact is made).
    private func deliverComplaint(contacted: Bool = true) throws {
        let (runtime, store) = try process(at: received)
        let mail = "From: Ouder Een <ouder1@example.test>\r\nTo: klachten@example.test\r\nSubject: Klacht BSO Morel\r\n"
            + "Message-ID: <sched-\(UUID().uuidString)@ouders.example.test>\r\n\r\nMijn kind werd te laat opgehaald bij BSO Morel.\r\n"
        try deliverForTest(mail, runtime: runtime, store: store)
        if contacted { try handlerWrites() }
    }

    private func handlerWrites() throws {
        let (_, store) = try process(at: received)
        let record = try XCTUnwrap(try store.caseRecord(reference: CaseReference(year: 2026, number: 1)))
        try store.addCaseMessage(caseID: record.id, CaseMessage(direction: .incoming, role: .handler, messageID: nil, subject: nil,
                                                                text: "Ik heb de ouder gebeld.", verified: true, at: Date(),
                                                                rawMessageID: nil, outboxID: nil))
    }

    @discardableResult
    private func tick(_ moment: String, templates: String? = nil) throws -> [String] {
        let (runtime, store) = try process(at: moment, templates: templates)
        return try SchedulerRun(runtime: runtime, store: store).run().map(\.key)
    }

    /// The queued mails of one template: recipients and bytes.
    private func outbox(_ kind: String) throws -> [(recipients: [String], bytes: [UInt8])] {
        let (_, store) = try process(at: received)
        return try store.db.query("SELECT recipients, bytes FROM outbox WHERE kind = ? ORDER BY id", [.text(kind)]).map { row in
            ((row.string("recipients") ?? "").split(separator: "\n").map(String.init), row.bytes("bytes") ?? [])
        }
    }

    func testTickTwiceQueuesEachReminderOnce() throws {
        try deliverComplaint()
        XCTAssertEqual(try tick("2026-05-18T10:00:00+02:00"), ["reminder:week-2", "digest:2026-W21"])
        XCTAssertEqual(try tick("2026-05-18T10:00:30+02:00"), [])
        let reminders = try outbox("handler-reminder")
        XCTAssertEqual(reminders.map(\.recipients), [["behandelaar1@example.test"]])
        let text = MessageParser.parse(reminders[0].bytes).text ?? ""
        XCTAssertTrue(text.contains("2 weken geleden ontvangen"), text)
        XCTAssertTrue(text.contains("maandag 15 juni 2026"), text)
    }

    func testRestartBetweenTicksSendsNothingTwice() throws {
        try deliverComplaint()
        let moments = ["2026-05-18T10:00:00+02:00", "2026-06-01T09:00:00+02:00", "2026-06-08T09:00:00+02:00",
                       "2026-06-16T09:00:00+02:00", "2026-06-23T09:00:00+02:00"]
        var keys: [String] = []
        for moment in moments {
            keys += try tick(moment)
            XCTAssertEqual(try tick(moment), [], "a second process at \(moment) finds every key claimed")
        }
        // The parent heard nothing for ten working days after the acknowledgement: one progress update (issue 10).
        XCTAssertEqual(keys.filter { !$0.hasPrefix("digest:") }, [
            "reminder:week-2", "reminder:week-4", "progress-update:2026-05-19", "reminder:week-5",
            "escalation:decision:2026-06-16", "escalation:decision:2026-06-23",
        ])
        XCTAssertEqual(keys.filter { $0.hasPrefix("digest:") }, ["digest:2026-W21", "digest:2026-W23", "digest:2026-W24"],
                       "one digest in each week ticked on its Monday")
        XCTAssertEqual(try outbox("handler-reminder").count, 3)
        XCTAssertEqual(try outbox("weekly-digest").map(\.recipients), Array(repeating: ["kwaliteit@example.test"], count: 3))
    }

    func testEscalationGoesToQualityAndManagementWithAnEventOnTheCase() throws {
        try deliverComplaint()
        XCTAssertEqual(try tick("2026-06-16T09:00:00+02:00"), ["escalation:decision:2026-06-16"])
        XCTAssertEqual(try outbox("overdue-escalation").map(\.recipients), [["kwaliteit@example.test"], ["directie@example.test"]])
        let (_, store) = try process(at: received)
        let record = try XCTUnwrap(try store.caseRecord(reference: CaseReference(year: 2026, number: 1)))
        let event = try XCTUnwrap(try store.events(caseID: record.id).last)
        XCTAssertEqual(event.action, "escalation queued")
        XCTAssertTrue(event.reason?.hasPrefix("escalation:decision:2026-06-16: De termijn voor het schriftelijk oordeel") ?? false,
                      event.reason ?? "")
    }

    func testAFailedRenderClaimsNothingSoTheNextPassSendsIt() throws {
        try deliverComplaint()
        let broken = directory + "/templates"
        try FileManager.default.createDirectory(atPath: broken + "/nl", withIntermediateDirectories: true)
        let shipped = Runtime.shippedTemplatesDirectory() + "/nl"
        for file in try FileManager.default.contentsOfDirectory(atPath: shipped) where file != "handler-reminder.txt" {
            try FileManager.default.copyItem(atPath: shipped + "/" + file, toPath: broken + "/nl/" + file)
        }
        XCTAssertThrowsError(try tick("2026-05-18T10:00:00+02:00", templates: broken))
        XCTAssertEqual(try outbox("handler-reminder").count, 0)
        XCTAssertEqual(try tick("2026-05-18T10:05:00+02:00"), ["reminder:week-2", "digest:2026-W21"],
                       "the failed pass claimed nothing: the claim was rolled back with its mail")
        XCTAssertEqual(try outbox("handler-reminder").count, 1)
    }

    func testAHandlerMessageOnTheCaseCountsAsFirstContact() throws {
        try deliverComplaint(contacted: false)
        XCTAssertEqual(try tick("2026-05-08T10:00:00+02:00").filter { !$0.hasPrefix("digest:") }, ["reminder:first-contact-due-1"])
        try handlerWrites()
        XCTAssertEqual(try tick("2026-05-12T10:00:00+02:00").filter { !$0.hasPrefix("digest:") }, [],
                       "no first-contact escalation once the handler wrote")
    }

    func testWithoutContactTheFirstContactTermIsEscalated() throws {
        try deliverComplaint(contacted: false)
        XCTAssertEqual(try tick("2026-05-12T10:00:00+02:00").filter { !$0.hasPrefix("digest:") }, ["escalation:first-contact:2026-05-12"])
    }
}
