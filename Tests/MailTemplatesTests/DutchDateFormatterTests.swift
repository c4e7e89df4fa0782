import XCTest
@testable import MailTemplates

final class DutchDateFormatterTests: XCTestCase {
    func testDutchAndEnglishDates() {
        let cases: [(Int, Int, Int, String, String)] = [
            (2026, 5, 4, "maandag 4 mei 2026", "Monday 4 May 2026"),
            (2026, 6, 15, "maandag 15 juni 2026", "Monday 15 June 2026"),
            (2027, 1, 1, "vrijdag 1 januari 2027", "Friday 1 January 2027"),
            (2028, 2, 29, "dinsdag 29 februari 2028", "Tuesday 29 February 2028"),
            (2026, 3, 29, "zondag 29 maart 2026", "Sunday 29 March 2026"),
            (2026, 12, 26, "zaterdag 26 december 2026", "Saturday 26 December 2026"),
            (2000, 8, 3, "donderdag 3 augustus 2000", "Thursday 3 August 2000"),
        ]
        for (year, month, day, dutch, english) in cases {
            XCTAssertEqual(DutchDateFormatter.string(year: year, month: month, day: day), dutch)
            XCTAssertEqual(DutchDateFormatter.string(year: year, month: month, day: day, language: "en"), english)
        }
    }

    func testWithoutWeekdayAndUnknownLanguage() {
        XCTAssertEqual(DutchDateFormatter.string(year: 2026, month: 10, day: 7, includeWeekday: false), "7 oktober 2026")
        XCTAssertEqual(DutchDateFormatter.string(year: 2026, month: 11, day: 7, language: "fy"), "zaterdag 7 november 2026")
        XCTAssertEqual(DutchDateFormatter.string(year: 2026, month: 13, day: 7), "7-13-2026")
    }
}
