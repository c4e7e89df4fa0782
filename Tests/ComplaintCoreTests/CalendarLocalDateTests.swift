import XCTest
@testable import ComplaintCore

final class CalendarLocalDateTests: XCTestCase {
    func testIsoRoundTripsAndRejectsMalformedDates() {
        XCTAssertEqual(LocalDate(iso: "2026-05-04"), LocalDate(year: 2026, month: 5, day: 4))
        XCTAssertEqual(LocalDate(year: 2026, month: 5, day: 4).iso, "2026-05-04")
        XCTAssertEqual(LocalDate(year: 2026, month: 5, day: 4).description, "2026-05-04")
        for bad in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-5-4", "26-05-04", "2026-05-04T10:00",
                    "abcd-01-01", "+026-01-01", "2026-04-31", "", "2026/05/04"] {
            XCTAssertNil(LocalDate(iso: bad), bad)
        }
        XCTAssertNotNil(LocalDate(iso: "2028-02-29"))
    }

    func testWeekdayIsIsoMondayOne() {
        let cases: [(String, Int)] = [
            ("1970-01-01", 4), ("2000-02-29", 2), ("2026-05-04", 1), ("2026-05-09", 6),
            ("2026-05-10", 7), ("2025-04-27", 7), ("1969-12-31", 3),
        ]
        for (iso, weekday) in cases {
            XCTAssertEqual(day(iso).weekday, weekday, iso)
        }
    }

    func testAddingDaysAndWeeks() {
        XCTAssertEqual(day("2026-05-04").adding(weeks: 6), day("2026-06-15"))
        XCTAssertEqual(day("2026-12-31").adding(days: 1), day("2027-01-01"))
        XCTAssertEqual(day("2028-02-28").adding(days: 1), day("2028-02-29"))
        XCTAssertEqual(day("2026-03-01").adding(days: -1), day("2026-02-28"))
        XCTAssertEqual(day("2026-01-01").days(until: day("2027-01-01")), 365)
    }

    func testAddingMonthsClampsToTheEndOfTheMonth() {
        let cases: [(String, Int, String)] = [
            ("2026-01-31", 1, "2026-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2028-02-29", 12, "2029-02-28"),
            ("2026-03-31", -1, "2026-02-28"), ("2026-12-15", 1, "2027-01-15"), ("2026-01-15", -1, "2025-12-15"),
            ("2026-05-31", 1, "2026-06-30"), ("2026-05-04", 12, "2027-05-04"), ("2026-08-31", -18, "2025-02-28"),
        ]
        for (start, months, expected) in cases {
            XCTAssertEqual(day(start).adding(months: months), day(expected), "\(start) + \(months) months")
        }
    }

    func testDayNumberRoundTripsOverTwoCenturies() {
        var previous = LocalDate(year: 1899, month: 12, day: 31)
        for number in LocalDate(year: 1900, month: 1, day: 1).dayNumber...LocalDate(year: 2100, month: 12, day: 31).dayNumber {
            let date = LocalDate(dayNumber: number)
            XCTAssertTrue(date.isValid)
            XCTAssertEqual(date.dayNumber, number)
            XCTAssertLessThan(previous, date)
            previous = date
        }
    }

    func testCodableUsesIsoString() throws {
        let data = try JSONEncoder().encode([day("2026-05-04")])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["2026-05-04"]"#)
        XCTAssertEqual(try JSONDecoder().decode([LocalDate].self, from: data), [day("2026-05-04")])
        XCTAssertThrowsError(try JSONDecoder().decode([LocalDate].self, from: Data(#"["2026-02-30"]"#.utf8)))
    }
}
