import XCTest
@testable import ComplaintCore

final class TermsCalculatorTests: XCTestCase {
    private let calendar = WorkingDayCalendar(holidays: DutchHolidays())
    private let civil = CivilTime()

    private func terms(_ received: Date, _ regime: Regime = .wko, policy: TermPolicy = TermPolicy()) -> CaseTerms {
        TermCalculator.terms(received: received, regime: regime, policy: policy, calendar: calendar, civil: civil)
    }

    func testTermsForAMondayInMay() {
        let t = terms(utc("2026-05-04", 7, 0))
        XCTAssertEqual(t.receivedDate, day("2026-05-04"))
        XCTAssertEqual(t.acknowledgementDue, day("2026-05-11"))
        XCTAssertEqual(t.firstContactDue, day("2026-05-11"))
        XCTAssertEqual(t.solutionTargetDue, day("2026-05-27"))
        XCTAssertEqual(t.decisionDue, day("2026-06-15"), "6 weeks after Monday 4 May is Monday 15 June")
        XCTAssertEqual(t.gckWindowEnd, day("2027-05-04"))
        XCTAssertEqual(t.extensionWeeks, 0)
        XCTAssertEqual(t.reminders.map(\.key),
                       ["ack-due-1", "first-contact-due-1", "week-2", "week-4", "week-5", "decision-minus-2"])
        XCTAssertEqual(t.reminders.map(\.date.iso),
                       ["2026-05-08", "2026-05-08", "2026-05-18", "2026-06-01", "2026-06-08", "2026-06-11"])
        XCTAssertEqual(t.reminders.map(\.kind),
                       [.acknowledgementDue, .firstContactDue, .weeksElapsed, .weeksElapsed, .weeksElapsed, .decisionApproaching])
    }

    func testReceivedDateIsTheLocalDateAroundTheSpringChange() {
        let saturdayNight = terms(utc("2026-03-28", 22, 30))
        let sundayNight = terms(utc("2026-03-28", 23, 30))
        XCTAssertEqual(saturdayNight.receivedDate, day("2026-03-28"))
        XCTAssertEqual(sundayNight.receivedDate, day("2026-03-29"))
        XCTAssertEqual(saturdayNight.acknowledgementDue, day("2026-04-07"), "Goede Vrijdag and Tweede Paasdag skipped")
        XCTAssertEqual(sundayNight.acknowledgementDue, day("2026-04-07"))
        XCTAssertEqual(saturdayNight.decisionTermEnd, day("2026-05-09"))
        XCTAssertEqual(sundayNight.decisionTermEnd, day("2026-05-10"))
        XCTAssertEqual(sundayNight.decisionDue, day("2026-05-08"), "told as the Friday before")
        XCTAssertEqual(saturdayNight.gckWindowEnd, day("2027-03-28"))

        let sundayLate = terms(utc("2026-03-29", 21, 30))
        let mondayEarly = terms(utc("2026-03-29", 22, 30))
        XCTAssertEqual(sundayLate.receivedDate, day("2026-03-29"), "23:30 CEST is still Sunday")
        XCTAssertEqual(mondayEarly.receivedDate, day("2026-03-30"), "00:30 CEST is Monday")
        XCTAssertEqual(mondayEarly.acknowledgementDue, day("2026-04-08"))
        XCTAssertEqual(mondayEarly.decisionDue, day("2026-05-11"))
    }

    func testReceivedDateAroundTheAutumnChange() {
        XCTAssertEqual(terms(utc("2026-10-24", 21, 30)).receivedDate, day("2026-10-24"))
        XCTAssertEqual(terms(utc("2026-10-24", 22, 30)).receivedDate, day("2026-10-25"))
        XCTAssertEqual(terms(utc("2026-10-25", 22, 30)).receivedDate, day("2026-10-25"))
    }

    func testComplaintAtOneMinuteToMidnightOnNewYearsEve() {
        let t = terms(utc("2026-12-31", 22, 59))
        XCTAssertEqual(t.receivedDate, day("2026-12-31"))
        XCTAssertEqual(t.acknowledgementDue, day("2027-01-08"), "Nieuwjaarsdag and the weekend are skipped")
        XCTAssertEqual(t.decisionDue, day("2027-02-11"))
        XCTAssertEqual(t.gckWindowEnd, day("2027-12-31"))
        XCTAssertEqual(t.reminders.first { $0.key == "ack-due-1" }?.date, day("2027-01-07"))
        XCTAssertEqual(terms(utc("2026-12-31", 23, 0)).receivedDate, day("2027-01-01"))
    }

    func testComplaintOnASaturdayMovesRemindersToWorkingDays() {
        let t = terms(utc("2026-05-09", 8, 0))
        XCTAssertEqual(t.receivedDate, day("2026-05-09"))
        XCTAssertEqual(t.acknowledgementDue, day("2026-05-18"), "Hemelvaartsdag is skipped")
        XCTAssertEqual(t.decisionTermEnd, day("2026-06-20"), "the statutory date is a calendar date, here a Saturday")
        XCTAssertEqual(t.decisionDue, day("2026-06-19"), "parents and handlers are told the Friday before it")
        XCTAssertEqual(t.legalDecisionDeadline, day("2026-06-22"), "by the Algemene termijnenwet it runs to Monday")
        let reminders = Dictionary(uniqueKeysWithValues: t.reminders.map { ($0.key, $0.date.iso) })
        XCTAssertEqual(reminders["ack-due-1"], "2026-05-15")
        XCTAssertEqual(reminders["week-2"], "2026-05-22", "Saturday 23 May moves back to Friday")
        XCTAssertEqual(reminders["week-4"], "2026-06-05")
        XCTAssertEqual(reminders["week-5"], "2026-06-12")
        XCTAssertEqual(reminders["decision-minus-2"], "2026-06-17", "two working days before Friday 19 June")
        for reminder in t.reminders {
            XCTAssertTrue(calendar.isWorkingDay(reminder.date), reminder.key)
        }
    }

