/// Proleptic Gregorian dates as days since 1970-01-01, by Howard Hinnant's `days_from_civil`
/// and `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html): exact for
/// every year, and no Foundation `Calendar` (a time-zone lookup per call).
///
/// One leaf with no dependencies, so the pure modules that need it (the parser, the
/// templates, the domain, the IMAP client) stay free of each other and of Foundation.
public enum CivilDays {
    /// Days from 1970-01-01 to `year`-`month`-`day` (negative before 1970).
    public static func since1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivision(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    public static func date(since1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivision(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 for Monday through 6 for Sunday (1970-01-01 was a Thursday).
    public static func weekdayIndex(since1970 days: Int) -> Int {
        ((days + 3) % 7 + 7) % 7
    }

    /// Division rounding towards minus infinity, as the algorithms need for negative numbers;
    /// `divisor` is positive.
    public static func floorDivision(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    /// The remainder that goes with `floorDivision`: from 0 up to `divisor` - 1.
    public static func floorModulo(_ value: Int, _ divisor: Int) -> Int {
        value - floorDivision(value, divisor) * divisor
    }
}
