import ComplaintCore

/// Turns the anonymous case facts into the annual report of one calendar year.
public enum AnnualReportBuilder {
    /// The report of `year` as it stands on `asOf` (the day it is made): a complaint still open
    /// past its term on that day counts as late.
    public static func build(year: Int, organisation: String, cases: [ReportCase], texts: ReportTexts, asOf: LocalDate,
                             setting: ReportSetting = ReportSetting()) -> AnnualReport {
        let received = cases.filter { $0.receivedDate.year == year }
        let complaints = received.filter(\.isReportedComplaint)
        let others = received.filter { !$0.kind.startsStatutoryClock && !$0.underMeldcode }
        let locationNames = Tally.count(complaints, by: \.locationLabel).map(\.label)
        let perLocation = Dictionary(grouping: complaints, by: \.locationLabel)
        let disputes = cases.filter { $0.disputeDate?.year == year && !$0.underMeldcode }
            .sorted { ($0.disputeDate ?? $0.receivedDate) < ($1.disputeDate ?? $1.receivedDate) }
        var perMonth = Array(repeating: 0, count: 12)
        for complaint in complaints { perMonth[complaint.receivedDate.month - 1] += 1 }
        // A gastouderbureau reports as one organisation: one section for all its complaints.
        let sections = setting.gastouderbureau
            ? (complaints.isEmpty ? [] : [section(organisation, complaints, lrk: setting.lrk)])
            : locationNames.map { name in section(name, perLocation[name] ?? [], lrk: setting.locationLRK[name]) }
        var report = AnnualReport(
            year: year, organisation: organisation, texts: texts, complaints: complaints.count,
            otherReactions: Tally.count(others, order: MessageKind.allCases.map(\.dutchLabel), by: \.kind.dutchLabel),
            meldcodeCount: received.filter(\.underMeldcode).count,
            perMonth: perMonth,
            perCategory: categories(complaints),
            perOutcome: outcomes(complaints),
            // Grouped once: a chain of 900 locations would otherwise filter every complaint 900 times.
            locations: sections,
            handling: HandlingTimes(complaints, asOf: asOf),
            disputes: disputes.map { Dispute(category: $0.reportCategory, outcome: $0.disputeOutcome ?? Dispute.noRulingYet,
                                             origin: $0.disputeOrigin ?? .afterProcedure) },
            previousYear: figures(year: year - 1, cases: cases, asOf: asOf),
            asOf: asOf)
        report.setting = setting
        report.satisfaction = SatisfactionFigures(complaints)
        report.referrals = cases.filter { $0.referralDate?.year == year && !$0.underMeldcode }.count
        report.toDo = toDo(complaints, asOf: asOf, gastouderbureau: setting.gastouderbureau)
        return report
    }

    /// The numbers of `year` alone, for comparisons.
    public static func figures(year: Int, cases: [ReportCase], asOf: LocalDate? = nil) -> YearFigures {
        let complaints = cases.filter { $0.receivedDate.year == year && $0.isReportedComplaint }
        return YearFigures(year: year, complaints: complaints.count, perCategory: categories(complaints),
                           perLocation: Tally.count(complaints, by: \.locationLabel), handling: HandlingTimes(complaints, asOf: asOf))
    }

    static func categories(_ cases: [ReportCase]) -> [Tally] {
        Tally.count(cases, order: ComplaintCategory.allCases.map(\.label), by: \.reportCategory.label)
    }

    static func outcomes(_ cases: [ReportCase]) -> [Tally] {
        Tally.count(cases, order: ComplaintOutcome.allCases.map(\.label), by: \.reportOutcome.label)
    }

    /// The references the draft lists, in the order the complaints came in; one pass, each
    /// complaint's category and outcome read once (a chain's year has thousands).
    private static func toDo(_ complaints: [ReportCase], asOf: LocalDate, gastouderbureau: Bool) -> ReportToDo {
        var list = ReportToDo()
        for item in complaints {
            let reference = item.reference ?? "ontvangen \(DutchWording.date(item.receivedDate))"
            if item.reportCategory == .uncategorised { list.uncategorised.append(reference) }
            if !gastouderbureau, item.locationLabel == ReportWords.noLocation { list.withoutLocation.append(reference) }
            if item.reportText == nil { list.withoutReportText.append(reference) }
            guard item.judgementDate == nil, item.reportOutcome == .pending else { continue }
            list.stillOpen.append(reference)
            if item.legalDecisionDeadline < asOf { list.lateOpen.append(reference) }
        }
        return list
    }

    private static func section(_ name: String, _ cases: [ReportCase], lrk: String?) -> LocationSection {
        let ordered = cases.sorted { ($0.reportCategory, $0.receivedDate) < ($1.reportCategory, $1.receivedDate) }
        return LocationSection(
            name: name, lrk: lrk, count: cases.count, perCategory: categories(cases), perOutcome: outcomes(cases),
            judgements: ordered.map { item in
                // Without measure rows (cases from before they were kept apart), the case's own measures term.
                let terms = item.measureTerms.map(\.due)
                return JudgementEntry(category: item.reportCategory, outcome: item.reportOutcome,
                                      measureCount: item.measureTerms.count, measuresDue: terms.max() ?? item.measuresDue,
                                      summary: item.reportText)
            })
    }
}
