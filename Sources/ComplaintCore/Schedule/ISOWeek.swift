/// An ISO 8601 week (Monday to Sunday), named after the year its Thursday falls in: `2026-W21`.
public struct ISOWeek: Hashable, Sendable, CustomStringConvertible {
    /// The week-numbering year (differs from the calendar year around New Year: 2026-12-31 is in 2026-W53).
    public let year: Int
    /// The week number, 1 to 52 or 53.
    public let week: Int
    /// The week's Monday.
    public let monday: LocalDate

    /// The week `date` falls in.
    public init(containing date: LocalDate) {
        let monday = date.adding(days: 1 - date.weekday)
        let thursday = monday.adding(days: 3)
        let firstOfYear = LocalDate(year: thursday.year, month: 1, day: 1)
        self.year = thursday.year
        self.week = firstOfYear.days(until: thursday) / 7 + 1
        self.monday = monday
    }

    /// The week's Sunday.
    public var sunday: LocalDate { monday.adding(days: 6) }

    /// `2026-W05`: zero-padded, so keys sort as text.
    public var description: String {
        "\(year)-W" + (week < 10 ? "0\(week)" : "\(week)")
    }
}
