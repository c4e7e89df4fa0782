import ComplaintCore

/// A calendar quarter, written `2026Q3`.
public struct Quarter: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1 to 4.
    public var number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// Reads `2026Q3` (case-insensitive); nil for anything else.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let number = Int(parts[1]), (1...4).contains(number) else {
            return nil
        }
        self.init(year: year, number: number)
    }

    /// The quarter a date falls in.
    public init(containing date: LocalDate) {
        self.init(year: date.year, number: (date.month - 1) / 3 + 1)
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: (number - 1) * 3 + 1, day: 1) }
    public var lastDay: LocalDate { firstDay.adding(months: 3).adding(days: -1) }
    public var previous: Quarter { number == 1 ? Quarter(year: year - 1, number: 4) : Quarter(year: year, number: number - 1) }

    public func contains(_ date: LocalDate) -> Bool { date >= firstDay && date <= lastDay }

    public var description: String { "\(year)Q\(number)" }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }
}
