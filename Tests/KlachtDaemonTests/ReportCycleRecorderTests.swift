import CaseStore
import ComplaintCore
import Foundation
import KlachtConfig
import Reporting
@testable import KlachtDaemon
import XCTest

/// Issue 20: the round's dates recorded from a staff mail's text (the function the staff
/// command dispatcher calls) against a real SQLite file, and shown by the report.
final class ReportCycleRecorderTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-cycle-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func process(at moment: String) throws -> (Runtime, CaseStore) {
        let runtime = try Runtime(configuration: try unitTestConfiguration(directory: directory, sections: ""),
                                  clock: Clock(fixed: try XCTUnwrap(try? Date(moment, strategy: .iso8601))))
        return (runtime, try runtime.openStore())
    }

    func testAQualityOfficersMailRecordsBothDatesAndTheReportShowsThem() throws {
        let (runtime, store) = try process(at: "2027-05-21T10:00:00+02:00")
        let recorder = ReportCycleRecorder(runtime: runtime, store: store)
        // As Outlook sends it: the commands on top, the signature below.
        let outcome = try recorder.handle(text: "#jaarverslag-verzonden 20-5-2027\r\n#oudercommissie 2027-05-12\r\n\r\nMet vriendelijke groet,\r\nMarieke",
                                          actor: "kwaliteit@example.test", now: runtime.clock.now())
        XCTAssertEqual(outcome.errors, [])
        XCTAssertEqual(outcome.confirmations, ["Het jaarverslag 2026 is op donderdag 20 mei 2027 naar de GGD gestuurd.",
                                               "Het jaarverslag 2026 is op woensdag 12 mei 2027 met de oudercommissie besproken."])
        XCTAssertEqual(try store.reportCycle(year: 2026), ReportCycleStatus(year: 2026, sentToGGD: LocalDate(year: 2027, month: 5, day: 20),
                                                                           oudercommissie: LocalDate(year: 2027, month: 5, day: 12)))
        let report = try AnnualReportSource.build(runtime: runtime, store: store, year: 2026)
        XCTAssertTrue(MarkdownReport.render(report).contains("- Verzonden aan de GGD op 20 mei 2027.\n- Besproken met de oudercommissie op 12 mei 2027."))
    }

    func testOneBadLineRecordsNothingAndAMailWithoutRoundCommandsIsLeftAlone() throws {
        let (runtime, store) = try process(at: "2027-05-21T10:00:00+02:00")
        let recorder = ReportCycleRecorder(runtime: runtime, store: store)
        let bad = try recorder.handle(text: "#oudercommissie 2027-05-12\n#jaarverslag-verzonden morgen", actor: "kwaliteit@example.test",
                                      now: runtime.clock.now())
        XCTAssertTrue(bad.handled)
        XCTAssertEqual(bad.errors.count, 1)
        XCTAssertEqual(try store.reportCycle(year: 2026), ReportCycleStatus(year: 2026), "all or nothing")
        let other = try recorder.handle(text: "#zaken open", actor: "kwaliteit@example.test", now: runtime.clock.now())
        XCTAssertFalse(other.handled)
    }
}
