import Foundation
import KlachtDaemon
import Reporting

struct OverviewCommand: Command {
    let summary = "the quarterly complaints analysis for management (counts, categories, terms, overdue, trends)"
    let usage = """
        Usage: klachtd overview [--quarter YYYYQn] [--out FILE] [--config FILE] [--now ISO8601]

        Complaints received in the quarter against the quarter before, per category and
        location; judgements given and how many within the term; open and overdue cases on
        the quarter's last day (or today, while it runs). Default: the current quarter.
        """
    var valuedOptions: Set<String> { ["--config", "--now", "--quarter", "--out"] }

    func run(_ arguments: Arguments) throws -> Int32 {
        let runtime = try runtime(arguments)
        let today = runtime.civil.localDate(of: runtime.clock.now())
        var quarter = Quarter(containing: today)
        if let text = arguments["--quarter"] {
            guard let chosen = Quarter(text) else { throw UsageError("--quarter \(text) is not like 2026Q3") }
            quarter = chosen
        }
        let cases = try ReportFacts.load(try runtime.openStore(), civil: runtime.civil)
        let overview = QuarterlyOverview.build(quarter: quarter, today: today, cases: cases)
        let organisation = runtime.configuration.organisation
        try CommandOutput.write(OverviewText.render(overview, organisation: organisation.name, gastouderbureau: organisation.gastouderbureau),
                                to: arguments["--out"])
        return 0
    }
}
