import XCTest
@testable import ComplaintCore

/// Issue 15 item 6: the judgement date told to parents and handlers is a working day; the law's date runs on.
final class DecisionDateWorkingDayTests: XCTestCase {
    private let calendar = WorkingDayCalendar(holidays: DutchHolidays())
    private let civil = CivilTime()

    private func terms(_ received: String, _ regime: Regime = .wko) -> CaseTerms {
        TermCalculator.terms(received: utc(received, 9, 0), regime: regime, policy: TermPolicy(), calendar: calendar, civil: civil)
    }

    func testSixWeeksOnASundayIsToldAsTheFridayBefore() {
        // The "uiterlijk zondag 17 januari".
        let t = terms("2026-12-06")
        XCTAssertEqual(t.decisionTermEnd, day("2027-01-17"))
        XCTAssertEqual(t.decisionDue, day("2027-01-15"))
        XCTAssertEqual(t.legalDecisionDeadline, day("2027-01-18"))
        XCTAssertEqual(t.reminders.first { $0.kind == .decisionApproaching }?.date, day("2027-01-13"),
                       "the last reminder is two working days before the date the handler is told")
    }

    func testKoningsdagAndChristmas() {
        let kingsDay = terms("2027-03-16")
        XCTAssertEqual(kingsDay.decisionTermEnd, day("2027-04-27"))
        XCTAssertEqual(kingsDay.decisionDue, day("2027-04-26"))
        XCTAssertEqual(kingsDay.legalDecisionDeadline, day("2027-04-28"))
        let christmas = terms("2026-11-14")
        XCTAssertEqual(christmas.decisionTermEnd, day("2026-12-26"))
        XCTAssertEqual(christmas.decisionDue, day("2026-12-24"), "Saturday 26 December: Friday is Christmas, so Thursday")
        XCTAssertEqual(christmas.legalDecisionDeadline, day("2026-12-28"))
    }

    func testFifthOfMayIsAGeneralHolidayEveryYearButNotAlwaysADayOff() {
        let t = terms("2026-03-24")
        XCTAssertEqual(t.decisionTermEnd, day("2026-05-05"))
        XCTAssertEqual(t.decisionDue, day("2026-05-05"), "not a lustrum year: a working day for the organisation")
        XCTAssertEqual(t.legalDecisionDeadline, day("2026-05-06"), "art. 3 names 5 May every year")
        XCTAssertFalse(AlgemeneTermijnenwet.isGeneralHoliday(day("2026-04-03")), "Goede Vrijdag is not in art. 3")
        XCTAssertTrue(AlgemeneTermijnenwet.isGeneralHoliday(day("2026-05-14")), "Hemelvaartsdag")
        XCTAssertTrue(AlgemeneTermijnenwet.isGeneralHoliday(day("2026-05-25")), "tweede Pinksterdag")
        XCTAssertTrue(AlgemeneTermijnenwet.isGeneralHoliday(day("2026-04-06")), "tweede Paasdag")
    }

    func testEveryDayOfTwoYearsGetsAWorkingDayAndTheTwelveMonthWindowIsNotMoved() {
        var received = day("2026-01-01")
        while received < day("2028-01-01") {
            for regime in Regime.allCases {
                let t = terms(received.iso, regime)
                XCTAssertTrue(calendar.isWorkingDay(t.decisionDue), "\(received.iso) \(regime): \(t.decisionDue.iso)")
                XCTAssertLessThanOrEqual(t.decisionDue, t.decisionTermEnd)
                XCTAssertGreaterThan(t.decisionDue, t.decisionTermEnd.adding(days: -7))
                XCTAssertGreaterThanOrEqual(t.legalDecisionDeadline, t.decisionTermEnd)
                XCTAssertEqual(AlgemeneTermijnenwet.termEnd(told: t.decisionDue, received: t.receivedDate), t.decisionTermEnd)
                XCTAssertEqual(t.gckWindowEnd, received.adding(months: 12), "the Geschillencommissie window is not moved")
            }
            received = received.adding(days: 1)
        }
    }

    func testAWkkgzExtensionLandsOnAWorkingDayToo() throws {
        let health = terms("2026-05-09", .wkkgz)
        XCTAssertEqual(TermCalculator.extendedDecision(health, weeks: 4, policy: TermPolicy(), calendar: calendar),
                       .success(day("2026-07-17")), "6 + 4 weeks is Saturday 18 July: Friday")
        let extended = try TermCalculator.applyingExtension(health, weeks: 4, policy: TermPolicy(), calendar: calendar).get()
        XCTAssertEqual(extended.decisionTermEnd, day("2026-07-18"))
        XCTAssertEqual(extended.legalDecisionDeadline, day("2026-07-20"))
    }
}
