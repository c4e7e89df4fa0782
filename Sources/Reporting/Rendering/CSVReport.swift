/// The annual report's numbers as CSV (RFC 4180), one count per line, for a spreadsheet.
///
/// Columns: section, location, label, count, previous_year. Text (measures, summaries) is
/// left to the other formats: a spreadsheet wants numbers.
public enum CSVReport {
    public static func render(_ report: AnnualReport) -> String {
        var rows: [[String]] = [["section", "location", "label", "count", "previous_year"]]
        rows.append(["totaal", "", "klachten", "\(report.complaints)", "\(report.previousYear.complaints)"])
        for other in report.otherReactions { rows.append(["klantreactie", "", other.label, "\(other.count)", ""]) }
        rows.append(["meldcode", "", "meldingen", "\(report.meldcodeCount)", ""])
        for (month, count) in zip(DutchWording.months, report.perMonth) { rows.append(["maand", "", month, "\(count)", ""]) }
        for row in report.categoryComparison { rows.append(["categorie", "", row.label, "\(row.current)", "\(row.previous)"]) }
        for row in report.locationComparison { rows.append(["locatie", row.label, "", "\(row.current)", "\(row.previous)"]) }
        for row in report.perOutcome { rows.append(["oordeel", "", row.label, "\(row.count)", ""]) }
        for location in report.locations {
            for row in location.perCategory { rows.append(["locatie-categorie", location.name, row.label, "\(row.count)", ""]) }
            for row in location.perOutcome { rows.append(["locatie-oordeel", location.name, row.label, "\(row.count)", ""]) }
        }
        let handling = report.handling, previous = report.previousYear.handling
        rows.append(["afhandeling", "", "beoordeeld", "\(handling.judged)", "\(previous.judged)"])
        rows.append(["afhandeling", "", "binnen 6 weken", "\(handling.withinSixWeeks)", "\(previous.withinSixWeeks)"])
        rows.append(["afhandeling", "", "mediaan dagen", number(handling.medianDays), number(previous.medianDays)])
        for row in MarkdownReport.satisfactionRows(report.satisfaction) { rows.append(["tevredenheid", "", row[0], row[1], ""]) }
        for dispute in Tally.count(report.disputes, by: { "\($0.category.label): \($0.outcome) (\($0.origin.dutchLabel))" }) {
            rows.append(["geschil", "", dispute.label, "\(dispute.count)", ""])
        }
        rows.append(["geschillen vastgelegd", "", "totaal", "\(report.disputes.count)", ""])
        rows.append(["klachtenloket vastgelegd", "", "totaal", "\(report.referrals)", ""])
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() ? "\(Int(value))" : "\(value)"
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
