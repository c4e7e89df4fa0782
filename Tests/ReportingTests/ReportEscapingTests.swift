import ComplaintCore
import Foundation
import Reporting
import XCTest

/// Issue 17 (13): what handlers write (measures, the `#jaarverslag` summary) appears in the
/// Markdown report as text, never as markup, links or HTML.
final class ReportEscapingTests: XCTestCase {
    func testStaffTextIsEscapedInTheMarkdownReport() throws {
        let summary = "Zie [het besluit](https://evil.example/x) en <img src=x onerror=alert(1)>\n# Kop\n**vet** `code` | kolom"
        let measure = "Extra _toezicht_ *bij* het ophalen <script>alert(1)</script>"
        let cases = [ReportCase(kind: .klacht, state: .closed, receivedDate: LocalDate(iso: "2026-02-02")!, location: "Morel",
                                category: "communicatie", outcome: "gegrond", judgementDate: LocalDate(iso: "2026-02-20")!,
                                measures: measure, measuresDue: LocalDate(iso: "2026-04-01")!, annualSummary: summary)]
        let report = AnnualReportBuilder.build(year: 2026, organisation: "De Vlinder", cases: cases,
                                               texts: ReportTexts(regulation: "De regeling.", communication: "Via de website."), asOf: LocalDate(year: 2027, month: 1, day: 15))
        let markdown = MarkdownReport.render(report)
        XCTAssertFalse(markdown.contains("[het besluit](https://"), "no link from staff text")
        XCTAssertNil(markdown.range(of: #"(?<!\\)<(img|script)"#, options: .regularExpression), "no raw HTML from staff text")
        XCTAssertFalse(markdown.contains("\n# Kop"), "staff text cannot start a heading")
        XCTAssertFalse(markdown.contains("**vet**") || markdown.contains("_toezicht_"), "no emphasis from staff text")
        XCTAssertTrue(markdown.contains("\\[het besluit\\]"), markdown)
        XCTAssertTrue(markdown.contains("\\<img"), markdown)
        XCTAssertFalse(markdown.contains("toezicht"), "the measure's own text, written for the parent, is not published (issue 18)")
        XCTAssertTrue(markdown.contains("| niet tevreden | 0 |"), "the report's own tables are untouched")
        XCTAssertTrue(markdown.contains("| --- |"), "the table rule is not escaped")
    }
}
