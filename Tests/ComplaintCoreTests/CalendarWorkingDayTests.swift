import XCTest
@testable import ComplaintCore

final class CalendarWorkingDayTests: XCTestCase {
    private let calendar = WorkingDayCalendar(holidays: DutchHolidays())

    func testAddingWorkingDaysSkipsWeekendsAndHolidays() {
        let cases: [(start: String, days: Int, expected: String, why: String)] = [
            ("2026-05-04", 5, "2026-05-11", "plain week; 5 May 2026 is no holiday"),
            ("2026-05-08", 1, "2026-05-11", "Friday to Monday"),
            ("2026-05-09", 1, "2026-05-11", "received on a Saturday"),
            ("2025-12-24", 5, "2026-01-05", "across Kerst and Nieuwjaar"),
            ("2025-12-24", 1, "2025-12-29", "both Kerstdagen and the weekend"),
            ("2026-04-02", 1, "2026-04-07", "Goede Vrijdag, Pasen and Tweede Paasdag"),
            ("2026-04-02", 5, "2026-04-13", "Pasen week"),
            ("2026-04-24", 1, "2026-04-28", "Koningsdag on Monday 27 April 2026"),
            ("2026-05-13", 1, "2026-05-15", "Hemelvaartsdag"),
            ("2026-05-22", 1, "2026-05-26", "Pinksteren"),
            ("2025-05-02", 1, "2025-05-06", "Bevrijdingsdag 2025 is a lustrum year"),
            ("2026-05-04", 0, "2026-05-04", "zero days is the date itself"),
            ("2026-05-09", 0, "2026-05-09", "zero days keeps a Saturday"),
            ("2026-05-04", 15, "2026-05-27", "three weeks with Hemelvaart and Pinksteren"),
        ]
        for c in cases {
            XCTAssertEqual(calendar.adding(workingDays: c.days, to: day(c.start)), day(c.expected), c.why)
        }
    }

    func testSubtractingWorkingDaysSkipsBackwards() {
        let cases: [(start: String, days: Int, expected: String)] = [
            ("2026-04-07", 1, "2026-04-02"), ("2026-05-11", 1, "2026-05-08"), ("2026-01-05", 2, "2025-12-31"),
            ("2026-06-20", 2, "2026-06-18"), ("2026-06-15", 2, "2026-06-11"), ("2025-12-29", 1, "2025-12-24"),
        ]
        for c in cases {
            XCTAssertEqual(calendar.subtracting(workingDays: c.days, from: day(c.start)), day(c.expected), c.start)
            XCTAssertEqual(calendar.adding(workingDays: -c.days, to: day(c.start)), day(c.expected), c.start)
        }
    }

    func testWorkingDayOnOrBeforeAndAfter() {
        XCTAssertEqual(calendar.workingDay(onOrBefore: day("2026-04-06")), day("2026-04-02"))
        XCTAssertEqual(calendar.workingDay(onOrAfter: day("2026-04-03")), day("2026-04-07"))
        XCTAssertEqual(calendar.workingDay(onOrBefore: day("2026-05-04")), day("2026-05-04"))
    }

    func testClosingDaysAreNotWorkingDays() {
        let settings = HolidaySettings(closingDays: [Holiday(date: day("2026-05-15"), name: "Brugdag")])
        let withBridgeDay = WorkingDayCalendar(holidays: DutchHolidays(settings: settings))
        XCTAssertFalse(withBridgeDay.isWorkingDay(day("2026-05-15")))
        XCTAssertEqual(withBridgeDay.adding(workingDays: 1, to: day("2026-05-13")), day("2026-05-18"))
    }

    func testCountingWorkingDaysBetweenDates() {
        XCTAssertEqual(calendar.workingDays(from: day("2025-12-24"), through: day("2026-01-05")), 5)
        XCTAssertEqual(calendar.workingDays(from: day("2026-05-04"), through: day("2026-05-04")), 0)
        XCTAssertEqual(calendar.workingDays(from: day("2026-05-11"), through: day("2026-05-04")), 0)
    }
}
