import XCTest
@testable import ComplaintCore

final class CalendarHolidayTests: XCTestCase {
    private let easterSundays: [Int: String] = [
        2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28",
        2028: "2028-04-16", 2029: "2029-04-01", 2030: "2030-04-21", 2031: "2031-04-13",
        2032: "2032-03-28", 2033: "2033-04-17", 2034: "2034-04-09", 2035: "2035-03-25",
    ]

    func testEasterSundayMatchesKnownDates() {
        for (year, iso) in easterSundays {
            XCTAssertEqual(DutchHolidays.easterSunday(year), day(iso), "\(year)")
        }
    }

    func testEveryYearHasTheMovableFeastsAtTheRightDistanceFromEaster() {
        let holidays = DutchHolidays()
        for (year, iso) in easterSundays {
            let easter = day(iso)
            let byName = Dictionary(holidays.holidays(in: year).map { ($0.name, $0.date) }, uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(byName["Goede Vrijdag"], easter.adding(days: -2), "\(year)")
            XCTAssertEqual(byName["Eerste Paasdag"], easter, "\(year)")
            XCTAssertEqual(byName["Tweede Paasdag"], easter.adding(days: 1), "\(year)")
            XCTAssertEqual(byName["Hemelvaartsdag"], easter.adding(days: 39), "\(year)")
            XCTAssertEqual(byName["Hemelvaartsdag"]?.weekday, 4, "Hemelvaart is a Thursday in \(year)")
            XCTAssertEqual(byName["Eerste Pinksterdag"], easter.adding(days: 49), "\(year)")
            XCTAssertEqual(byName["Tweede Pinksterdag"], easter.adding(days: 50), "\(year)")
            XCTAssertEqual(byName["Nieuwjaarsdag"], LocalDate(year: year, month: 1, day: 1))
            XCTAssertEqual(byName["Eerste Kerstdag"], LocalDate(year: year, month: 12, day: 25))
            XCTAssertEqual(byName["Tweede Kerstdag"], LocalDate(year: year, month: 12, day: 26))
        }
    }

    func testKingsDayMovesToSaturdayWhenTheTwentySeventhIsASunday() {
        for year in 2024...2035 {
            let expected = (year == 2025 || year == 2031) ? 26 : 27
            XCTAssertEqual(DutchHolidays.kingsDay(year), LocalDate(year: year, month: 4, day: expected), "\(year)")
        }
    }

    func testLiberationDayOnlyInLustrumYearsByDefault() {
        let lustrum = DutchHolidays()
        let yearly = DutchHolidays(settings: HolidaySettings(liberationDayEveryYear: true))
        for year in 2024...2035 {
            let may5 = LocalDate(year: year, month: 5, day: 5)
            XCTAssertEqual(lustrum.isHoliday(may5), [2025, 2030, 2035].contains(year), "\(year)")
            XCTAssertTrue(yearly.isHoliday(may5), "\(year)")
        }
    }

    func testGoodFridayCanBeSwitchedOff() {
        let without = DutchHolidays(settings: HolidaySettings(observeGoodFriday: false))
        XCTAssertFalse(without.isHoliday(day("2026-04-03")))
        XCTAssertTrue(DutchHolidays().isHoliday(day("2026-04-03")))
        XCTAssertEqual(without.holidays(in: 2026).count, DutchHolidays().holidays(in: 2026).count - 1)
    }

    func testHolidaysOf2026AreSortedAndNamed() {
        let expected: [(String, String)] = [
            ("2026-01-01", "Nieuwjaarsdag"), ("2026-04-03", "Goede Vrijdag"), ("2026-04-05", "Eerste Paasdag"),
            ("2026-04-06", "Tweede Paasdag"), ("2026-04-27", "Koningsdag"), ("2026-05-14", "Hemelvaartsdag"),
            ("2026-05-24", "Eerste Pinksterdag"), ("2026-05-25", "Tweede Pinksterdag"),
            ("2026-12-24", "Studiedag"), ("2026-12-25", "Eerste Kerstdag"), ("2026-12-26", "Tweede Kerstdag"),
        ]
        let settings = HolidaySettings(closingDays: [
            Holiday(date: day("2026-12-24"), name: "Studiedag"), Holiday(date: day("2027-01-02"), name: "Later"),
        ])
        let list = DutchHolidays(settings: settings).holidays(in: 2026)
        XCTAssertEqual(list.map(\.date.iso), expected.map(\.0))
        XCTAssertEqual(list.map(\.name), expected.map(\.1))
    }

    func testHolidaysAreSortedEvenWhenHemelvaartComesBeforeBevrijdingsdag() {
        let names2035 = DutchHolidays().holidays(in: 2035).map(\.name)
        XCTAssertEqual(names2035.firstIndex(of: "Hemelvaartsdag").map { $0 + 1 }, names2035.firstIndex(of: "Bevrijdingsdag"))
        for year in 2024...2035 {
            let dates = DutchHolidays(settings: HolidaySettings(liberationDayEveryYear: true)).holidays(in: year).map(\.date)
            XCTAssertEqual(dates, dates.sorted(), "\(year)")
        }
    }

    func testClosingDayOnAPublicHolidayNamesThePublicHoliday() {
        let settings = HolidaySettings(closingDays: [Holiday(date: day("2026-12-25"), name: "Kerstsluiting")])
        XCTAssertEqual(DutchHolidays(settings: settings).holiday(on: day("2026-12-25"))?.name, "Eerste Kerstdag")
        XCTAssertNil(DutchHolidays().holiday(on: day("2026-12-23")))
    }
}