    func testReminderBeforeTheReceivedDateMovesToTheFirstWorkingDay() {
        var policy = TermPolicy()
        policy.acknowledgementWorkingDays = 1
        let t = terms(utc("2026-05-09", 8, 0), policy: policy)
        XCTAssertEqual(t.acknowledgementDue, day("2026-05-11"))
        XCTAssertEqual(t.reminders.first { $0.key == "ack-due-1" }?.date, day("2026-05-11"))
    }

    func testGeschillencommissieWindowClampsOnLeapDay() {
        XCTAssertEqual(terms(utc("2028-02-29", 10, 0)).gckWindowEnd, day("2029-02-28"))
    }

    func testJeugdwetUsesThePolicyWeeksAndPolicyCanDropTheSolutionTarget() {
        var policy = TermPolicy()
        policy.jeugdwetDecisionWeeks = 8
        policy.solutionTargetWorkingDays = nil
        policy.reminderWeeks = [2, 7, 9]
        let youth = terms(utc("2026-05-04", 7, 0), .jeugdwet, policy: policy)
        XCTAssertEqual(youth.decisionDue, day("2026-06-29"))
        XCTAssertNil(youth.solutionTargetDue)
        XCTAssertEqual(youth.reminders.filter { $0.kind == .weeksElapsed }.map(\.key), ["week-2", "week-7"])
        let childcare = terms(utc("2026-05-04", 7, 0), .wko, policy: policy)
        XCTAssertEqual(childcare.decisionDue, day("2026-06-15"), "the Wet kinderopvang term is always 6 weeks")
        XCTAssertEqual(childcare.reminders.filter { $0.kind == .weeksElapsed }.map(\.key), ["week-2"])
    }

    func testWkkgzExtensionRules() {
        let policy = TermPolicy()
        let health = terms(utc("2026-05-04", 7, 0), .wkkgz)
        XCTAssertEqual(TermCalculator.extendedDecision(health, weeks: 4, policy: policy), .success(day("2026-07-13")))
        XCTAssertEqual(TermCalculator.extendedDecision(health, weeks: 1, policy: policy), .success(day("2026-06-22")))
        XCTAssertEqual(TermCalculator.extendedDecision(health, weeks: 5, policy: policy),
                       .failure(.extensionOutOfRange(weeks: 5, maximum: 4)))
        XCTAssertEqual(TermCalculator.extendedDecision(health, weeks: 0, policy: policy),
                       .failure(.extensionOutOfRange(weeks: 0, maximum: 4)))
        XCTAssertEqual(TermCalculator.extendedDecision(terms(utc("2026-05-04", 7, 0), .wko), weeks: 2, policy: policy),
                       .failure(.extensionNotAllowed(.wko)))
        XCTAssertEqual(TermCalculator.extendedDecision(health, weeks: 2, policy: policy, noticeDate: day("2026-06-16")),
                       .failure(.noticeTooLate(notice: day("2026-06-16"), decisionDue: day("2026-06-15"))))
        XCTAssertEqual(TermCalculator.extendedDecision(health, weeks: 2, policy: policy, noticeDate: day("2026-06-15")),
                       .success(day("2026-06-29")))
    }

    func testApplyingAnExtensionMovesTheDecisionReminderAndOnlyOnce() throws {
        let policy = TermPolicy()
        let health = terms(utc("2026-05-04", 7, 0), .wkkgz)
        let extended = try TermCalculator.applyingExtension(health, weeks: 4, policy: policy, calendar: calendar).get()
        XCTAssertEqual(extended.decisionDue, day("2026-07-13"))
        XCTAssertEqual(extended.extensionWeeks, 4)
        XCTAssertEqual(extended.reminders.first { $0.kind == .decisionApproaching }?.date, day("2026-07-09"))
        XCTAssertEqual(extended.acknowledgementDue, health.acknowledgementDue)
        XCTAssertEqual(TermCalculator.applyingExtension(extended, weeks: 1, policy: policy, calendar: calendar),
                       .failure(.alreadyExtended(weeks: 4)))
    }

    func testTermEndsAtTheEndOfItsLocalDay() {
        let due = day("2026-06-15")
        XCTAssertFalse(TermCalculator.isOverdue(due, at: utc("2026-06-15", 21, 59, 59), civil: civil))
        XCTAssertTrue(TermCalculator.isOverdue(due, at: utc("2026-06-15", 22, 0, 0), civil: civil))
    }

    func testEscalationTheDayAfterThenWeekly() {
        let policy = TermPolicy()
        XCTAssertEqual(TermCalculator.nextEscalation(due: day("2026-06-15"), lastSent: nil, policy: policy), day("2026-06-16"))
        XCTAssertEqual(TermCalculator.nextEscalation(due: day("2026-06-15"), lastSent: day("2026-06-16"), policy: policy),
                       day("2026-06-23"))
    }

    func testErrorsSayWhatToDo() {
        XCTAssertTrue(TermError.extensionNotAllowed(.wko).description.contains("Wkkgz"))
        XCTAssertTrue(TermError.extensionOutOfRange(weeks: 6, maximum: 4).description.contains("from 1 to 4"))
    }

    func testTermsSurviveJsonRoundTrip() throws {
        let t = terms(utc("2026-05-04", 7, 0), .wkkgz)
        let data = try JSONEncoder().encode(t)
        XCTAssertEqual(try JSONDecoder().decode(CaseTerms.self, from: data), t)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains(#""decisionDue":"2026-06-15""#))
    }
}
