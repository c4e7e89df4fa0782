import ComplaintCore
import Foundation
import Reporting
import XCTest

/// Issue 18 (the annual report) and the report content of issue 20, on the pure report: the
/// words a GGD inspector reads, the count of late complaints, the draft's to-do list, the
/// gastouderbureau's wording, the LRK numbers, and the overdue measures of the quarterly overview.
final class ReportWordingTests: XCTestCase {
    let texts = ReportTexts(regulation: "De regeling.", communication: "Op de website.", analysis: "Wij leerden van de klachten.")
    let asOf = LocalDate(year: 2027, month: 1, day: 12)

    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    func complaint(_ received: String, location: String? = "Morel", category: String? = "planning", outcome: String? = nil,
                   judged: String? = nil, state: CaseState = .closed, reference: String? = nil) -> ReportCase {
        var item = ReportCase(kind: .klacht, state: state, receivedDate: day(received), location: location, category: category,
                              outcome: outcome, judgementDate: judged.map(day))
        item.reference = reference
        return item
    }

    func build(_ cases: [ReportCase], setting: ReportSetting = ReportSetting()) -> AnnualReport {
        AnnualReportBuilder.build(year: 2026, organisation: "De Vlinder", cases: cases, texts: texts, asOf: asOf, setting: setting)
    }

    func testOneMeldcodeCaseAndOneMoreComplaintAreSingular() {
        var meldcode = complaint("2026-03-01")
        meldcode.underMeldcode = true
        let report = build([complaint("2026-02-01", outcome: "gegrond", judged: "2026-02-10"),
                            complaint("2026-04-01", outcome: "gegrond", judged: "2026-04-10"), meldcode,
                            complaint("2025-05-01", outcome: "gegrond", judged: "2025-05-10")])
        let markdown = MarkdownReport.render(report)
        XCTAssertTrue(markdown.contains("1 melding is volgens de meldcode behandeld; die wordt hier niet beschreven."), markdown)
        XCTAssertTrue(markdown.contains("In 2026 kwamen 1 klacht meer binnen dan in 2025."), markdown)
    }

    func testTenMoreComplaintsAndTwoMeldcodeCasesArePlural() {
        var cases = (1...11).map { complaint("2026-0\($0 % 9 + 1)-03", outcome: "gegrond", judged: "2026-0\($0 % 9 + 1)-10") }
        cases.append(complaint("2025-05-01", outcome: "gegrond", judged: "2025-05-10"))
        for date in ["2026-03-01", "2026-03-02"] {
            var meldcode = complaint(date)
            meldcode.underMeldcode = true
            cases.append(meldcode)
        }
        let markdown = MarkdownReport.render(build(cases))
        XCTAssertTrue(markdown.contains("2 meldingen zijn volgens de meldcode behandeld; die worden hier niet beschreven."), markdown)
        XCTAssertTrue(markdown.contains("In 2026 kwamen 10 klachten meer binnen dan in 2025."), markdown)
        XCTAssertFalse(markdown.contains("meer klachten dan"), markdown)
    }

    func testAWithdrawalIsNoJudgementAndAMeasureTermIsPrintedOnceInDutch() {
        var judged = complaint("2026-02-02", category: "communicatie", outcome: "gegrond", judged: "2026-02-20")
        judged.measures = "Juf Anna volgt een training (termijn 2026-03-31)"  // the note as the daemon stored it
        judged.measureTerms = [MeasureTerm(due: day("2026-03-17")), MeasureTerm(due: day("2026-03-31"))]
        judged.annualSummary = "Een ouder miste de overdracht; het team spreekt die opnieuw af."
        let withdrawn = complaint("2026-03-02", state: .withdrawn)
        let report = build([judged, withdrawn])
        for text in [MarkdownReport.render(report), HTMLReport.render(report)] {
            XCTAssertTrue(text.contains("Oordeel: gegrond. Een ouder miste de overdracht; het team spreekt die opnieuw af. "
                                        + "2 maatregelen afgesproken, uiterlijk klaar op 31 maart 2026."), text)
            XCTAssertTrue(text.contains("Planning, opvangtijden en ruildagen</strong>: De ouder heeft de klacht ingetrokken.")
                          || text.contains("**Planning, opvangtijden en ruildagen**: De ouder heeft de klacht ingetrokken."), text)
            XCTAssertFalse(text.contains("Oordeel: ingetrokken"))
            XCTAssertFalse(text.contains("2026-03-31"), "no ISO date")
            XCTAssertFalse(text.contains("Anna"), "the measure's own text is not published")
        }
    }

    func testComplaintsStillOpenPastTheirTermCountAsLate() {
        let cases = [
            complaint("2026-01-05", outcome: "gegrond", judged: "2026-02-01"),
            complaint("2026-01-05", outcome: "gegrond", judged: "2026-02-02"),
            complaint("2026-03-02", outcome: "ongegrond", judged: "2026-05-01"),  // late
            complaint("2026-04-01", state: .assigned),                            // open, long past its term
            complaint("2026-12-28", state: .assigned),                            // open, within its term
            complaint("2026-06-01", state: .withdrawn),                           // no judgement due
        ]
        let report = build(cases)
        XCTAssertEqual(report.handling.judged, 3)
        XCTAssertEqual(report.handling.openPastTerm, 1)
        XCTAssertEqual(report.handling.withinSixWeeks, 2)
        XCTAssertEqual(report.handling.shareWithinSixWeeks, 0.5)
        let markdown = MarkdownReport.render(report)
        XCTAssertTrue(markdown.contains("Van deze 4 klachten zijn er 2 (50%) binnen de wettelijke termijn"), markdown)
        XCTAssertTrue(markdown.contains("op 12 januari 2027, wachtte nog 1 klacht op een oordeel"), markdown)
        XCTAssertTrue(markdown.contains("Binnen zes weken beoordeeld: 50%"), markdown)
    }

