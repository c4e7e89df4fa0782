import ComplaintCore
import Foundation
import Reporting
import XCTest

final class AnnualReportTests: XCTestCase {
    let texts = ReportTexts(regulation: "De regeling in het kort.", communication: "- Op de website\n- In het informatieboekje")

    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    func complaint(_ received: String, _ location: String?, _ category: String?, _ outcome: String? = nil, judged: String? = nil,
                   state: CaseState = .closed) -> ReportCase {
        ReportCase(kind: .klacht, state: state, receivedDate: day(received), location: location, category: category, outcome: outcome,
                   judgementDate: judged.map(day))
    }

    func testCountsPerLocationCategoryAndOutcome() {
        let cases = [
            complaint("2026-01-10", "Morel", "communicatie", "gegrond", judged: "2026-01-30"),
            complaint("2026-02-11", "Morel", "Financiën, facturatie en toeslag", "deels-gegrond", judged: "2026-04-10"),
            complaint("2026-02-12", "De Boomgaard", nil, nil, state: .assigned),
            complaint("2026-03-01", nil, "iets anders", "ongegrond", judged: "2026-03-20"),
            complaint("2025-05-01", "Morel", "contract", "gegrond", judged: "2025-05-20"),
            ReportCase(kind: .compliment, state: .notAComplaint, receivedDate: day("2026-04-01"), location: "Morel"),
            ReportCase(kind: .klacht, state: .safeguarding, receivedDate: day("2026-04-02"), location: "Morel", underMeldcode: true),
        ]
        let report = AnnualReportBuilder.build(year: 2026, organisation: "De Vlinder", cases: cases, texts: texts, asOf: LocalDate(year: 2027, month: 1, day: 15))
        XCTAssertEqual(report.complaints, 4)
        XCTAssertEqual(report.meldcodeCount, 1)
        XCTAssertEqual(report.otherReactions, [Tally(label: "compliment", count: 1)])
        XCTAssertEqual(report.perMonth, [1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(report.perCategory.count(of: "Communicatie en bejegening"), 1)
        XCTAssertEqual(report.perCategory.count(of: "Financiën, facturatie en toeslag"), 1)
        XCTAssertEqual(report.perCategory.count(of: "Niet gecategoriseerd"), 1)
        XCTAssertEqual(report.perCategory.count(of: "Overig"), 1)
        XCTAssertEqual(report.perOutcome.count(of: "deels gegrond"), 1)
        XCTAssertEqual(report.perOutcome.count(of: "nog in behandeling"), 1)
        XCTAssertEqual(report.locations.map(\.name), ["Algemeen (geen locatie)", "De Boomgaard", "Morel"])
        XCTAssertEqual(report.locations.last?.count, 2)
        XCTAssertEqual(report.previousYear.complaints, 1)
        XCTAssertEqual(report.handling.judged, 3)
        XCTAssertEqual(report.handling.medianDays, 20)
        XCTAssertEqual(report.handling.withinSixWeeks, 2)
    }

    func testAYearWithoutComplaintsSaysSo() {
        let report = AnnualReportBuilder.build(year: 2024, organisation: "De Vlinder", cases: [], texts: texts, asOf: LocalDate(year: 2027, month: 1, day: 15))
        XCTAssertTrue(report.isEmpty)
        XCTAssertTrue(MarkdownReport.render(report).contains("geen klachten ingediend"))
        XCTAssertTrue(HTMLReport.render(report).contains("geen klachten ingediend"))
    }

    func testHTMLHasChartsAndEscapesText() {
        var item = complaint("2026-01-10", "Morel & Co <b>", "veiligheid", "gegrond", judged: "2026-01-30")
        item.annualSummary = "Afspraken over \"ophalen\" <script>"
        let html = HTMLReport.render(AnnualReportBuilder.build(year: 2026, organisation: "De Vlinder", cases: [item], texts: texts, asOf: LocalDate(year: 2027, month: 1, day: 15)))
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 3)
        XCTAssertTrue(html.contains("@page"))
        XCTAssertTrue(html.contains("Morel &amp; Co &lt;b&gt;"))
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("<li>Op de website</li>"))
    }

    func testCSVQuotesFieldsWithCommas() {
        let report = AnnualReportBuilder.build(year: 2026, organisation: "X", cases: [complaint("2026-01-10", "Morel", "financien")], texts: texts, asOf: LocalDate(year: 2027, month: 1, day: 15))
        let csv = CSVReport.render(report)
        XCTAssertTrue(csv.hasPrefix("section,location,label,count,previous_year\r\n"))
        XCTAssertTrue(csv.contains("categorie,,\"Financiën, facturatie en toeslag\",1,0\r\n"))
        XCTAssertTrue(csv.contains("locatie,Morel,,1,0\r\n"))
    }

