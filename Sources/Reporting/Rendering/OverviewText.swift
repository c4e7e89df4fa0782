/// The quarterly overview as Markdown, for management's meeting.
public enum OverviewText {
    /// A gastouderbureau (`gastouderbureau`) has no locations: the table per location is left out.
    public static func render(_ overview: QuarterlyOverview, organisation: String, gastouderbureau: Bool = false) -> String {
        let q = overview.quarter, p = q.previous
        var out = ["# Kwartaaloverzicht klachten \(q)", "", organisation, ""]
        out.append("- Klachten ontvangen: \(overview.complaints) (\(p): \(overview.previousComplaints), \(DutchWording.change(overview.complaints - overview.previousComplaints)))")
        out.append("- Andere klantreacties: \(overview.otherReactions)")
        out.append("- Oordelen gegeven: \(overview.judgements), waarvan binnen de termijn: \(overview.judgementsInTime)")
        out.append("- Mediane doorlooptijd van die oordelen: \(DutchWording.days(overview.handling.medianDays))")
        out.append("- Open op \(DutchWording.date(overview.asOf)): \(overview.open), waarvan over de termijn: \(overview.overdue)")
        out.append("- Maatregelen over hun termijn en niet uitgevoerd op \(DutchWording.date(overview.asOf)): \(overview.overdueMeasures)"
                   + (overview.overdueMeasures == 0 ? "" : " (bij \(DutchWording.count(overview.complaintsWithOverdueMeasures, "klacht", "klachten")))"))
        let satisfaction = overview.satisfaction
        out.append("- Tevredenheid beantwoord: \(satisfaction.answered), waarvan tevreden: \(satisfaction.satisfied), niet tevreden: \(satisfaction.notSatisfied)")
        out += ["", "## Per categorie", ""]
        out += MarkdownReport.table(["Categorie", "\(q)", "\(p)", "Verschil"],
                                    overview.perCategory.map { [$0.label, "\($0.current)", "\($0.previous)", DutchWording.change($0.change)] })
        if !gastouderbureau {
            out += ["## Per locatie", ""]
            out += MarkdownReport.table(["Locatie", "\(q)", "\(p)", "Verschil"],
                                        overview.perLocation.map { [$0.label, "\($0.current)", "\($0.previous)", DutchWording.change($0.change)] })
        }
        out += ["## Oordelen", ""]
        out += MarkdownReport.table(["Oordeel", "Klachten"], overview.perOutcome.map { [$0.label, "\($0.count)"] })
        return out.joined(separator: "\n")
    }
}
