import ComplaintCore

/// How fast judgements came: the median number of days from receipt and the share within 6 weeks.
public struct HandlingTimes: Sendable, Equatable {
    /// Complaints with a written judgement.
    public var judged: Int
    /// The median of the days from receipt to judgement; nil when nothing was judged.
    public var medianDays: Double?
    /// Judgements sent within the decision term: by its legal deadline (six weeks, or the Wkkgz
    /// extension or Jeugdwet term, run on past a weekend or holiday by the Algemene termijnenwet).
    public var withinSixWeeks: Int
    /// Complaints still without a judgement while their legal deadline had passed on the day the
    /// figures were taken: late as surely as a late judgement, so they count against the share.
    public var openPastTerm: Int

    /// The complaints the share is taken over: those judged and those open past their term.
    public var assessed: Int { judged + openPastTerm }

    /// The share within 6 weeks as a fraction, nil when nothing was judged or late.
    public var shareWithinSixWeeks: Double? { assessed == 0 ? nil : Double(withinSixWeeks) / Double(assessed) }

    public static let statutoryDays = 42

    /// The figures of `cases`; with `asOf`, complaints still open past their term on that day count as late.
    public init(_ cases: [ReportCase], asOf: LocalDate? = nil) {
        let days = cases.compactMap(\.handlingDays).sorted()
        judged = days.count
        withinSixWeeks = cases.filter { $0.judgedOnTime == true }.count
        openPastTerm = asOf.map { day in cases.filter { $0.isOpenPastTerm(on: day) }.count } ?? 0
        if days.isEmpty {
            medianDays = nil
        } else if days.count % 2 == 1 {
            medianDays = Double(days[days.count / 2])
        } else {
            medianDays = Double(days[days.count / 2 - 1] + days[days.count / 2]) / 2
        }
    }
}
