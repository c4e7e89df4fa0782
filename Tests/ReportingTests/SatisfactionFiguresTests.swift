import ComplaintCore
import Reporting
import XCTest

/// The satisfaction figures (answered, satisfied, not satisfied) in the annual report and the quarterly overview.
final class SatisfactionFiguresTests: XCTestCase {
    private func complaint(_ received: String, _ answer: SatisfactionAnswer?, kind: MessageKind = .klacht) -> ReportCase {
        ReportCase(kind: kind, state: .closed, receivedDate: LocalDate(iso: received)!, location: "Morel", category: "planning",
                   outcome: "gegrond", judgementDate: LocalDate(iso: received)!.adding(days: 20), satisfaction: answer)
    }

    private var cases: [ReportCase] {
        [complaint("2026-04-10", .satisfied), complaint("2026-05-02", .satisfied), complaint("2026-05-20", .notSatisfied),
         complaint("2026-06-01", .unclear), complaint("2026-06-02", nil), complaint("2026-08-01", .notSatisfied),
         complaint("2026-05-05", .satisfied, kind: .vraag), complaint("2025-12-01", .satisfied)]
    }

    func testAnnualReportCountsTheYearsComplaintsInEveryFormat() {
        let report = AnnualReportBuilder.build(year: 2026, organisation: "Kinderopvang De Regenboog", cases: cases,
                                               texts: ReportTexts(regulation: "R", communication: "C"), asOf: LocalDate(year: 2027, month: 1, day: 15))
        XCTAssertEqual(report.satisfaction, SatisfactionFigures(answered: 5, satisfied: 2, notSatisfied: 2))
        let sentence = "5 ouders hebben de vraag beantwoord of de klacht naar tevredenheid is afgehandeld: 2 tevreden, 2 niet tevreden, 1 onduidelijk."
        XCTAssertTrue(MarkdownReport.render(report).contains(sentence))
        XCTAssertTrue(MarkdownReport.render(report).contains("| niet tevreden | 2 |"))
        XCTAssertTrue(HTMLReport.render(report).contains(sentence))
        XCTAssertTrue(HTMLReport.render(report).contains("<td>beantwoord</td><td class=\"n\">5</td>"))
        let csv = CSVReport.render(report)
        for row in ["tevredenheid,,beantwoord,5,", "tevredenheid,,tevreden,2,", "tevredenheid,,niet tevreden,2,"] {
            XCTAssertTrue(csv.contains(row + "\r\n"), csv)
        }
    }

    func testQuarterlyOverviewCountsTheQuartersComplaints() {
        let overview = QuarterlyOverview.build(quarter: Quarter("2026q2")!, today: LocalDate(iso: "2026-11-01")!, cases: cases)
        XCTAssertEqual(overview.satisfaction, SatisfactionFigures(answered: 4, satisfied: 2, notSatisfied: 1))
        XCTAssertTrue(OverviewText.render(overview, organisation: "X")
            .contains("- Tevredenheid beantwoord: 4, waarvan tevreden: 2, niet tevreden: 1"))
    }

    func testNoAnswersSaySo() {
        XCTAssertEqual(SatisfactionFigures([complaint("2026-04-10", nil)]).sentence,
                       "Geen ouder heeft de vraag of de klacht naar tevredenheid is afgehandeld beantwoord.")
        XCTAssertEqual(SatisfactionFigures([complaint("2026-04-10", .satisfied)]).sentence,
                       "1 ouder heeft de vraag beantwoord of de klacht naar tevredenheid is afgehandeld: 1 tevreden, 0 niet tevreden.")
    }
}
