/// How fast judgements came: the median number of days from receipt and the share within 6 weeks.
public struct HandlingTimes: Sendable, Equatable {
    /// Complaints with a written judgement.
    public var judged: Int
    /// The median of the days from receipt to judgement; nil when nothing was judged.
    public var medianDays: Double?
    /// Judgements sent within the decision term: by its legal deadline (six weeks, or the Wkkgz
    /// extension or Jeugdwet term, run on past a weekend or holiday by the Algemene termijnenwet).
    public var withinSixWeeks: Int

    /// The share within 6 weeks as a fraction, nil when nothing was judged.
    public var shareWithinSixWeeks: Double? { judged == 0 ? nil : Double(withinSixWeeks) / Double(judged) }

    public static let statutoryDays = 42

    public init(_ cases: [ReportCase]) {
        let days = cases.compactMap(\.handlingDays).sorted()
        judged = days.count
        withinSixWeeks = cases.filter { $0.judgedOnTime == true }.count
        if days.isEmpty {
            medianDays = nil
        } else if days.count % 2 == 1 {
            medianDays = Double(days[days.count / 2])
        } else {
            medianDays = Double(days[days.count / 2 - 1] + days[days.count / 2]) / 2
        }
    }
}
