@testable import ComplaintCore
import Foundation
import MailTemplates
import Reporting
@testable import KlachtDaemon
import XCTest

/// Issue 20: the round's January mail lists the attached draft's own to-do list (one source of
/// truth); it used to build a second list of its own, which called a judged complaint whose
/// measures still run "open" while the draft, rightly, did not.
final class ReportCycleToDoTests: XCTestCase {
    private func day(_ text: String) throws -> LocalDate { try XCTUnwrap(LocalDate(iso: text)) }

    private func complaint(_ reference: String, state: CaseState, received: String, location: String?, category: String? = nil,
                           judged: String? = nil, outcome: String? = nil, text: String? = nil) throws -> ReportCase {
        var item = ReportCase(kind: .klacht, state: state, receivedDate: try day(received), location: location, category: category,
                              outcome: outcome, judgementDate: try judged.map(day), annualSummary: text)
        item.reference = reference
        return item
    }

    private func entries(_ values: TemplateValue, _ name: String) -> [[String: String]] {
        guard case .object(let cycle) = values, case .list(let items)? = cycle[name] else { return [] }
        return items.compactMap { item in
            guard case .object(let fields) = item else { return nil }
            return fields.compactMapValues { if case .string(let text) = $0 { text } else { nil } }
        }
    }

    func testTheMailListsTheDraftsToDoWithLocationStateAndDateOfReceipt() throws {
        let cases = [
            // Judged in time, measures still running: done for the report, not "open".
            try complaint("KL-2026-0001", state: .measuresPending, received: "2026-02-03", location: "Morel", category: "communicatie",
                          judged: "2026-03-02", outcome: "gegrond", text: "Een ouder werd niet gebeld bij ziekte; de locatie belt nu altijd."),
            // Still waiting for its judgement, without category, location or text.
            try complaint("KL-2026-0002", state: .assigned, received: "2026-11-20", location: nil),
            // The year before: not this report's business.
            try complaint("KL-2025-0009", state: .assigned, received: "2025-12-01", location: "Morel"),
        ]
        let report = AnnualReportBuilder.build(year: 2026, organisation: "Kinderopvang De Vlinder", cases: cases,
                                               texts: ReportTexts(regulation: "", communication: ""), asOf: try day("2027-01-11"))
        let mail = ReportCycleMail(year: 2026, key: "report-cycle:2026:draft", topic: .draft)
        let values = ReportCycleRun.values(mail, status: ReportCycleStatus(year: 2026), report: report, cases: cases, english: false)

        for (name, list) in [("without_category", report.toDo.uncategorised), ("without_location", report.toDo.withoutLocation),
                             ("without_report_text", report.toDo.withoutReportText), ("open", report.toDo.stillOpen)] {
            XCTAssertEqual(entries(values, name).map { $0["reference"] ?? "" }, list, name)
        }
        XCTAssertEqual(entries(values, "open").map { $0["reference"] ?? "" }, ["KL-2026-0002"],
                       "a judged complaint whose measures run is not open for the report")
        let open = try XCTUnwrap(entries(values, "open").first)
        XCTAssertEqual(open["state"], "in behandeling")
        XCTAssertEqual(open["location"], "")
        XCTAssertEqual(open["received"], "vrijdag 20 november 2026")
        guard case .object(let cycle) = values else { return XCTFail("\(values)") }
        XCTAssertEqual(cycle["complaints"], TemplateValue.string("2"))
    }
}
