import XCTest
@testable import ComplaintCore

/// Issue 15: meldcode alerts nobody acted on come back; suspended cases are not forgotten; contact ends the first-contact ladder.
final class ProcedurePathScheduleTests: XCTestCase {
    private let scheduler = ScheduleFixture.scheduler

    private func meldcodeCase(received: String = "2026-05-08", acted: Bool = false, sent: Set<String> = []) -> ScheduledCase {
        var scheduled = ScheduledCase(id: 1, reference: CaseReference(year: 2026, number: 1), state: .safeguarding, kind: .klacht,
                                      regime: .wko, receivedAt: ScheduleFixture.at(received, 16, 30), location: "Morel", sentKeys: sent)
        scheduled.safeguardingActedOn = acted
        return scheduled
    }

    func testAnUnansweredMeldcodeAlertComesBackAfterOneWorkingDayThenAlsoToTheDeputy() {
        // Friday 8 May 16:30; Monday 11 May 16:30 is one working day later, Tuesday 12 May 16:30 two.
        var scheduled = meldcodeCase()
        var log: [String] = []
        for (date, hour) in [("2026-05-09", 17), ("2026-05-11", 16), ("2026-05-11", 17), ("2026-05-12", 10), ("2026-05-12", 17), ("2026-05-13", 17)] {
            for mail in scheduler.due(cases: [scheduled], globalSentKeys: [], now: ScheduleFixture.at(date, hour)) where mail.caseID != nil {
                scheduled.sentKeys.insert(mail.key)
                log.append("\(date) \(hour) \(mail.key) \(mail.audiences.map(\.rawValue).joined(separator: "+"))")
                XCTAssertEqual(mail.template, "safeguarding-reminder")
            }
        }
        XCTAssertEqual(log, ["2026-05-11 17 safeguarding:reminder-1 safeguarding",
                             "2026-05-12 17 safeguarding:reminder-2 safeguarding+safeguarding-deputy"])
    }

    func testAnActedOnOrReleasedAlertIsNotRepeatedAndDowntimeSendsOnlyTheNewest() {
        XCTAssertEqual(scheduler.safeguardingReminders(for: meldcodeCase(acted: true), now: ScheduleFixture.at("2026-05-20")), [])
        var released = meldcodeCase()
        released.state = .acknowledged
        XCTAssertEqual(scheduler.safeguardingReminders(for: released, now: ScheduleFixture.at("2026-05-20")), [])
        XCTAssertEqual(scheduler.safeguardingReminders(for: meldcodeCase(), now: ScheduleFixture.at("2026-05-20")).map(\.key),
                       ["safeguarding:reminder-2"])
        XCTAssertEqual(scheduler.safeguardingReminders(for: meldcodeCase(sent: ["safeguarding:reminder-2"]),
                                                       now: ScheduleFixture.at("2026-05-20")), [])
    }

    func testASuspendedCaseIsRemindedOnItsReviewDateThenFortnightlyWithTheQualityStaff() {
        var scheduled = ScheduleFixture.complaint(state: .suspended)
        scheduled.reviewDue = day("2026-05-20")
        XCTAssertEqual(scheduler.suspensionReviews(for: scheduled, now: ScheduleFixture.at("2026-05-19")), [])
        let first = scheduler.suspensionReviews(for: scheduled, now: ScheduleFixture.at("2026-05-20"))
        XCTAssertEqual(first.map(\.key), ["suspension-review:2026-05-20"])
        XCTAssertEqual(first.first?.audiences, [.handler])
        XCTAssertTrue(first.first?.description(date: { $0.iso }).contains("#hervatten") ?? false)
        scheduled.sentKeys = ["suspension-review:2026-05-20"]
        XCTAssertEqual(scheduler.suspensionReviews(for: scheduled, now: ScheduleFixture.at("2026-06-02")), [])
        let second = scheduler.suspensionReviews(for: scheduled, now: ScheduleFixture.at("2026-06-03"))
        XCTAssertEqual(second.map(\.key), ["suspension-review:2026-06-03"])
        XCTAssertEqual(second.first?.audiences, [.handler, .quality])
        scheduled.state = .assigned
        XCTAssertEqual(scheduler.suspensionReviews(for: scheduled, now: ScheduleFixture.at("2026-06-03")), [], "resumed: no review")
    }
}
