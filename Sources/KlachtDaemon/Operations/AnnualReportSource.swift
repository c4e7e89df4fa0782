import CaseStore
import Foundation
import Reporting

/// The annual report of a year as `klachtd report` makes it: the one path for the command line
/// and the draft the annual report's round mails in January.
public enum AnnualReportSource {
    /// The report of `year` as it stands on the runtime's today: complaints still open past
    /// their term then count as late. The organisation's kind and LRK numbers come from the configuration.
    public static func build(runtime: Runtime, store: CaseStore, year: Int) throws -> AnnualReport {
        try buildWithCases(runtime: runtime, store: store, year: year).report
    }

    /// The report and the cases it was made from: the round's mail lists the report's to-do
    /// references with their location, state and date of receipt, read from these cases.
    public static func buildWithCases(runtime: Runtime, store: CaseStore, year: Int) throws -> (report: AnnualReport, cases: [ReportCase]) {
        // The year and the one before (the comparison), not every year kept.
        let cases = try ReportFacts.load(store, civil: runtime.civil, years: (year - 1)...year)
        let organisation = runtime.configuration.organisation
        let setting = ReportSetting(
            gastouderbureau: organisation.gastouderbureau, lrk: organisation.lrk,
            locationLRK: Dictionary(runtime.configuration.locations.compactMap { location in location.lrk.map { (location.name, $0) } },
                                    uniquingKeysWith: { first, _ in first }))
        var report = AnnualReportBuilder.build(year: year, organisation: organisation.name, cases: cases,
                                               texts: ReportTextsLoader.load(runtime: runtime),
                                               asOf: runtime.civil.localDate(of: runtime.clock.now()), setting: setting)
        let cycle = try store.reportCycle(year: year)
        report.submission = ReportSubmission(sentToGGD: cycle.sentToGGD, oudercommissie: cycle.oudercommissie)
        return (report, cases)
    }
}
