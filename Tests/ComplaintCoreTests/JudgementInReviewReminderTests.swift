import XCTest
@testable import ComplaintCore

/// Issue 20, the second reader: while the handler's judgement waits for the quality staff's
/// `#akkoord`, the decision reminders no longer ask the handler to write it; they go to the
/// quality staff, whose approval sends it. The escalations past the legal date keep running:
/// the parent has no judgement yet.
final class JudgementInReviewReminderTests: XCTestCase {
    private let scheduler = ScheduleFixture.scheduler

    private func inReview() -> ScheduledCase {
        var scheduled = ScheduleFixture.complaint()
        scheduled.judgementInReview = true
        return scheduled
    }

    func testTheDecisionRemindersGoToTheQualityStaffAndSayTheJudgementWaitsForTheirApproval() {
        for (date, key) in [("2026-06-08", "reminder:week-5"), ("2026-06-11", "reminder:decision-minus-2")] {
            let mail = scheduler.reminders(for: inReview(), now: ScheduleFixture.at(date)).first { $0.key == key }
            XCTAssertEqual(mail?.audiences, [.quality], key)
            XCTAssertEqual(mail?.template, "handler-reminder")
            XCTAssertEqual(mail?.topic.description(english: false, date: \.iso),
                           "Het oordeel van de behandelaar wacht op jouw #akkoord (of #terug met een opmerking). "
                               + "Het moet uiterlijk 2026-06-15 bij de ouder zijn.")
            XCTAssertEqual(mail?.topic.description(english: true, date: \.iso),
                           "The handler's judgement is waiting for your #akkoord (or #terug with a remark). It must reach the parent by 2026-06-15.")
            let handlers = scheduler.reminders(for: ScheduleFixture.complaint(), now: ScheduleFixture.at(date)).first { $0.key == key }
            XCTAssertEqual(handlers?.audiences, [.handler], "without a review the handler is reminded, as before")
        }
    }

    func testTheLadderAndTheEscalationsPastTheLegalDateKeepRunning() {
        XCTAssertEqual(ScheduleFixture.tickDaily(inReview(), from: "2026-06-01", through: "2026-06-23"), [
            "2026-06-01 reminder:week-4",
            "2026-06-08 reminder:week-5",
            "2026-06-11 reminder:decision-minus-2",
            "2026-06-16 escalation:decision:2026-06-16",
            "2026-06-23 escalation:decision:2026-06-23",
        ])
    }
}
