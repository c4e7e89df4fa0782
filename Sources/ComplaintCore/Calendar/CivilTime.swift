import CivilDays
import Foundation

/// Converts between instants and local dates in the organisation's time zone (Europe/Amsterdam).
///
/// Conversions use the zone's UTC offset at the instant in question, taken from
/// Foundation's `TimeZone` (the system tz database), so the switches to and from
/// summer time (last Sunday of March and October, at 01:00 UTC) fall where they should.
public struct CivilTime: Sendable {
    /// The zone used for every conversion.
    public let timeZone: TimeZone

    /// Creates a converter for the named IANA zone; an unknown name falls back to Europe/Amsterdam
    /// (check names first with `isKnownTimeZone(_:)`, as `check-config` does).
    public init(timeZoneIdentifier: String = "Europe/Amsterdam") {
        self.timeZone = TimeZone(identifier: timeZoneIdentifier)
            ?? TimeZone(identifier: "Europe/Amsterdam")
            ?? TimeZone(secondsFromGMT: 3600)
            ?? TimeZone.current
    }

    /// Whether the system's time zone database knows `identifier`.
    public static func isKnownTimeZone(_ identifier: String) -> Bool {
        TimeZone(identifier: identifier) != nil
    }

    /// The zone's identifier, e.g. "Europe/Amsterdam".
    public var timeZoneIdentifier: String { timeZone.identifier }

    /// The local calendar date at `instant`.
    public func localDate(of instant: Date) -> LocalDate {
        let utcSeconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let localSeconds = utcSeconds + timeZone.secondsFromGMT(for: instant)
        return LocalDate(dayNumber: CivilDays.floorDivision(localSeconds, 86_400))
    }

    /// The first instant (00:00:00 local time) of `date`.
    public func startOfDay(_ date: LocalDate) -> Date {
        self.date(date, hour: 0, minute: 0)
    }

    /// The last second (23:59:59 local time) of `date`: a term due on a date ends at the end of that local day.
    ///
    /// Computed as one second before the next day's start, so days of 23 or 25 hours
    /// (the DST switches) end where they should.
    public func endOfDay(_ date: LocalDate) -> Date {
        startOfDay(date.adding(days: 1)).addingTimeInterval(-1)
    }

    /// The instant at `hour:minute` local time on `date`.
    ///
    /// A time in the spring gap (02:00–02:59 on the last Sunday of March) moves forward
    /// by the size of the gap; a time in the autumn fold (02:00–02:59 on the last Sunday
    /// of October, which happens twice) means its second occurrence.
    public func date(_ date: LocalDate, hour: Int, minute: Int) -> Date {
        let wallClock = date.dayNumber * 86_400 + hour * 3600 + minute * 60
        let firstGuess = wallClock - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wallClock)))
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(firstGuess)))
        return Date(timeIntervalSince1970: TimeInterval(wallClock - offset))
    }
}
