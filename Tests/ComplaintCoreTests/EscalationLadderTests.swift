import XCTest
@testable import ComplaintCore

final class EscalationLadderTests: XCTestCase {
    private let scheduler = ScheduleFixture.scheduler

    func testPassedDecisionGoesToQualityAndManagementTheDayAfterThenWeekly() {
        let table: [(now: String, sent: Set<String>, keys: [String])] = [
            ("2026-06-15", [], []),
            ("2026-06-16", [], ["escalation:decision:2026-06-16"]),
            ("2026-06-17", ["escalation:decision:2026-06-16"], []),
            ("2026-06-22", ["escalation:decision:2026-06-16"], []),
            ("2026-06-23", ["escalation:decision:2026-06-16"], ["escalation:decision:2026-06-23"]),
            ("2026-06-30", ["escalation:decision:2026-06-16", "escalation:decision:2026-06-23"], ["escalation:decision:2026-06-30"]),
        ]
        for row in table {
            let mails = scheduler.escalations(for: ScheduleFixture.complaint(sent: row.sent), now: ScheduleFixture.at(row.now))
            XCTAssertEqual(mails.map(\.key), row.keys, row.now)
            for mail in mails {
                XCTAssertEqual(mail.template, "overdue-escalation")
                XCTAssertEqual(mail.audiences, [.quality, .management])
            }
        }
    }

    func testTheTermEndsAtTheEndOfItsLocalDay() {
        XCTAssertEqual(scheduler.escalations(for: ScheduleFixture.complaint(), now: ScheduleFixture.at("2026-06-15", 23, 59)).count, 0)
        XCTAssertEqual(scheduler.escalations(for: ScheduleFixture.complaint(), now: ScheduleFixture.at("2026-06-16", 0, 0)).map(\.key),
                       ["escalation:decision:2026-06-16"])
    }

    func testAfterLongDowntimeOneEscalationIsSentAndTheWeekRestartsThere() {
        let first = scheduler.escalations(for: ScheduleFixture.complaint(), now: ScheduleFixture.at("2026-07-08"))
        XCTAssertEqual(first.map(\.key), ["escalation:decision:2026-07-08"])
        let log = ScheduleFixture.tickDaily(ScheduleFixture.complaint(sent: ["reminder:week-5", "reminder:decision-minus-2"]),
                                            from: "2026-07-08", through: "2026-07-16")
        XCTAssertEqual(log, ["2026-07-08 escalation:decision:2026-07-08", "2026-07-15 escalation:decision:2026-07-15"])
    }

    func testRepeatedEscalationSaysHowManyThereWere() {
        let mail = scheduler.escalations(for: ScheduleFixture.complaint(sent: ["escalation:decision:2026-06-16"]),
                                         now: ScheduleFixture.at("2026-06-23")).first
        XCTAssertEqual(mail?.topic.description(english: false, date: \.iso),
                       "De termijn voor het schriftelijk oordeel is verstreken op 2026-06-15 en is niet gehaald. Dit is melding 2.")
        XCTAssertEqual(mail?.topic.description(english: true, date: \.iso),
                       "The term for the written judgement ended on 2026-06-15 and has not been met. This is notice 2.")
    }

    func testMeasuresAreRemindedAndEscalatedLikeAnyTerm() {
        let measures = ScheduleFixture.complaint(state: .measuresPending, measuresDue: "2026-07-01")
        XCTAssertEqual(ScheduleFixture.tickDaily(measures, from: "2026-06-10", through: "2026-07-09"), [
            "2026-06-29 reminder:measures-minus-2:2026-07-01",
            "2026-07-02 escalation:measures:2026-07-02",
            "2026-07-09 escalation:measures:2026-07-09",
        ])
        let judged = ScheduleFixture.complaint(state: .judgementSent, measuresDue: "2026-07-01")
        XCTAssertEqual(scheduler.escalations(for: judged, now: ScheduleFixture.at("2026-07-02")).map(\.key), ["escalation:measures:2026-07-02"])
        let closed = ScheduleFixture.complaint(state: .closed, measuresDue: "2026-07-01")
        XCTAssertEqual(scheduler.escalations(for: closed, now: ScheduleFixture.at("2026-07-02")).count, 0)
    }

    func testMetTermsAreNotEscalated() {
        let met = ScheduleFixture.complaint(state: .assigned, acknowledged: true, contacted: true)
        XCTAssertEqual(scheduler.escalations(for: met, now: ScheduleFixture.at("2026-05-12")).count, 0)
        let judged = ScheduleFixture.complaint(state: .judgementSent)
        XCTAssertEqual(scheduler.escalations(for: judged, now: ScheduleFixture.at("2026-06-16")).count, 0)
        let safeguarding = ScheduleFixture.complaint(state: .safeguarding, acknowledged: false, contacted: false)
        XCTAssertEqual(scheduler.escalations(for: safeguarding, now: ScheduleFixture.at("2026-06-16")).count, 0)
    }
}
