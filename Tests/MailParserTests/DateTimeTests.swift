import XCTest
@testable import MailParser

final class DateTimeTests: XCTestCase {
    private func epoch(_ value: String) -> Int? {
        DateTimeParser.parse(value).map { Int($0.timeIntervalSince1970) }
    }

    func testRFC5322DateWithNumericZone() {
        XCTAssertEqual(epoch("Sun, 03 May 2026 14:02:00 +0200"), 1_777_809_720)
        XCTAssertEqual(epoch("3 May 2026 12:02:00 +0000"), 1_777_809_720)
    }

    func testSecondsAreOptional() {
        XCTAssertEqual(epoch("Sun, 3 May 2026 14:02 +0200"), 1_777_809_720)
    }

    func testObsoleteNamedZones() {
        XCTAssertEqual(epoch("Sun, 3 May 2026 12:02:00 GMT"), 1_777_809_720)
        XCTAssertEqual(epoch("Sun, 3 May 2026 12:02:00 UT"), 1_777_809_720)
        XCTAssertEqual(epoch("Sun, 3 May 2026 08:02:00 EDT"), 1_777_809_720)
        XCTAssertEqual(epoch("Sun, 3 May 2026 07:02:00 EST"), 1_777_809_720)
        XCTAssertEqual(epoch("Sun, 3 May 2026 05:02:00 PDT"), 1_777_809_720)
    }

    func testMilitaryZonesCountAsUTC() {
        // RFC 5322 §4.3: their sign was defined wrongly, so they mean -0000.
        XCTAssertEqual(epoch("3 May 2026 12:02:00 Z"), 1_777_809_720)
        XCTAssertEqual(epoch("3 May 2026 12:02:00 A"), 1_777_809_720)
    }

    func testTwoAndThreeDigitYears() {
        XCTAssertEqual(epoch("Fri, 21 Nov 97 09:55:06 -0600"), 880_127_706)
        XCTAssertEqual(epoch("Fri, 21 Nov 097 09:55:06 -0600"), 880_127_706)
        XCTAssertEqual(epoch("Mon, 1 Jan 01 00:00:00 +0000"), 978_307_200)
    }

    func testZoneGluedToTimeIsAccepted() {
        XCTAssertEqual(epoch("01 Jan 2001 00:01+0000"), 978_307_260)
    }

    func testCommentBeforeZoneIsIgnored() {
        XCTAssertEqual(epoch("Wed, 20 Sep 1995 00:19:00 (EDT) -0400"), 811_570_740)
    }

    func testTrailingCommentIsIgnored() {
        XCTAssertEqual(epoch("Sun, 3 May 2026 14:02:00 +0200 (CEST)"), 1_777_809_720)
    }

    func testLeapDaysAndCenturiesCountLikeTheGregorianCalendar() {
        XCTAssertEqual(epoch("29 Feb 2024 00:00:00 +0000"), 1_709_164_800)
        XCTAssertNil(epoch("29 Feb 2023 00:00:00 +0000"))
        XCTAssertNil(epoch("29 Feb 1900 00:00:00 +0000"))
        XCTAssertEqual(epoch("29 Feb 2000 12:00:00 +0000"), 951_825_600)
        XCTAssertEqual(epoch("1 Jan 1970 00:00:00 +0000"), 0)
        XCTAssertEqual(epoch("31 Dec 1969 23:59:59 +0000"), -1)
        XCTAssertEqual(epoch("1 Mar 2100 00:00:00 +0000"), 4_107_542_400)
        XCTAssertNil(epoch("31 Dec 2016 23:59:60 +0000"), "a leap second is not a date")
    }

    func testUnparseableDatesAreNil() {
        XCTAssertNil(epoch("gisteren"))
        XCTAssertNil(epoch("31 Feb 2026 10:00:00 +0000"))
        XCTAssertNil(epoch("3 May 2026 25:00:00 +0000"))
        XCTAssertNil(epoch(""))
    }

    func testMessageDateAndDefect() {
        XCTAssertEqual(parse("Date: Sun, 3 May 2026 14:02:00 +0200\n\nx").date?.timeIntervalSince1970, 1_777_809_720)
        let bad = parse("Date: morgen\n\nx")
        XCTAssertNil(bad.date)
        XCTAssertTrue(bad.defects.contains { $0.hasPrefix("unparseable Date") })
    }

