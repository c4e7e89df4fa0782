import XCTest
@testable import ComplaintCore

/// Progress updates before the judgement, and the satisfaction question, reminder and escalation after it.
final class ParentFollowUpTests: XCTestCase {
    private let scheduler = ScheduleFixture.scheduler

    private func reachable(_ scheduled: ScheduledCase, lastMail: String? = "2026-05-04", judged: String? = nil,
                           satisfaction: SatisfactionCheck? = nil) -> ScheduledCase {
        var scheduled = scheduled
        scheduled.parentReachable = true
        scheduled.lastParentMail = lastMail.map { ScheduleFixture.at($0) }
        scheduled.judgementAt = judged.map { ScheduleFixture.at($0) }
        scheduled.satisfaction = satisfaction
        return scheduled
    }

    /// Daily ticks of only the parent follow-ups, claiming each key as the store would.
    private func followUps(_ scheduled: ScheduledCase, from start: String, through end: String) -> [String] {
        var scheduled = scheduled
        var log: [String] = []
        var date = day(start)
        while date <= day(end) {
            for mail in scheduler.parentFollowUps(for: scheduled, now: ScheduleFixture.at(date.iso)) {
                scheduled.sentKeys.insert(mail.key)
                log.append("\(date.iso) \(mail.key)")
                if case .progressUpdate = mail.topic { scheduled.lastParentMail = ScheduleFixture.at(date.iso) }
            }
            date = date.adding(days: 1)
        }
        return log
    }

    func testQuietCaseGetsAnUpdateEveryTenWorkingDaysUntilTheDecisionDate() {
        // 4 May acknowledged; Hemelvaart 14 May and Pinksteren 25 May are not working days.
        XCTAssertEqual(followUps(reachable(ScheduleFixture.complaint()), from: "2026-05-04", through: "2026-06-30"), [
            "2026-05-19 progress-update:2026-05-19",
            "2026-06-03 progress-update:2026-06-03",
        ], "the next would fall on 17 June, after the decision date")
    }

    func testAMailToTheParentRestartsTheQuietPeriod() {
        let answered = reachable(ScheduleFixture.complaint(), lastMail: "2026-05-15")
        XCTAssertEqual(scheduler.parentFollowUps(for: answered, now: ScheduleFixture.at("2026-05-19")).count, 0)
        XCTAssertEqual(scheduler.parentFollowUps(for: answered, now: ScheduleFixture.at("2026-05-29")).count, 0, "Pinksteren")
        XCTAssertEqual(scheduler.parentFollowUps(for: answered, now: ScheduleFixture.at("2026-06-01")).map(\.key),
                       ["progress-update:2026-06-01"])
    }

    func testUpdateGoesToTheParentAndTellsTheHandler() throws {
        let mail = try XCTUnwrap(scheduler.parentFollowUps(for: reachable(ScheduleFixture.complaint()), now: ScheduleFixture.at("2026-05-19")).first)
        XCTAssertEqual(mail.template, "progress-update")
        XCTAssertEqual(mail.audiences, [.complainant])
        XCTAssertEqual(mail.also, [MailIntent("progress-update-notice", to: .handler)])
        XCTAssertEqual(mail.topic, .progressUpdate(since: day("2026-05-04"), decisionDue: day("2026-06-15")))
    }

    func testNoUpdateForMeldcodeCasesOtherKindsUnreachableParentsOrAtNight() {
        let now = ScheduleFixture.at("2026-05-19")
        XCTAssertEqual(scheduler.parentFollowUps(for: reachable(ScheduleFixture.complaint(state: .safeguarding)), now: now).count, 0)
        XCTAssertEqual(scheduler.parentFollowUps(for: reachable(ScheduleFixture.complaint(kind: .vraag)), now: now).count, 0)
        XCTAssertEqual(scheduler.parentFollowUps(for: ScheduleFixture.complaint(), now: now).count, 0, "no address")
        XCTAssertEqual(scheduler.parentFollowUps(for: reachable(ScheduleFixture.complaint()), now: ScheduleFixture.at("2026-05-19", 7, 30)).count, 0)
        XCTAssertEqual(scheduler.parentFollowUps(for: reachable(ScheduleFixture.complaint()), now: ScheduleFixture.at("2026-05-19", 9, 0)).count, 1)
    }

