import CivilDays

/// RFC 3501 `date-time`: `"17-Jul-1996 02:44:25 -0700"` (the day may be space-padded).
enum InternalDate {
    private static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// The instant the text names, in seconds since 1970, or nil when it does not follow the grammar.
    /// Seconds, not `Date`: this module stays free of Foundation, so the supervisor that links it stays small.
    static func parse(_ bytes: [UInt8]) -> Int? {
        let parts = ASCII.text(bytes).split(separator: " ")
        guard parts.count == 3 else { return nil }
        let dayMonthYear = parts[0].split(separator: "-")
        let time = parts[1].split(separator: ":")
        let zone = parts[2]
        guard dayMonthYear.count == 3, time.count == 3, zone.count == 5,
              let day = Int(dayMonthYear[0]), let monthIndex = months.firstIndex(of: dayMonthYear[1].uppercased()),
              let year = Int(dayMonthYear[2]),
              let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
              let zoneHours = Int(zone.dropFirst().prefix(2)), let zoneMinutes = Int(zone.suffix(2)),
              zone.first == "+" || zone.first == "-" else { return nil }
        let offset = (zoneHours * 3600 + zoneMinutes * 60) * (zone.first == "-" ? -1 : 1)
        let days = CivilDays.since1970(year: year, month: monthIndex + 1, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return seconds
    }
}