    func testTheDraftNamesTheCasesAndTheFinalReportExplainsTheRowsWithoutNamingThem() {
        var written = complaint("2026-02-02", category: "communicatie", outcome: "gegrond", judged: "2026-02-20", reference: "KL-2026-0001")
        written.annualSummary = "Een ouder miste de overdracht."
        let cases = [written,
                     complaint("2026-03-02", location: nil, category: "financien", outcome: "ongegrond", judged: "2026-03-20", reference: "KL-2026-0002"),
                     complaint("2026-04-01", category: nil, state: .assigned, reference: "KL-2026-0003")]
        let report = build(cases)
        XCTAssertEqual(report.toDo.uncategorised, ["KL-2026-0003"])
        XCTAssertEqual(report.toDo.withoutLocation, ["KL-2026-0002"])
        XCTAssertEqual(report.toDo.withoutReportText, ["KL-2026-0002", "KL-2026-0003"])
        XCTAssertEqual(report.toDo.lateOpen, ["KL-2026-0003"])
        let draft = MarkdownReport.render(report, draft: true), final = MarkdownReport.render(report)
        XCTAssertTrue(draft.contains("- Eerst indelen in een categorie, nu geteld als \"Niet gecategoriseerd\" (1): KL-2026-0003"), draft)
        XCTAssertTrue(draft.contains("(1): KL-2026-0002\n"), draft)
        XCTAssertFalse(final.contains("KL-2026"), final)
        XCTAssertFalse(HTMLReport.render(report).contains("KL-2026"))
        XCTAssertTrue(HTMLReport.render(report, draft: true).contains("KL-2026-0003"))
        XCTAssertTrue(final.contains("Niet gecategoriseerd: een klacht die bij het opstellen van dit verslag nog niet in een categorie was ingedeeld."), final)
        XCTAssertTrue(final.contains("Algemeen (geen locatie): een klacht die niet over één locatie gaat"), final)
    }

    func testLRKNumbersAndTheAnalysis() {
        let report = build([complaint("2026-02-02", outcome: "gegrond", judged: "2026-02-20")],
                           setting: ReportSetting(lrk: nil, locationLRK: ["Morel": "123456789"]))
        let markdown = MarkdownReport.render(report)
        XCTAssertTrue(markdown.contains("### Morel (1 klacht)\n\nLRK-nummer 123456789\n"), markdown)
        XCTAssertTrue(markdown.contains("## Analyse en verbeteringen\n\nWij leerden van de klachten."), markdown)
    }

    func testAGastouderbureauReportNeverSpeaksOfLocations() {
        let cases = [complaint("2026-02-02", location: nil, outcome: "gegrond", judged: "2026-02-20"),
                     complaint("2026-03-02", location: "Gastouder Oost", category: nil, state: .assigned)]
        let report = build(cases, setting: ReportSetting(gastouderbureau: true, lrk: "987654321"))
        XCTAssertEqual(report.locations.map(\.name), ["De Vlinder"])
        XCTAssertEqual(report.toDo.withoutLocation, [])
        for text in [MarkdownReport.render(report), MarkdownReport.render(report, draft: true), HTMLReport.render(report)] {
            XCTAssertNil(text.range(of: "locatie", options: .caseInsensitive), text)
            XCTAssertFalse(text.contains("Gastouder Oost"), "a gastouder's name is no location to publish")
            XCTAssertTrue(text.contains("LRK-nummer 987654321"), text)
            XCTAssertTrue(text.contains("de ouders en de oudercommissie."), text)
        }
        let overview = QuarterlyOverview.build(quarter: Quarter("2026Q1")!, today: day("2026-05-01"), cases: cases)
        XCTAssertNil(OverviewText.render(overview, organisation: "De Vlinder", gastouderbureau: true).range(of: "locatie", options: .caseInsensitive))
    }

    func testTheQuarterlyOverviewCountsAMeasureAYearLate() {
        var late = complaint("2025-01-06", outcome: "gegrond", judged: "2025-02-01", state: .measuresPending)
        late.measureTerms = [MeasureTerm(due: day("2025-03-01")), MeasureTerm(due: day("2025-03-01"), done: day("2025-02-20"))]
        var doneLate = complaint("2025-11-03", outcome: "gegrond", judged: "2025-12-01", state: .closed)
        doneLate.closedDate = day("2026-03-01")
        doneLate.measureTerms = [MeasureTerm(due: day("2025-12-15"), done: day("2026-02-01"))]
        let cases = [late, doneLate]
        let overview = QuarterlyOverview.build(quarter: Quarter("2026Q1")!, today: day("2026-05-01"), cases: cases)
        XCTAssertEqual(overview.overdueMeasures, 1, "the measure due on 1 March 2025, never done")
        XCTAssertEqual(overview.complaintsWithOverdueMeasures, 1)
        let before = QuarterlyOverview.build(quarter: Quarter("2025Q4")!, today: day("2026-05-01"), cases: cases)
        XCTAssertEqual(before.overdueMeasures, 2, "on 31 December 2025 the second one was late too")
        XCTAssertTrue(OverviewText.render(before, organisation: "X")
            .contains("- Maatregelen over hun termijn en niet uitgevoerd op 31 december 2025: 2 (bij 2 klachten)"))
    }
}
