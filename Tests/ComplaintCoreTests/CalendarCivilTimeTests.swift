import XCTest
@testable import ComplaintCore

final class CalendarCivilTimeTests: XCTestCase {
    private let civil = CivilTime()

    func testLocalDateFollowsAmsterdamOffsetAcrossDaylightSavingChanges() {
        let cases: [(instant: Date, expected: String, why: String)] = [
            (utc("2026-03-29", 0, 30), "2026-03-29", "01:30 CET, before the spring change"),
            (utc("2026-03-29", 1, 30), "2026-03-29", "03:30 CEST, after the spring change"),
            (utc("2026-03-28", 22, 59), "2026-03-28", "23:59 CET on Saturday"),
            (utc("2026-03-28", 23, 0), "2026-03-29", "midnight CET"),
            (utc("2026-03-29", 21, 59, 59), "2026-03-29", "23:59:59 CEST"),
            (utc("2026-03-29", 22, 0), "2026-03-30", "midnight CEST: an hour earlier in UTC than the day before"),
            (utc("2026-10-24", 21, 59), "2026-10-24", "23:59 CEST"),
            (utc("2026-10-24", 22, 0), "2026-10-25", "midnight CEST on the autumn change day"),
            (utc("2026-10-25", 22, 30), "2026-10-25", "23:30 CET"),
            (utc("2026-10-25", 23, 0), "2026-10-26", "midnight CET"),
            (utc("2026-12-31", 22, 59), "2026-12-31", "23:59 on New Year's Eve"),
            (utc("2026-12-31", 23, 0), "2027-01-01", "midnight on New Year"),
        ]
        for c in cases {
            XCTAssertEqual(civil.localDate(of: c.instant), day(c.expected), c.why)
        }
    }

    func testStartAndEndOfDayHandleShortAndLongDays() {
        XCTAssertEqual(civil.startOfDay(day("2026-03-29")), utc("2026-03-28", 23, 0))
        XCTAssertEqual(civil.endOfDay(day("2026-03-29")), utc("2026-03-29", 21, 59, 59))
        XCTAssertEqual(civil.startOfDay(day("2026-10-25")), utc("2026-10-24", 22, 0))
        XCTAssertEqual(civil.endOfDay(day("2026-10-25")), utc("2026-10-25", 22, 59, 59))
        XCTAssertEqual(civil.endOfDay(day("2026-06-15")), utc("2026-06-15", 21, 59, 59))
        XCTAssertEqual(civil.endOfDay(day("2026-12-31")), utc("2026-12-31", 22, 59, 59))
        let shortDay = civil.endOfDay(day("2026-03-29")).timeIntervalSince(civil.startOfDay(day("2026-03-29")))
        let longDay = civil.endOfDay(day("2026-10-25")).timeIntervalSince(civil.startOfDay(day("2026-10-25")))
        XCTAssertEqual(shortDay, 23 * 3600 - 1)
        XCTAssertEqual(longDay, 25 * 3600 - 1)
    }

    func testWallClockTimesIncludingTheGapAndTheFold() {
        XCTAssertEqual(civil.date(day("2026-05-04"), hour: 9, minute: 0), utc("2026-05-04", 7, 0))
        XCTAssertEqual(civil.date(day("2026-01-15"), hour: 9, minute: 0), utc("2026-01-15", 8, 0))
        XCTAssertEqual(civil.date(day("2026-03-29"), hour: 2, minute: 30), utc("2026-03-29", 1, 30),
                       "02:30 does not exist on the spring change day; it becomes 03:30 CEST")
        XCTAssertEqual(civil.date(day("2026-10-25"), hour: 2, minute: 30), utc("2026-10-25", 1, 30),
                       "02:30 happens twice on the autumn change day; the second (CET) is meant")
    }

    func testOtherZonesAndUnknownNames() {
        XCTAssertTrue(CivilTime.isKnownTimeZone("Europe/Amsterdam"))
        XCTAssertFalse(CivilTime.isKnownTimeZone("Europe/Nergenshuizen"))
        XCTAssertEqual(CivilTime(timeZoneIdentifier: "Europe/Nergenshuizen").timeZoneIdentifier, "Europe/Amsterdam")
        let utcCivil = CivilTime(timeZoneIdentifier: "UTC")
        XCTAssertEqual(utcCivil.localDate(of: utc("2026-12-31", 23, 30)), day("2026-12-31"))
    }
}
