import CivilDays

/// A date on the proleptic Gregorian calendar without a time or a time zone.
///
/// Terms in a complaint procedure are counted in local days, so they are stored as
/// `LocalDate`s; only `CivilTime` turns them into instants. Arithmetic uses a day
/// number (days since 1970-01-01), which keeps it pure and independent of Foundation.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public var year: Int
    /// The month, 1 (January) through 12 (December).
    public var month: Int
    /// The day of the month, starting at 1.
    public var day: Int

    /// Creates a date from its parts; the parts are expected to form a valid date (see `isValid`).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses an ISO 8601 calendar date of the exact form `YYYY-MM-DD`, or returns nil.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
        guard isValid else { return nil }
    }

    /// Whether month and day name a day that exists in this year.
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= LocalDate.daysInMonth(year: year, month: month)
    }

    /// The date as `YYYY-MM-DD`.
    public var iso: String {
        "\(LocalDate.pad(year, 4))-\(LocalDate.pad(month, 2))-\(LocalDate.pad(day, 2))"
    }

    public var description: String { iso }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        CivilDays.weekdayIndex(since1970: dayNumber) + 1
    }

    /// Whether the date is a Saturday or a Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber + days)
    }

    /// The date `weeks` weeks later: the same weekday, so 6 weeks after Monday 4 May 2026 is Monday 15 June 2026.
    public func adding(weeks: Int) -> LocalDate {
        adding(days: weeks * 7)
    }

    /// The same day `months` months later, clamped to the end of a shorter month (31 January + 1 month = 28 or 29 February).
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let newYear = CivilDays.floorDivision(total, 12)
        let newMonth = CivilDays.floorModulo(total, 12) + 1
        let newDay = min(day, LocalDate.daysInMonth(year: newYear, month: newMonth))
        return LocalDate(year: newYear, month: newMonth, day: newDay)
    }

    /// The number of days from this date to `other` (negative when `other` is earlier).
    public func days(until other: LocalDate) -> Int {
        other.dayNumber - dayNumber
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month of a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension LocalDate {
    /// Days since 1970-01-01.
    public var dayNumber: Int { CivilDays.since1970(year: year, month: month, day: day) }

    /// The date with the given number of days since 1970-01-01.
    public init(dayNumber: Int) {
        let civil = CivilDays.date(since1970: dayNumber)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }
}

/// Stored and exchanged as an ISO string (`"2026-05-04"`), so case files stay readable.
extension LocalDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a date as YYYY-MM-DD, found \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