    func testZeroWorkingDaysSendsNoUpdates() {
        let off = Scheduler(policy: TermPolicy(), calendar: ScheduleFixture.calendar, civil: ScheduleFixture.civil,
                            settings: ScheduleSettings(progressUpdateWorkingDays: 0))
        XCTAssertEqual(off.parentFollowUps(for: reachable(ScheduleFixture.complaint()), now: ScheduleFixture.at("2026-06-01")).count, 0)
    }

    func testSatisfactionQuestionFiveWorkingDaysAfterTheJudgementThenOneReminderThenEscalation() {
        let judged = reachable(ScheduleFixture.complaint(state: .judgementSent), judged: "2026-06-01")
        XCTAssertEqual(followUps(judged, from: "2026-06-01", through: "2026-06-30"), ["2026-06-08 satisfaction:question"])
        let asked = reachable(ScheduleFixture.complaint(state: .judgementSent, sent: ["satisfaction:question"]), judged: "2026-06-01",
                              satisfaction: SatisfactionCheck(askedAt: ScheduleFixture.at("2026-06-08")))
        XCTAssertEqual(followUps(asked, from: "2026-06-08", through: "2026-06-30"), ["2026-06-15 satisfaction:reminder"])
        let reminded = reachable(ScheduleFixture.complaint(state: .judgementSent, sent: ["satisfaction:question", "satisfaction:reminder"]),
                                 judged: "2026-06-01", satisfaction: SatisfactionCheck(askedAt: ScheduleFixture.at("2026-06-08"),
                                                                                         remindedAt: ScheduleFixture.at("2026-06-15")))
        XCTAssertEqual(followUps(reminded, from: "2026-06-15", through: "2026-07-31"), ["2026-06-22 satisfaction:escalation"])
        let escalation = scheduler.parentFollowUps(for: reminded, now: ScheduleFixture.at("2026-06-22")).first
        XCTAssertEqual(escalation?.template, "dissatisfaction-notice")
        XCTAssertEqual(escalation?.audiences, [.quality])
        XCTAssertEqual(escalation?.also, [MailIntent("escalation-information", to: .complainant)])
        XCTAssertEqual(escalation?.topic, .dissatisfied(nil))
    }

    func testAnswersDecideWhatFollows() {
        func after(_ answer: SatisfactionAnswer) -> [ScheduledMail] {
            let scheduled = reachable(ScheduleFixture.complaint(state: .measuresPending, measuresDue: "2026-08-01", sent: ["satisfaction:question"]),
                                      judged: "2026-06-01", satisfaction: SatisfactionCheck(askedAt: ScheduleFixture.at("2026-06-08"), answer: answer))
            return scheduler.parentFollowUps(for: scheduled, now: ScheduleFixture.at("2026-06-09"))
        }
        XCTAssertEqual(after(.satisfied).count, 0, "the case closes when the measures are done")
        XCTAssertEqual(after(.notSatisfied).map(\.key), ["satisfaction:escalation"])
        XCTAssertEqual(after(.notSatisfied).first?.also, [MailIntent("escalation-information", to: .complainant)])
        XCTAssertEqual(after(.unclear).map(\.key), ["satisfaction:unclear"])
        XCTAssertEqual(after(.unclear).first?.also, [], "an unclear answer goes to a person, not to the parent")
    }

    func testNoSatisfactionQuestionBeforeTheJudgementOrForAClosedCase() {
        XCTAssertEqual(followUps(reachable(ScheduleFixture.complaint(state: .closed), judged: "2026-06-01"),
                                 from: "2026-06-01", through: "2026-06-30"), [])
        XCTAssertEqual(scheduler.satisfaction(for: reachable(ScheduleFixture.complaint(), judged: "2026-06-01"), today: day("2026-06-10")), [])
    }

    func testAProgressUpdateIsNotTheHandlersFirstContact() {
        XCTAssertEqual(ScheduleTopic.progressUpdate(since: day("2026-05-04"), decisionDue: day("2026-06-15"))
                        .description(english: false, date: \.iso),
                       "De ouder heeft sinds 2026-05-04 geen bericht van ons gehad; klachtd heeft een voortgangsbericht gestuurd met 2026-06-15 als datum van het oordeel.")
    }
}
