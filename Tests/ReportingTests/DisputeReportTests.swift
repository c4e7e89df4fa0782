import ComplaintCore
import Foundation
import Reporting
import XCTest

/// Issue 15: the report counts the disputes that were recorded, and words it as recorded.
final class DisputeReportTests: XCTestCase {
    let texts = ReportTexts(regulation: "De regeling.", communication: "Op de website.")

    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso) ?? LocalDate(year: 1970, month: 1, day: 1) }

    func testNoRecordedDisputeIsNeverWordedAsNoDisputes() {
        let cases = [ReportCase(kind: .klacht, state: .closed, receivedDate: day("2026-02-01"), location: "Morel", outcome: "gegrond")]
        let report = AnnualReportBuilder.build(year: 2026, organisation: "De Vlinder", cases: cases, texts: texts, asOf: LocalDate(year: 2027, month: 1, day: 15))
        let markdown = MarkdownReport.render(report)
        XCTAssertFalse(markdown.contains("zijn er geen geschillen"), markdown)
        XCTAssertTrue(markdown.contains("geen geschil vastgelegd"), markdown)
        XCTAssertTrue(markdown.contains("geschilvrijbrief"), markdown)
        XCTAssertTrue(HTMLReport.render(report).contains("geen geschil vastgelegd"))
    }

    func testDisputesAreCountedByOriginWithTheirRulingsAndADirectDisputeIsNoComplaint() {
        var afterProcedure = ReportCase(kind: .klacht, state: .closed, receivedDate: day("2025-11-20"), location: "Morel",
                                        category: "Contract en plaatsing", outcome: "ongegrond", disputeDate: day("2026-03-02"),
                                        disputeOutcome: "ongegrond")
        afterProcedure.disputeOrigin = .afterProcedure
        var direct = ReportCase(kind: .klacht, state: .referredGeschillencommissie, receivedDate: day("2026-04-01"), location: "Morel",
                                disputeDate: day("2026-04-01"))
        direct.disputeOrigin = .direct
        direct.disputeOnly = true
        var council = ReportCase(kind: .klacht, state: .closed, receivedDate: day("2026-05-01"), disputeDate: day("2026-05-01"),
                                 disputeOutcome: "schikking")
        council.disputeOrigin = .parentCouncil
        council.disputeOnly = true
        var referred = ReportCase(kind: .klacht, state: .assigned, receivedDate: day("2026-06-01"), location: "Morel")
        referred.referralDate = day("2026-06-10")
        let report = AnnualReportBuilder.build(year: 2026, organisation: "De Vlinder",
                                               cases: [afterProcedure, direct, council, referred], texts: texts, asOf: LocalDate(year: 2027, month: 1, day: 15))
        XCTAssertEqual(report.complaints, 1, "a dispute that never was a complaint to us is not counted as one")
        XCTAssertEqual(report.disputes.map(\.origin), [.afterProcedure, .direct, .parentCouncil])
        XCTAssertEqual(report.referrals, 1)
        let markdown = MarkdownReport.render(report)
        XCTAssertTrue(markdown.contains("zijn voor 2026 3 geschillen vastgelegd die zijn voorgelegd aan de Geschillencommissie Kinderopvang: "
                                        + "1 na de interne klachtprocedure, 1 rechtstreeks, zonder interne klachtprocedure, 1 door de oudercommissie."),
                      markdown)
        XCTAssertTrue(markdown.contains("Uitspraken: ongegrond 1, schikking 1."), markdown)
        XCTAssertTrue(markdown.contains("Nog geen uitspraak vastgelegd: 1."), markdown)
        XCTAssertTrue(markdown.contains("Klachtenloket Kinderopvang is 1 ouder vastgelegd"), markdown)
        XCTAssertTrue(CSVReport.render(report).contains("geschillen vastgelegd,,totaal,3,"))
    }

    func testASuspendedComplaintCountsAsStillOpen() {
        let cases = [ReportCase(kind: .klacht, state: .suspended, receivedDate: day("2026-02-01"), location: "Morel")]
        let report = AnnualReportBuilder.build(year: 2026, organisation: "De Vlinder", cases: cases, texts: texts, asOf: LocalDate(year: 2027, month: 1, day: 15))
        XCTAssertEqual(report.perOutcome.count(of: "nog in behandeling"), 1)
        XCTAssertEqual(report.locations.first?.judgements.first?.outcome, .pending)
    }
}
