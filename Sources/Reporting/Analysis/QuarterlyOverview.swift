import ComplaintCore

/// The quarterly analysis for management: counts, categories, terms met, overdue cases and trends.
public struct QuarterlyOverview: Sendable, Equatable {
    public var quarter: Quarter
    /// The day the overdue count is taken: the quarter's last day, or today while it runs.
    public var asOf: LocalDate
    public var complaints: Int
    public var previousComplaints: Int
    public var otherReactions: Int
    public var perCategory: [Comparison]
    public var perLocation: [Comparison]
    public var perOutcome: [Tally]
    /// Judgements given in the quarter, and how many of them within the decision term.
    public var judgements: Int
    public var judgementsInTime: Int
    /// Complaints without a judgement whose decision date had passed on `asOf`.
    public var overdue: Int
    /// Complaints still open on `asOf`.
    public var open: Int
    /// Measures past their term and not done on `asOf`, of every complaint still open then (a
    /// judgement long given does not make its measures any less late), and how many complaints they belong to.
    public var overdueMeasures = 0
    public var complaintsWithOverdueMeasures = 0
    public var handling: HandlingTimes
    /// The satisfaction answers of the quarter's complaints.
    public var satisfaction = SatisfactionFigures()

    public static func build(quarter: Quarter, today: LocalDate, cases: [ReportCase]) -> QuarterlyOverview {
        let asOf = min(today, quarter.lastDay)
        let complaints = cases.filter(\.isReportedComplaint)
        let current = complaints.filter { quarter.contains($0.receivedDate) }
        let before = complaints.filter { quarter.previous.contains($0.receivedDate) }
        let judged = complaints.filter { $0.judgementDate.map(quarter.contains) ?? false }
        let started = complaints.filter { $0.receivedDate <= asOf }
        var overview = QuarterlyOverview(
            quarter: quarter, asOf: asOf, complaints: current.count, previousComplaints: before.count,
            otherReactions: cases.filter { !$0.kind.startsStatutoryClock && !$0.underMeldcode && quarter.contains($0.receivedDate) }.count,
            perCategory: AnnualReportBuilder.categories(current).compared(with: AnnualReportBuilder.categories(before)),
            perLocation: Tally.count(current, by: \.locationLabel).compared(with: Tally.count(before, by: \.locationLabel)),
            perOutcome: AnnualReportBuilder.outcomes(current),
            judgements: judged.count,
            judgementsInTime: judged.filter { item in
                guard let date = item.judgementDate else { return false }
                return date <= item.legalDecisionDeadline
            }.count,
            overdue: started.filter { item in
                guard let due = item.decisionDue, due < asOf else { return false }
                return (item.judgementDate.map { $0 > asOf } ?? true) && isOpen(item, on: asOf)
            }.count,
            open: started.filter { isOpen($0, on: asOf) }.count,
            handling: HandlingTimes(judged))
        overview.satisfaction = SatisfactionFigures(current)
        // Of the cases still open that day: a closed case's unmarked measure was settled when it was closed.
        let late = started.filter { isOpen($0, on: asOf) }.map { $0.measureTerms.filter { $0.isOverdue(on: asOf) }.count }
        overview.overdueMeasures = late.reduce(0, +)
        overview.complaintsWithOverdueMeasures = late.filter { $0 > 0 }.count
        return overview
    }

    /// Open on a day: not yet closed then (a case closed later was open that day).
    private static func isOpen(_ item: ReportCase, on day: LocalDate) -> Bool {
        if let closed = item.closedDate { return closed > day }
        return item.state.isOpen
    }
}