    func testCategoryWordsAreRead() {
        XCTAssertEqual(ComplaintCategory(stored: "Pedagogisch handelen en kwaliteit van de opvang"), .pedagogy)
        XCTAssertEqual(ComplaintCategory(stored: "veiligheid-en-gezondheid"), .safety)
        XCTAssertEqual(ComplaintCategory(stored: "financien"), .finance)
        XCTAssertEqual(ComplaintCategory(stored: ""), .uncategorised)
        XCTAssertEqual(ComplaintCategory(stored: "zomaar"), .other)
        XCTAssertEqual(ComplaintOutcome.of(nil, state: .withdrawn), .withdrawn)
        XCTAssertEqual(ComplaintOutcome.of("Deels gegrond", state: .closed), .partlyUpheld)
    }
}

final class QuarterlyOverviewTests: XCTestCase {
    func testCountsTermsOverdueAndTrend() {
        func item(_ received: String, due: String, judged: String?, state: CaseState) -> ReportCase {
            ReportCase(kind: .klacht, state: state, receivedDate: LocalDate(iso: received)!, location: "Morel", category: "planning",
                       decisionDue: LocalDate(iso: due), judgementDate: judged.flatMap { LocalDate(iso: $0) })
        }
        let cases = [
            item("2026-04-01", due: "2026-05-13", judged: "2026-05-01", state: .closed),
            item("2026-05-01", due: "2026-06-12", judged: "2026-06-20", state: .closed),
            item("2026-05-10", due: "2026-06-21", judged: nil, state: .assigned),
            item("2026-02-01", due: "2026-03-15", judged: "2026-03-01", state: .closed),
        ]
        let overview = QuarterlyOverview.build(quarter: Quarter("2026q2")!, today: LocalDate(iso: "2026-11-01")!, cases: cases)
        XCTAssertEqual(overview.asOf.iso, "2026-06-30")
        XCTAssertEqual(overview.complaints, 3)
        XCTAssertEqual(overview.previousComplaints, 1)
        XCTAssertEqual(overview.judgements, 2)
        XCTAssertEqual(overview.judgementsInTime, 1)
        XCTAssertEqual(overview.overdue, 1)
        XCTAssertEqual(overview.open, 1)
        XCTAssertEqual(overview.perCategory.first { $0.label == "Planning, opvangtijden en ruildagen" }?.change, 2)
        XCTAssertTrue(OverviewText.render(overview, organisation: "X").contains("Kwartaaloverzicht klachten 2026Q2"))
    }
}

/// Issue 15 item 6: a judgement is on time when sent by the Algemene termijnenwet's date.
final class OnTimeJudgementTests: XCTestCase {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    func testAJudgementOnTheMondayAfterASaturdayTermIsOnTime() {
        // Received Saturday 9 May 2026: six weeks end on Saturday 20 June; we told the parent Friday 19 June.
        func judged(_ iso: String) -> ReportCase {
            ReportCase(kind: .klacht, state: .closed, receivedDate: day("2026-05-09"), outcome: "gegrond",
                       decisionDue: day("2026-06-19"), judgementDate: day(iso))
        }
        let times = HandlingTimes([judged("2026-06-19"), judged("2026-06-22"), judged("2026-06-23")])
        XCTAssertEqual(times.judged, 3)
        XCTAssertEqual(times.withinSixWeeks, 2, "Monday 22 June is the law's date; Tuesday is late")
        let report = AnnualReportBuilder.build(year: 2026, organisation: "De Vlinder",
                                               cases: [judged("2026-06-22")], texts: ReportTexts(regulation: "r", communication: "c"), asOf: LocalDate(year: 2027, month: 1, day: 15))
        XCTAssertEqual(report.handling.withinSixWeeks, 1)
    }

    func testWithoutAStoredDateSixWeeksAfterReceiptRunOnPastAHoliday() {
        // Received Tuesday 16 March 2027: six weeks end on Koningsdag; Wednesday 28 April is still on time.
        let onTime = ReportCase(kind: .klacht, state: .closed, receivedDate: day("2027-03-16"), judgementDate: day("2027-04-28"))
        XCTAssertEqual(onTime.judgedOnTime, true)
        let late = ReportCase(kind: .klacht, state: .closed, receivedDate: day("2027-03-16"), judgementDate: day("2027-04-29"))
        XCTAssertEqual(late.judgedOnTime, false)
    }
}
