import CivilDays
import XCTest

/// The one day-number algorithm the parser, the templates, the domain and the IMAP client share.
final class CivilDaysTests: XCTestCase {
    func testKnownDays() {
        XCTAssertEqual(CivilDays.since1970(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(CivilDays.since1970(year: 2000, month: 3, day: 1), 11_017)
        XCTAssertEqual(CivilDays.since1970(year: 1969, month: 12, day: 31), -1)
        XCTAssertEqual(CivilDays.since1970(year: 1600, month: 2, day: 29), -135_081)
        XCTAssertEqual(CivilDays.since1970(year: 2026, month: 11, day: 21), 20_778)
    }

    func testDaysAndDatesRoundTripAcrossLeapYearsAndCenturies() {
        var expected = (year: 1599, month: 12, day: 31)
        for number in CivilDays.since1970(year: 1599, month: 12, day: 31)...CivilDays.since1970(year: 2401, month: 1, day: 1) {
            let date = CivilDays.date(since1970: number)
            XCTAssertTrue(date == expected, "\(number): \(date) is not \(expected)")
            XCTAssertEqual(CivilDays.since1970(year: date.year, month: date.month, day: date.day), number)
            expected = Self.next(expected)
        }
    }

    func testWeekdays() {
        XCTAssertEqual(CivilDays.weekdayIndex(since1970: 0), 3, "1970-01-01 was a Thursday")
        XCTAssertEqual(CivilDays.weekdayIndex(since1970: CivilDays.since1970(year: 2026, month: 5, day: 4)), 0, "a Monday")
        XCTAssertEqual(CivilDays.weekdayIndex(since1970: -1), 2, "1969-12-31 was a Wednesday")
        XCTAssertEqual(CivilDays.floorDivision(-1, 7), -1)
        XCTAssertEqual(CivilDays.floorDivision(-7, 7), -1)
        XCTAssertEqual(CivilDays.floorDivision(13, 7), 1)
        XCTAssertEqual(CivilDays.floorModulo(-1, 7), 6)
        XCTAssertEqual(CivilDays.floorModulo(-7, 7), 0)
        XCTAssertEqual(CivilDays.floorModulo(13, 7), 6)
    }

    /// The next date by counting, independent of the algorithm under test.
    private static func next(_ date: (year: Int, month: Int, day: Int)) -> (year: Int, month: Int, day: Int) {
        let leap = date.year % 4 == 0 && (date.year % 100 != 0 || date.year % 400 == 0)
        let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][date.month - 1]
        if date.day < length { return (date.year, date.month, date.day + 1) }
        return date.month == 12 ? (date.year + 1, 1, 1) : (date.year, date.month + 1, 1)
    }
}
