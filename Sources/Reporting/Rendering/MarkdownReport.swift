/// The annual report as Markdown: for the intranet, or to paste into the organisation's own layout.
public enum MarkdownReport {
    /// The report; with `draft`, for the quality staff: titled as a concept, with the cases to
    /// deal with first by reference. Without it, nothing in it points to a case.
    public static func render(_ report: AnnualReport, draft: Bool = false) -> String {
        var out = ["# \(draft ? "Concept: " : "")\(ReportSentences.title(report))", "", report.organisation, ""]
        if let lrk = ReportSentences.organisationLRK(report) { out += [lrk, ""] }
        if draft {
            out += ["## Nog te doen voor dit verslag definitief is", "", ReportSentences.draftIntroduction(report), ""]
            // Our own words and case references: nothing a handler wrote.
            out += ReportSentences.toDo(report).map { "- " + $0 } + [""]
        }
        out += [ReportSentences.introduction(report), ""]
        out += ["## \(AnnualReport.submissionHeading)", ""] + AnnualReport.submissionLines(report).map { "- " + $0 } + [""]
        out += ["## De klachtenregeling in het kort", "", report.texts.regulation, ""]
        out += ["## Hoe ouders zijn geïnformeerd", "", report.texts.communication, ""]
        out += ["## Klachten in \(report.year)", ""]
        guard !report.isEmpty else {
            out += [ReportSentences.noComplaints(report), "", "## Geschillen", "", ReportSentences.disputes(report), ""]
            return (out + closing(report)).joined(separator: "\n")
        }
        out += [ReportSentences.totals(report), ""]
        out += ["### Per maand", ""] + table(["Maand", "Klachten"], zip(DutchWording.months, report.perMonth).map { [$0.0, "\($0.1)"] })
        out += ["### Per categorie", ""] + comparisonTable("Categorie", report.categoryComparison, report)
        if !report.setting.gastouderbureau {
            out += ["### Per locatie", ""] + comparisonTable("Locatie", report.locationComparison, report)
        }
        out += ReportSentences.rowNotes(report).flatMap { [$0, ""] }
        out += ["### Uitkomst", ""] + table(["Uitkomst", "Klachten"], report.perOutcome.map { [$0.label, "\($0.count)"] })
        out += ["## Afhandeling", "", ReportSentences.handling(report.handling, year: report.year, asOf: report.asOf), ""]
        out += ["### Tevredenheid", "", report.satisfaction.sentence, ""]
        out += table(["Tevredenheid", "Ouders"], satisfactionRows(report.satisfaction))
        out += ["## \(ReportSentences.perLocationTitle(report))", ""]
        for location in report.locations {
            out += ["### \(MarkdownEscaping.text(ReportSentences.sectionHeading(location)))", ""]
            if let lrk = ReportSentences.sectionLRK(location) { out += [MarkdownEscaping.text(lrk), ""] }
            out += ["Aard: " + location.perCategory.map { "\($0.label) \($0.count)" }.joined(separator: "; ") + ".", ""]
            out += ["Uitkomst: " + location.perOutcome.map { "\($0.label) \($0.count)" }.joined(separator: "; ") + ".", ""]
            for var entry in location.judgements {
                // The report text is text, not markup.
                entry.summary = entry.summary.map(MarkdownEscaping.text)
                let line = ReportSentences.judgement(entry)
                out.append("- **\(line.head)**: \(line.detail)")
            }
            out.append("")
        }
        out += ["## Geschillen", "", ReportSentences.disputes(report), ""]
        if !report.disputes.isEmpty {
            out += table(["Aard", "Herkomst", "Uitkomst"], report.disputes.map { [$0.category.label, $0.origin.dutchLabel, $0.outcome] })
        }
        out += ["## Vergelijking met \(report.previousYear.year)", "", ReportSentences.comparison(report), ""]
        return (out + closing(report)).joined(separator: "\n")
    }

    /// The organisation's analysis and improvements.
    private static func closing(_ report: AnnualReport) -> [String] {
        var out: [String] = []
        if let analysis = report.texts.analysis { out += ["## Analyse en verbeteringen", "", analysis, ""] }
        return out
    }

    /// Answered, satisfied, not satisfied: the rows every format shows.
    static func satisfactionRows(_ figures: SatisfactionFigures) -> [[String]] {
        [["beantwoord", "\(figures.answered)"], ["tevreden", "\(figures.satisfied)"], ["niet tevreden", "\(figures.notSatisfied)"]]
    }

    private static func comparisonTable(_ title: String, _ rows: [Comparison], _ report: AnnualReport) -> [String] {
        table([title, "\(report.year)", "\(report.previousYear.year)", "Verschil"],
              rows.map { [$0.label, "\($0.current)", "\($0.previous)", DutchWording.change($0.change)] })
    }

    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(MarkdownEscaping.text).joined(separator: " | ") + " |"
        }
        return [line(header), line(header.map { _ in "---" })] + rows.map(line) + [""]
    }
}
