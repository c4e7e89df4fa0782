import Foundation
import JSONText
import KlachtDaemon
import MailParser
import Reporting

struct ReportCommand: Command {
    let summary = "write the annual complaints report (Wet kinderopvang 1.57b) for a year"
    let usage = """
        Usage: klachtd report --year YYYY [--draft] [--format md|html|csv|json] [--out FILE] [--config FILE]

        The report for the GGD and the parents, due before 1 June of the next year: the
        regulation in brief and how parents were told of it (Templates/nl/report-regeling.md
        and report-communicatie.md, texts the organisation edits), the number and nature of
        complaints per location (with its LRK number) and category, the gist of the judgements
        and the measures per location, disputes at the Geschillencommissie, handling times,
        the previous year, and the organisation's analysis and improvements (report-analyse.md).
        With [organisation] type = gastouderbureau it speaks of the bureau, never of locations.
        Complaints still waiting for a judgement past their term on the day it is made (--now)
        count as late.
        html is a printable A4 page with charts; csv holds the numbers; md (the default) and
        json the same content. Nothing in it names a person. Without --out it prints.

        The description of each complaint is its report text (#jaarverslag TEKST, or
        `klachtd case REF report-text "TEXT"`); the text of measures and handlers' notes never
        appear. --draft makes the concept for the quality staff: on top, by case reference,
        what to do first (complaints without a category, a location or a report text; those
        still open, past their term or not; report texts still to be written). Without it, the
        report names no case, and the count of open points is printed on stderr.
        """
    var valuedOptions: Set<String> { ["--config", "--now", "--year", "--format", "--out"] }

    func run(_ arguments: Arguments) throws -> Int32 {
        guard let text = arguments["--year"], let year = Int(text), (2000...2200).contains(year) else {
            throw UsageError("--year YYYY is required, e.g. --year 2026")
        }
        let format = arguments["--format"] ?? "md"
        guard ["md", "html", "csv", "json"].contains(format) else { throw UsageError("--format must be md, html, csv or json") }
        let runtime = try runtime(arguments)
        let draft = arguments.has("--draft")
        let report = try AnnualReportSource.build(runtime: runtime, store: try runtime.openStore(), year: year)
        let output: String
        switch format {
        case "html": output = HTMLReport.render(report, draft: draft)
        case "csv": output = CSVReport.render(report)
        case "json": output = ReportJSON.value(report, draft: draft).serialized() + "\n"
        default: output = MarkdownReport.render(report, draft: draft)
        }
        if !draft, !report.toDo.isEmpty {
            let list = report.toDo
            Output.err("klachtd: the \(year) report still has open points: \(list.uncategorised.count) without a category, "
                       + "\(list.withoutLocation.count) without a location, \(list.withoutReportText.count) without a report text, "
                       + "\(list.stillOpen.count) still open; `klachtd report --year \(year) --draft` lists them")
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
    static func value(_ report: AnnualReport, draft: Bool = false) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("year", .int(Int64(report.year))), ("organisation", .string(report.organisation)),
            ("organisation_type", .string(report.setting.gastouderbureau ? "gastouderbureau" : "kinderopvang")),
            ("lrk", report.setting.lrk.map(JSONValue.string) ?? .null),
            ("regulation", .string(report.texts.regulation)), ("communication", .string(report.texts.communication)),
            ("analysis", report.texts.analysis.map(JSONValue.string) ?? .null),
            ("complaints", .int(Int64(report.complaints))), ("no_complaints", .bool(report.isEmpty)),
            ("other_reactions", tallies(report.otherReactions)), ("meldcode", .int(Int64(report.meldcodeCount))),
            ("per_month", .array(report.perMonth.map { .int(Int64($0)) })),
            ("per_category", comparisons(report.categoryComparison)), ("per_location", comparisons(report.locationComparison)),
            ("per_outcome", tallies(report.perOutcome)),
            ("locations", .array(report.locations.map(location))),
            ("handling", handling(report.handling)),
        ]
        fields += [
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
        ]
        if draft {
            let list = report.toDo
            func references(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }
            fields.append(("to_do", .object([("uncategorised", references(list.uncategorised)),
                                             ("without_location", references(list.withoutLocation)),
                                             ("without_report_text", references(list.withoutReportText)),
                                             ("still_open", references(list.stillOpen)), ("open_past_term", references(list.lateOpen))])))
        }
        return .object(fields)
    }

    private static func tallies(_ list: [Tally]) -> JSONValue {
        .array(list.map { .object([("label", .string($0.label)), ("count", .int(Int64($0.count)))]) })
    }

    private static func comparisons(_ list: [Comparison]) -> JSONValue {
        .array(list.map { .object([("label", .string($0.label)), ("count", .int(Int64($0.current))), ("previous_year", .int(Int64($0.previous)))]) })
    }

    private static func handling(_ times: HandlingTimes) -> JSONValue {
        .object([("judged", .int(Int64(times.judged))), ("median_days", times.medianDays.map(JSONValue.number) ?? .null),
                 ("within_six_weeks", .int(Int64(times.withinSixWeeks))), ("open_past_term", .int(Int64(times.openPastTerm))),
                 ("share_within_six_weeks", times.shareWithinSixWeeks.map(JSONValue.number) ?? .null)])
    }

    private static func location(_ location: LocationSection) -> JSONValue {
        let judgements: [JSONValue] = location.judgements.map { entry in
            .object([("category", .string(entry.category.label)), ("outcome", .string(entry.outcome.label)),
                     ("measures", .int(Int64(entry.measureCount))),
                     ("measures_due", entry.measuresDue.map { .string($0.iso) } ?? .null),
                     ("summary", entry.summary.map(JSONValue.string) ?? .null)])
        }
        return .object([("name", .string(location.name)), ("lrk", location.lrk.map(JSONValue.string) ?? .null),
                        ("count", .int(Int64(location.count))),
                        ("per_category", tallies(location.perCategory)), ("per_outcome", tallies(location.perOutcome)),
                        ("judgements", .array(judgements))])
    }
}
