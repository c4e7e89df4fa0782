import ComplaintCore

/// Turns the anonymous case facts into the annual report of one calendar year.
public enum AnnualReportBuilder {
    public static func build(year: Int, organisation: String, cases: [ReportCase], texts: ReportTexts) -> AnnualReport {
        let received = cases.filter { $0.receivedDate.year == year }
        let complaints = received.filter(\.isReportedComplaint)
        let others = received.filter { !$0.kind.startsStatutoryClock && !$0.underMeldcode }
        let locationNames = Tally.count(complaints, by: \.locationLabel).map(\.label)
        let perLocation = Dictionary(grouping: complaints, by: \.locationLabel)
        let disputes = cases.filter { $0.disputeDate?.year == year && !$0.underMeldcode }
            .sorted { ($0.disputeDate ?? $0.receivedDate) < ($1.disputeDate ?? $1.receivedDate) }
        var perMonth = Array(repeating: 0, count: 12)
        for complaint in complaints { perMonth[complaint.receivedDate.month - 1] += 1 }
        var report = AnnualReport(
            year: year, organisation: organisation, texts: texts, complaints: complaints.count,
            otherReactions: Tally.count(others, order: MessageKind.allCases.map(\.dutchLabel), by: \.kind.dutchLabel),
            meldcodeCount: received.filter(\.underMeldcode).count,
            perMonth: perMonth,
            perCategory: categories(complaints),
            perOutcome: outcomes(complaints),
            // Grouped once: a chain of 900 locations would otherwise filter every complaint 900 times.
            locations: locationNames.map { name in section(name, perLocation[name] ?? []) },
            handling: HandlingTimes(complaints),
            disputes: disputes.map { Dispute(category: $0.reportCategory, outcome: $0.disputeOutcome ?? Dispute.noRulingYet,
                                             origin: $0.disputeOrigin ?? .afterProcedure) },
            previousYear: figures(year: year - 1, cases: cases))
        report.satisfaction = SatisfactionFigures(complaints)
        report.referrals = cases.filter { $0.referralDate?.year == year && !$0.underMeldcode }.count
        return report
    }

    /// The numbers of `year` alone, for comparisons.
    public static func figures(year: Int, cases: [ReportCase]) -> YearFigures {
        let complaints = cases.filter { $0.receivedDate.year == year && $0.isReportedComplaint }
        return YearFigures(year: year, complaints: complaints.count, perCategory: categories(complaints),
                           perLocation: Tally.count(complaints, by: \.locationLabel), handling: HandlingTimes(complaints))
    }

    static func categories(_ cases: [ReportCase]) -> [Tally] {
        Tally.count(cases, order: ComplaintCategory.allCases.map(\.label), by: \.reportCategory.label)
    }

    static func outcomes(_ cases: [ReportCase]) -> [Tally] {
        Tally.count(cases, order: ComplaintOutcome.allCases.map(\.label), by: \.reportOutcome.label)
    }

    private static func section(_ name: String, _ cases: [ReportCase]) -> LocationSection {
        let ordered = cases.sorted { ($0.reportCategory, $0.receivedDate) < ($1.reportCategory, $1.receivedDate) }
        return LocationSection(
            name: name, count: cases.count, perCategory: categories(cases), perOutcome: outcomes(cases),
            judgements: ordered.map { item in
                JudgementEntry(category: item.reportCategory, outcome: item.reportOutcome, measures: item.measures,
                               measuresDue: item.measuresDue, summary: item.annualSummary)
            })
    }
}
