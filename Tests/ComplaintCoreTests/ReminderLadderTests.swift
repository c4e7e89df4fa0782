import XCTest
@testable import ComplaintCore

/// Shared fixtures for the scheduler tests: one complaint received on Monday 4 May 2026 at 10:00.
///
/// Its terms: acknowledgement and first contact by 11 May, judgement by 15 June; reminders
/// on 8 May (acknowledgement, first contact), 18 May, 1 June, 8 June (weeks 2, 4, 5) and 11 June.
enum ScheduleFixture {
    static let civil = CivilTime()
    static let calendar = WorkingDayCalendar(holidays: DutchHolidays())
    static let scheduler = Scheduler(policy: TermPolicy(), calendar: calendar, civil: civil)

    static func at(_ iso: String, _ hour: Int = 10, _ minute: Int = 0) -> Date {
        civil.date(day(iso), hour: hour, minute: minute)
    }

    static func complaint(id: Int64 = 1, state: CaseState = .assigned, kind: MessageKind = .klacht, regime: Regime = .wko,
                          acknowledged: Bool = true, contacted: Bool = true, decisionDue: String = "2026-06-15",
                          measuresDue: String? = nil, handler: String? = "behandelaar1@example.test",
                          received: String = "2026-05-04", sent: Set<String> = []) -> ScheduledCase {
        ScheduledCase(id: id, reference: CaseReference(year: 2026, number: Int(id)), state: state, kind: kind, regime: regime,
                      receivedAt: at(received), location: "Morel", handler: handler,
                      acknowledgementDue: day("2026-05-11"), firstContactDue: day("2026-05-11"), decisionDue: day(decisionDue),
                      measuresDue: measuresDue.map(day), acknowledged: acknowledged, parentContacted: contacted, sentKeys: sent)
    }

    /// Ticks once a day at 10:00 from `start` through `end`, claiming what is due; returns "date key" lines.
    static func tickDaily(_ scheduled: ScheduledCase, from start: String, through end: String) -> [String] {
        var scheduled = scheduled
        var log: [String] = []
        var date = day(start)
        while date <= day(end) {
            for mail in scheduler.due(cases: [scheduled], globalSentKeys: [], now: at(date.iso)) where mail.caseID != nil {
                scheduled.sentKeys.insert(mail.key)
                log.append("\(date.iso) \(mail.key)")
            }
            date = date.adding(days: 1)
        }
        return log
    }
}

final class ReminderLadderTests: XCTestCase {
    private let scheduler = ScheduleFixture.scheduler

    func testDailyTicksWalkTheDefaultLadderOnceEach() {
        let log = ScheduleFixture.tickDaily(ScheduleFixture.complaint(), from: "2026-05-04", through: "2026-06-30")
        XCTAssertEqual(log, [
            "2026-05-18 reminder:week-2",
            "2026-06-01 reminder:week-4",
            "2026-06-08 reminder:week-5",
            "2026-06-11 reminder:decision-minus-2",
            "2026-06-16 escalation:decision:2026-06-16",
            "2026-06-23 escalation:decision:2026-06-23",
            "2026-06-30 escalation:decision:2026-06-30",
        ])
    }

    func testUnmetAcknowledgementAndFirstContactAreRemindedThenEscalated() {
        let log = ScheduleFixture.tickDaily(ScheduleFixture.complaint(state: .received, acknowledged: false, contacted: false),
                                            from: "2026-05-04", through: "2026-05-19")
        XCTAssertEqual(log, [
            "2026-05-08 reminder:ack-due-1",
            "2026-05-08 reminder:first-contact-due-1",
            "2026-05-12 escalation:acknowledgement:2026-05-12",
            "2026-05-12 escalation:first-contact:2026-05-12",
            "2026-05-18 reminder:week-2",
            "2026-05-19 escalation:acknowledgement:2026-05-19",
            "2026-05-19 escalation:first-contact:2026-05-19",
        ])
    }

    func testEachReminderDateAndItsText() {
        let table: [(date: String, key: String, text: String)] = [
            ("2026-05-08", "reminder:ack-due-1", "De termijn voor de schriftelijke ontvangstbevestiging loopt af op 2026-05-11."),
            ("2026-05-08", "reminder:first-contact-due-1", "Neem uiterlijk 2026-05-11 contact op met de ouder: in het dossier staat nog geen contact."),
            ("2026-05-18", "reminder:week-2", "Deze klacht is 2 weken geleden ontvangen; het schriftelijk oordeel moet uiterlijk 2026-06-15 bij de ouder zijn."),
            ("2026-06-01", "reminder:week-4", "Deze klacht is 4 weken geleden ontvangen; het schriftelijk oordeel moet uiterlijk 2026-06-15 bij de ouder zijn."),
            ("2026-06-08", "reminder:week-5", "Deze klacht is 5 weken geleden ontvangen; het schriftelijk oordeel moet uiterlijk 2026-06-15 bij de ouder zijn."),
            ("2026-06-11", "reminder:decision-minus-2", "De termijn voor het schriftelijk oordeel loopt af op 2026-06-15."),
        ]
        let fresh = ScheduleFixture.complaint(state: .received, acknowledged: false, contacted: false)
        for row in table {
            let mails = scheduler.reminders(for: fresh, now: ScheduleFixture.at(row.date))
            let mail = mails.first { $0.key == row.key }
            XCTAssertNotNil(mail, "\(row.key) is due on \(row.date); got \(mails.map(\.key))")
            XCTAssertEqual(mail?.template, "handler-reminder")
            XCTAssertEqual(mail?.audiences, [.handler])
            XCTAssertEqual(mail?.topic.description(english: false, date: \.iso), row.text)
            XCTAssertTrue(scheduler.reminders(for: fresh, now: ScheduleFixture.at(day(row.date).adding(days: -1).iso))
                .allSatisfy { $0.key != row.key }, "\(row.key) is not due the day before")
        }
    }