    // Issue 16: lenient dates as real clients write them (RFC 5322 §4.3 for zones).
    func testAnyDayNameIsSkippedAlsoDutchAndGermanShortOnes() {
        let expected = epoch("3 May 2026 14:02:00 +0200")
        XCTAssertNotNil(expected)
        XCTAssertEqual(epoch("Zo, 3 May 2026 14:02:00 +0200"), expected)
        XCTAssertEqual(epoch("So, 3 May 2026 14:02:00 +0200"), expected)
        XCTAssertEqual(epoch("zondag, 3 May 2026 14:02:00 +0200"), expected)
    }

    func testHyphenatedDateIsRead() {
        XCTAssertEqual(epoch("26-Aug-2005 10:15:00 +0000"), epoch("26 Aug 2005 10:15:00 +0000"))
        XCTAssertNotNil(epoch("26-Aug-2005 10:15:00 +0000"))
    }

    func testMissingOrUnknownAlphabeticZoneIsMinusZero() {
        let utc = epoch("3 May 2026 14:02:00 +0000")
        XCTAssertEqual(epoch("Sun, 3 May 2026 14:02:00"), utc, "a missing zone is -0000 (RFC 5322 4.3)")
        XCTAssertEqual(epoch("Sun, 3 May 2026 14:02:00 CEST"), utc, "an unknown alphabetic zone is -0000")
        XCTAssertEqual(epoch("Sun, 3 May 2026 14:02:00 MET"), utc)
    }

    func testThreeDigitZoneIsHoursWithoutLeadingZero() {
        XCTAssertEqual(epoch("3 May 2026 14:02:00 -600"), epoch("3 May 2026 14:02:00 -0600"))
        XCTAssertEqual(epoch("3 May 2026 14:02:00 +200"), epoch("3 May 2026 14:02:00 +0200"))
        XCTAssertNil(epoch("3 May 2026 14:02:00 +2x0"))
    }

    /// The canonical form is read on bytes (`CanonicalDateTime`, issue 22): for dates close to
    /// it, in and out of every range, with and without day name, seconds and comment, in any
    /// case, the result is the general parser's, date for date and nil for nil.
    func testCanonicalFormReadsAsTheGeneralParser() {
        var generator = SystemRandomNumberGenerator()
        let days = ["", "Mon, ", "zo, ", "Tues, ", "Mon,", "Mon , "]
        let months = ["Dec", "dec", "DEC", "Mei", "Sept", "Jun", "feb", "Xyz"]
        let zones = ["+0100", "-0000", "+2359", "-2400", "+0160", "-600", "+01000", "GMT", "+0100 (CET)", "+0100 (a (b) c)",
                     "+0100 CET", "+0100(CET)", "+0100 (CET) x", ""]
        var values = ["Mon, 7 Dec 2026 14:03:05 +0100", "7 Dec 2026 14:03 +0100", "29 Feb 2024 23:59:60 -0000",
                      "29 Feb 2023 10:00:00 +0000", "31 Apr 2026 10:00:00 +0000", "1 Jan 1583 00:00:00 +0000",
                      "31 Dec 1582 23:59:59 +0000", "01 Jan 2000 00:00:00 +0000", " 7 Dec 2026 14:03:05 +0100",
                      "7  Dec 2026 14:03:05 +0100", "7 Dec 2026 14:03:05 +0100 ", "7 Dec 26 14:03:05 +0100",
                      "7 Dec 02026 14:03:05 +0100", "7 Dec 2026 4:03:05 +0100", "7 Dec 2026 14:3:05 +0100"]
        for _ in 0..<3000 {
            let day = Int.random(in: 0...33, using: &generator)
            let year = [1582, 1583, 1999, 2024, 2026, 2100][Int.random(in: 0...5, using: &generator)]
            let hour = Int.random(in: 0...25, using: &generator)
            let minute = Int.random(in: 0...61, using: &generator)
            let second = Int.random(in: 0...62, using: &generator)
            let time = String(format: "%02d:%02d", hour, minute) + (Bool.random(using: &generator) ? String(format: ":%02d", second) : "")
            values.append("\(days.randomElement(using: &generator) ?? "")\(day) \(months.randomElement(using: &generator) ?? "")"
                + " \(year) \(time) \(zones.randomElement(using: &generator) ?? "")")
        }
        for value in values {
            XCTAssertEqual(DateTimeParser.parse(value), DateTimeParser.parseTokens(value), value)
        }
    }
}
