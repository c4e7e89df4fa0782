import XCTest
@testable import ComplaintCore

final class ReminderWeeklyDigestTests: XCTestCase {
    private let scheduler = ScheduleFixture.scheduler

    func testISOWeekKeysAroundYearEnds() {
        let table: [(date: String, week: String, monday: String)] = [
            ("2026-05-18", "2026-W21", "2026-05-18"),
            ("2026-05-24", "2026-W21", "2026-05-18"),
            ("2026-01-01", "2026-W01", "2025-12-29"),
            ("2026-12-31", "2026-W53", "2026-12-28"),
            ("2027-01-03", "2026-W53", "2026-12-28"),
            ("2027-01-04", "2027-W01", "2027-01-04"),
            ("2024-12-30", "2025-W01", "2024-12-30"),
            ("2021-01-03", "2020-W53", "2020-12-28"),
            ("2028-01-01", "2027-W52", "2027-12-27"),
        ]
        for row in table {
            let week = ISOWeek(containing: day(row.date))
            XCTAssertEqual(week.description, row.week, row.date)
            XCTAssertEqual(week.monday, day(row.monday), row.date)
        }
    }

    func testDigestGoesOutOncePerWeekOnItsFirstWorkingDayFromEightOClock() {
        let table: [(now: Date, sent: Set<String>, key: String?)] = [
            (ScheduleFixture.at("2026-05-18", 7, 59), [], nil),
            (ScheduleFixture.at("2026-05-18", 8, 0), [], "digest:2026-W21"),
            (ScheduleFixture.at("2026-05-18", 23, 59), [], "digest:2026-W21"),
            (ScheduleFixture.at("2026-05-18", 9, 0), ["digest:2026-W21"], nil),
            (ScheduleFixture.at("2026-05-19", 9, 0), [], nil),
            (ScheduleFixture.at("2026-05-25", 9, 0), ["digest:2026-W21"], nil),
            (ScheduleFixture.at("2026-05-26", 8, 0), ["digest:2026-W21"], "digest:2026-W22"),
            (ScheduleFixture.at("2027-01-04", 8, 0), [], "digest:2027-W01"),
        ]
        let open = [ScheduleFixture.complaint()]
        for row in table {
            let digest = scheduler.digest(cases: open, globalSentKeys: row.sent, now: row.now)
            XCTAssertEqual(digest?.key, row.key, "\(row.now)")
            XCTAssertEqual(digest.map(\.audiences), row.key.map { _ in [.quality] })
        }
    }

    func testNoDigestWhenNothingIsOpenAndNothingArrived() {
        let closed = ScheduleFixture.complaint(state: .closed, received: "2026-04-01")
        XCTAssertNil(scheduler.digest(cases: [], globalSentKeys: [], now: ScheduleFixture.at("2026-05-18", 9, 0)))
        XCTAssertNil(scheduler.digest(cases: [closed], globalSentKeys: [], now: ScheduleFixture.at("2026-05-18", 9, 0)))
        let meldcode = ScheduleFixture.complaint(state: .safeguarding, received: "2026-04-01")
        XCTAssertNotNil(scheduler.digest(cases: [meldcode], globalSentKeys: [], now: ScheduleFixture.at("2026-05-18", 9, 0)))
    }

    func testDigestListsArrivalsOverdueTermsTermsThisWeekAndUnassignedCases() throws {
        let received = ScheduleFixture.complaint(id: 1, state: .received, acknowledged: false, contacted: false,
                                                 handler: nil, received: "2026-05-13")
        let overdue = ScheduleFixture.complaint(id: 2, decisionDue: "2026-05-15", received: "2026-04-03")
        let endsThisWeek = ScheduleFixture.complaint(id: 3, decisionDue: "2026-05-22", received: "2026-04-10")
        let meldcode = ScheduleFixture.complaint(id: 4, state: .safeguarding, received: "2026-05-14")
        let compliment = ScheduleFixture.complaint(id: 5, state: .notAComplaint, kind: .compliment, received: "2026-05-12")
        let mail = try XCTUnwrap(scheduler.digest(cases: [received, overdue, endsThisWeek, meldcode, compliment],
                                                  globalSentKeys: [], now: ScheduleFixture.at("2026-05-18", 8, 30)))
        guard case .digest(let digest) = mail.topic else { return XCTFail("not a digest: \(mail.topic)") }
        XCTAssertEqual(digest.periodStart, day("2026-05-11"))
        XCTAssertEqual(digest.periodEnd, day("2026-05-17"))
        XCTAssertEqual(digest.received.map(\.reference.number), [5, 1], "meldcode cases are only counted")
        XCTAssertEqual(digest.openCount, 3)
        XCTAssertEqual(digest.safeguardingCount, 1)
        XCTAssertEqual(digest.overdue.map { "\($0.reference.number) \($0.term.rawValue) \($0.due.iso)" },
                       ["1 acknowledgement 2026-05-11", "1 first-contact 2026-05-11", "2 decision 2026-05-15"])
        XCTAssertEqual(digest.dueSoon.map { "\($0.reference.number) \($0.term.rawValue) \($0.due.iso)" },
                       ["3 decision 2026-05-22"])
        XCTAssertEqual(digest.unassigned.map(\.reference.number), [1])
    }

    /// Judgements waiting for the second reader are listed, the nearest decision term first;
    /// a closed case's leftover review and a case without one are not.
    func testDigestListsJudgementsWaitingForTheReaderNearestDecisionFirst() throws {
        var later = ScheduleFixture.complaint(id: 1, decisionDue: "2026-06-12", received: "2026-05-01")
        later.judgementInReview = true
        var sooner = ScheduleFixture.complaint(id: 2, decisionDue: "2026-05-29", received: "2026-04-17")
        sooner.judgementInReview = true
        let notInReview = ScheduleFixture.complaint(id: 3, decisionDue: "2026-05-22", received: "2026-04-10")
        var closed = ScheduleFixture.complaint(id: 4, state: .closed, decisionDue: "2026-05-20", received: "2026-04-08")
        closed.judgementInReview = true
        let digest = scheduler.weeklyDigest(cases: [later, sooner, notInReview, closed], week: ISOWeek(containing: day("2026-05-18")),
                                            now: ScheduleFixture.at("2026-05-18", 8, 30))
        XCTAssertEqual(digest.awaitingReview.map { "\($0.reference.number) \($0.decisionDue?.iso ?? "-")" }, ["2 2026-05-29", "1 2026-06-12"])
    }
}