    func testEnglishLocationGetsEnglishText() {
        var english = ScheduleFixture.complaint()
        english.english = true
        let reminder = scheduler.reminders(for: english, now: ScheduleFixture.at("2026-05-18")).first
        XCTAssertEqual(reminder?.description(date: \.iso),
                       "This complaint was received 2 weeks ago; the written judgement is due by 2026-06-15.")
        let escalation = scheduler.escalations(for: english, now: ScheduleFixture.at("2026-06-16")).first
        XCTAssertEqual(escalation?.description(date: \.iso),
                       "The term for the written judgement ended on 2026-06-15 and has not been met.")
        XCTAssertEqual(scheduler.reminders(for: ScheduleFixture.complaint(), now: ScheduleFixture.at("2026-05-18")).first?.english, false)
    }

    func testAfterDowntimeOnlyTheNewestReminderOfEachKindIsSent() {
        let table: [(now: String, keys: [String])] = [
            ("2026-06-05", ["reminder:week-4"]),
            ("2026-06-10", ["reminder:week-5"]),
            ("2026-06-12", ["reminder:week-5", "reminder:decision-minus-2"]),
            ("2026-06-15", ["reminder:week-5", "reminder:decision-minus-2"]),
            ("2026-06-16", []),
        ]
        for row in table {
            XCTAssertEqual(scheduler.reminders(for: ScheduleFixture.complaint(), now: ScheduleFixture.at(row.now)).map(\.key),
                           row.keys, "first tick on \(row.now)")
        }
    }

    func testAStaleReminderIsNotSentAfterANewerOneOfItsKind() {
        let sentWeek4 = ScheduleFixture.complaint(sent: ["reminder:week-4"])
        XCTAssertEqual(scheduler.reminders(for: sentWeek4, now: ScheduleFixture.at("2026-06-05")).map(\.key), [],
                       "week 2 was skipped while the daemon was down and stays skipped")
    }

    func testMetTermsGetNoReminder() {
        let acknowledgedAndContacted = ScheduleFixture.complaint(state: .assigned, acknowledged: true, contacted: true)
        XCTAssertEqual(scheduler.reminders(for: acknowledgedAndContacted, now: ScheduleFixture.at("2026-05-08")).map(\.key), [])
        let contactedOnly = ScheduleFixture.complaint(state: .received, acknowledged: false, contacted: true)
        XCTAssertEqual(scheduler.reminders(for: contactedOnly, now: ScheduleFixture.at("2026-05-08")).map(\.key), ["reminder:ack-due-1"])
        let judged = ScheduleFixture.complaint(state: .judgementSent)
        XCTAssertEqual(scheduler.reminders(for: judged, now: ScheduleFixture.at("2026-06-11")).map(\.key), [])
    }

    func testNoLadderForSafeguardingNonComplaintsSuspendedOrClosedCases() {
        let cases = [
            ScheduleFixture.complaint(state: .safeguarding, acknowledged: false, contacted: false),
            ScheduleFixture.complaint(kind: .vraag),
            ScheduleFixture.complaint(kind: .compliment, acknowledged: false, contacted: false),
            ScheduleFixture.complaint(state: .suspended),
            ScheduleFixture.complaint(state: .closed),
            ScheduleFixture.complaint(state: .referredGeschillencommissie),
        ]
        for scheduled in cases {
            for date in ["2026-05-08", "2026-05-18", "2026-06-11", "2026-06-16", "2026-07-01"] {
                // The meldcode's own reminders to the safeguarding officer are another ladder (ProcedurePathScheduleTests).
                let mails = scheduler.due(cases: [scheduled], globalSentKeys: [], now: ScheduleFixture.at(date))
                    .filter { $0.caseID != nil && $0.template != "safeguarding-reminder" }
                XCTAssertEqual(mails.map(\.key), [], "\(scheduled.state) \(scheduled.kind) on \(date)")
            }
        }
    }

    func testWkkgzExtensionMovesTheDecisionReminderUnderANewKey() {
        let extended = ScheduleFixture.complaint(regime: .wkkgz, decisionDue: "2026-07-13")
        let log = ScheduleFixture.tickDaily(extended, from: "2026-05-04", through: "2026-07-14")
        XCTAssertEqual(log, [
            "2026-05-18 reminder:week-2",
            "2026-06-01 reminder:week-4",
            "2026-06-08 reminder:week-5",
            "2026-07-09 reminder:decision-minus-2:2026-07-13",
            "2026-07-14 escalation:decision:2026-07-14",
        ])
    }

    func testReminderKeysAreStableAcrossTheDay() {
        let morning = scheduler.due(cases: [ScheduleFixture.complaint()], globalSentKeys: [], now: ScheduleFixture.at("2026-05-18", 0, 5))
        let evening = scheduler.due(cases: [ScheduleFixture.complaint()], globalSentKeys: [], now: ScheduleFixture.at("2026-05-18", 23, 55))
        XCTAssertEqual(morning.filter { $0.caseID != nil }.map(\.key), ["reminder:week-2"])
        XCTAssertEqual(evening.filter { $0.caseID != nil }.map(\.key), ["reminder:week-2"])
    }
}
