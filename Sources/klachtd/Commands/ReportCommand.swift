import Foundation
import JSONText
import KlachtDaemon
import MailParser
import Reporting

struct ReportCommand: Command {
    let summary = "write the annual complaints report (Wet kinderopvang 1.57b) for a year"
    let usage = """
        Usage: klachtd report --year YYYY [--format md|html|csv|json] [--out FILE] [--config FILE]

        The report for the GGD and the parents, due before 1 June of the next year: the
        regulation in brief and how parents were told of it (Templates/nl/report-regeling.md
        and report-communicatie.md, texts the organisation edits), the number and nature of
        complaints per location and category, the gist of the judgements and the measures per
        location, disputes at the Geschillencommissie, handling times, and the previous year.
        html is a printable A4 page with charts; csv holds the numbers; md (the default) and
        json the same content. Nothing in it names a person. Without --out it prints.
        """
    var valuedOptions: Set<String> { ["--config", "--now", "--year", "--format", "--out"] }

    func run(_ arguments: Arguments) throws -> Int32 {
        guard let text = arguments["--year"], let year = Int(text), (2000...2200).contains(year) else {
            throw UsageError("--year YYYY is required, e.g. --year 2026")
        }
        let format = arguments["--format"] ?? "md"
        guard ["md", "html", "csv", "json"].contains(format) else { throw UsageError("--format must be md, html, csv or json") }
        let runtime = try runtime(arguments)
        let report = try AnnualReportSource.build(runtime: runtime, store: try runtime.openStore(), year: year)
        let output: String
        switch format {
        case "html": output = HTMLReport.render(report)
        case "csv": output = CSVReport.render(report)
        case "json": output = ReportJSON.value(report).serialized() + "\n"
        default: output = MarkdownReport.render(report)
        }
        try CommandOutput.write(output, to: arguments["--out"])
        return 0
    }
}

/// Prints, or writes a file when `--out` names one.
enum CommandOutput {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            Output.write(fd: 1, text.hasSuffix("\n") ? text : text + "\n")
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw UsageError("cannot write \(path)")
        }
    }

    /// Who runs a command, for the event log: `cli:<user>`.
    static var actor: String { "cli:" + (ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown") }
}

/// The annual report as JSON, with the same content as the other formats.
enum ReportJSON {
    static func value(_ report: AnnualReport) -> JSONValue {
        func tallies(_ list: [Tally]) -> JSONValue { .array(list.map { .object([("label", .string($0.label)), ("count", .int(Int64($0.count)))]) }) }
        func comparisons(_ list: [Comparison]) -> JSONValue {
            .array(list.map { .object([("label", .string($0.label)), ("count", .int(Int64($0.current))), ("previous_year", .int(Int64($0.previous)))]) })
        }
        func handling(_ times: HandlingTimes) -> JSONValue {
            .object([("judged", .int(Int64(times.judged))), ("median_days", times.medianDays.map(JSONValue.number) ?? .null),
                     ("within_six_weeks", .int(Int64(times.withinSixWeeks))),
                     ("share_within_six_weeks", times.shareWithinSixWeeks.map(JSONValue.number) ?? .null)])
        }
        return .object([
            ("year", .int(Int64(report.year))), ("organisation", .string(report.organisation)),
            ("regulation", .string(report.texts.regulation)), ("communication", .string(report.texts.communication)),
            ("complaints", .int(Int64(report.complaints))), ("no_complaints", .bool(report.isEmpty)),
            ("other_reactions", tallies(report.otherReactions)), ("meldcode", .int(Int64(report.meldcodeCount))),
            ("per_month", .array(report.perMonth.map { .int(Int64($0)) })),
            ("per_category", comparisons(report.categoryComparison)), ("per_location", comparisons(report.locationComparison)),
            ("per_outcome", tallies(report.perOutcome)),
            ("locations", .array(report.locations.map { location in
                .object([("name", .string(location.name)), ("count", .int(Int64(location.count))),
                         ("per_category", tallies(location.perCategory)), ("per_outcome", tallies(location.perOutcome)),
                         ("judgements", .array(location.judgements.map { entry in
                             .object([("category", .string(entry.category.label)), ("outcome", .string(entry.outcome.label)),
                                      ("measures", entry.measures.map(JSONValue.string) ?? .null),
                                      ("measures_due", entry.measuresDue.map { .string($0.iso) } ?? .null),
                                      ("summary", entry.summary.map(JSONValue.string) ?? .null)])
                         }))])
            })),
            ("handling", handling(report.handling)),
            ("satisfaction", .object([("answered", .int(Int64(report.satisfaction.answered))),
                                      ("satisfied", .int(Int64(report.satisfaction.satisfied))),
                                      ("not_satisfied", .int(Int64(report.satisfaction.notSatisfied)))])),
            // What was recorded, not proof of what was not: see `ReportSentences.disputes`.
            ("disputes", .array(report.disputes.map { .object([("category", .string($0.category.label)), ("outcome", .string($0.outcome)),
                                                               ("origin", .string($0.origin.rawValue))]) })),
            ("klachtenloket_referrals", .int(Int64(report.referrals))),
            ("sent_to_ggd", report.submission.sentToGGD.map { .string($0.iso) } ?? .null),
            ("oudercommissie", report.submission.oudercommissie.map { .string($0.iso) } ?? .null),
            ("previous_year", .object([("year", .int(Int64(report.previousYear.year))), ("complaints", .int(Int64(report.previousYear.complaints))),
                                       ("per_category", tallies(report.previousYear.perCategory)),
                                       ("per_location", tallies(report.previousYear.perLocation)),
                                       ("handling", handling(report.previousYear.handling))])),
        ])
    }
}
