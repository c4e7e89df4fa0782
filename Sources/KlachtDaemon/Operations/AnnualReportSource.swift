import CaseStore
import Foundation
import Reporting

/// The annual report of a year as `klachtd report` makes it: the one path for the command line
/// and the draft the annual report's round mails in January.
public enum AnnualReportSource {
    public static func build(runtime: Runtime, store: CaseStore, year: Int) throws -> AnnualReport {
        // The year and the one before (the comparison), not every year kept.
        let cases = try ReportFacts.load(store, civil: runtime.civil, years: (year - 1)...year)
        var report = AnnualReportBuilder.build(year: year, organisation: runtime.configuration.organisation.name, cases: cases,
                                               texts: ReportTextsLoader.load(runtime: runtime))
        let cycle = try store.reportCycle(year: year)
        report.submission = ReportSubmission(sentToGGD: cycle.sentToGGD, oudercommissie: cycle.oudercommissie)
        return report
    }
}
