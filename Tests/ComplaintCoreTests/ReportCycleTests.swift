import XCTest
@testable import ComplaintCore

/// Issue 20: the annual report's round: when the draft and the reminders are due, pure.
final class ReportCycleTests: XCTestCase {
    private let civil = CivilTime()
    private let cycle = ReportCycle(calendar: WorkingDayCalendar(holidays: DutchHolidays()), civil: CivilTime())

    private func at(_ iso: String, _ hour: Int = 10) -> Date { civil.date(day(iso), hour: hour, minute: 0) }

    func testDraftGoesOnTheFirstWorkingDayOfTheSecondWeekOfJanuary() {
        XCTAssertEqual(cycle.draftDay(reportYear: 2026), day("2027-01-11"), "2027-W02 starts on Monday 11 January")
        XCTAssertEqual(cycle.draftDay(reportYear: 2025), day("2026-01-05"), "2026-W02 starts on Monday 5 January")
        XCTAssertEqual(cycle.draftDay(reportYear: 2020), day("2021-01-11"))
        // An organisation closed on the Monday and Tuesday of that week sends it on the Wednesday.
        let closed = HolidaySettings(closingDays: [Holiday(date: day("2027-01-11"), name: "studiedag"),
                                                   Holiday(date: day("2027-01-12"), name: "studiedag")])
        let closedCycle = ReportCycle(calendar: WorkingDayCalendar(holidays: DutchHolidays(settings: closed)), civil: civil)
        XCTAssertEqual(closedCycle.draftDay(reportYear: 2026), day("2027-01-13"))
        let table: [(now: Date, sent: Set<String>, key: String?)] = [
            (at("2027-01-08"), [], nil),                                   // the first week: not yet
            (at("2027-01-13", 7), [], nil),                                // before 08:00
            (at("2027-01-13", 8), [], "report-cycle:2026:draft"),
            (at("2027-01-13", 8), ["report-cycle:2026:draft"], nil),       // once
            (at("2027-02-20"), [], "report-cycle:2026:draft"),             // missed while down: still sent
            (at("2027-03-31"), [], "report-cycle:2026:draft"),
        ]
        for row in table {
            let mail = closedCycle.due(status: ReportCycleStatus(year: 2026), inUse: true, sentKeys: row.sent, now: row.now)
            XCTAssertEqual(mail?.key, row.key, "\(row.now)")
            if mail != nil { XCTAssertEqual(mail?.topic, .draft) }
        }
        XCTAssertEqual(closedCycle.due(status: ReportCycleStatus(year: 2026), inUse: true, sentKeys: [], now: at("2027-01-12"))?.key, nil,
                       "a closing day is no working day")
    }

    func testRemindersEveryTwoWeeksFromAprilOnWorkingDaysOnlyTheNewestAfterDowntime() {
        // 2028: 1 April is a Saturday, 15 April a Saturday before Easter Monday, 29 April and 13 May Saturdays.
        XCTAssertEqual(cycle.reminderSlots(reportYear: 2027, through: day("2028-05-31")),
                       [day("2028-04-03"), day("2028-04-18"), day("2028-05-01"), day("2028-05-15"), day("2028-05-29")])
        XCTAssertEqual(cycle.reminderSlots(reportYear: 2026, through: day("2027-05-01")),
                       [day("2027-04-01"), day("2027-04-15"), day("2027-04-29")])
        let status = ReportCycleStatus(year: 2026)
        var sent: Set<String> = ["report-cycle:2026:draft"]
        var log: [String] = []
        var date = day("2027-03-25")
        while date <= day("2027-05-31") {
            if let mail = cycle.due(status: status, inUse: true, sentKeys: sent, now: at(date.iso)) {
                sent.insert(mail.key)
                log.append(date.iso)
            }
            date = date.adding(days: 1)
        }
        XCTAssertEqual(log, ["2027-04-01", "2027-04-15", "2027-04-29", "2027-05-13", "2027-05-27"])
        // Down from 2 to 30 April: one reminder on return, the newest; none for the slots missed.
        let back = cycle.due(status: status, inUse: true, sentKeys: ["report-cycle:2026:reminder:2027-04-01"], now: at("2027-04-30"))
        XCTAssertEqual(back?.key, "report-cycle:2026:reminder:2027-04-29")
        XCTAssertNil(cycle.due(status: status, inUse: true, sentKeys: [], now: at("2027-04-01", 7)), "from 08:00")
    }

    func testRemindersStopOnlyWhenBothDatesAreRecorded() {
        let now = at("2027-04-15")
        XCTAssertNotNil(cycle.due(status: ReportCycleStatus(year: 2026, sentToGGD: day("2027-04-10")), inUse: true, sentKeys: [], now: now),
                        "the oudercommissie has not discussed it yet")
        XCTAssertNotNil(cycle.due(status: ReportCycleStatus(year: 2026, oudercommissie: day("2027-04-10")), inUse: true, sentKeys: [], now: now))
        XCTAssertNil(cycle.due(status: ReportCycleStatus(year: 2026, sentToGGD: day("2027-04-10"), oudercommissie: day("2027-04-12")),
                               inUse: true, sentKeys: [], now: now))
        // A report sent in March needs no draft any more; the committee is still reminded from April.
        XCTAssertNil(cycle.due(status: ReportCycleStatus(year: 2026, sentToGGD: day("2027-01-10")), inUse: true, sentKeys: [], now: at("2027-01-12")))
        XCTAssertNil(cycle.due(status: ReportCycleStatus(year: 2026), inUse: false, sentKeys: [], now: now), "a year klachtd never knew")
        XCTAssertNil(cycle.due(status: ReportCycleStatus(year: 2026), inUse: true, sentKeys: [], now: at("2028-01-03")),
                     "the round of 2026 ends with 2027")
    }

    func testAfterTheFirstOfJuneWithoutTheGGDDateTheReminderSaysTheLegalDatePassed() {
        let open = ReportCycleStatus(year: 2026)
        XCTAssertEqual(cycle.due(status: open, inUse: true, sentKeys: [], now: at("2027-05-27"))?.topic,
                       .reminder(slot: day("2027-05-27"), ggdDeadlinePassed: false))
        XCTAssertEqual(cycle.due(status: open, inUse: true, sentKeys: [], now: at("2027-06-10"))?.topic,
                       .reminder(slot: day("2027-06-10"), ggdDeadlinePassed: true))
        let sent = ReportCycleStatus(year: 2026, sentToGGD: day("2027-05-20"))
        XCTAssertEqual(cycle.due(status: sent, inUse: true, sentKeys: [], now: at("2027-06-10"))?.topic,
                       .reminder(slot: day("2027-06-10"), ggdDeadlinePassed: false), "sent in time: only the committee is missing")
    }

    func testRoundCommandsReadDatesAndTheReportYear() {
        let today = day("2027-05-21")
        let parsed = ReportCycleCommands.parse("#jaarverslag-verzonden 20-5-2027\r\n#Oudercommissie: 2027-05-12 2026\n\nGroet, Marieke", today: today)
        XCTAssertEqual(parsed.commands, [.sentToGGD(year: 2026, date: day("2027-05-20")), .oudercommissie(year: 2026, date: day("2027-05-12"))])
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(ReportCycleCommands.parse("#jaarverslag-verzonden", today: today).errors.count, 1)
        XCTAssertEqual(ReportCycleCommands.parse("#jaarverslag-verzonden 2027-06-01", today: today).errors.count, 1, "after today")
        XCTAssertEqual(ReportCycleCommands.parse("#oudercommissie 2027-05-12 2027", today: today).errors.count, 1, "not after the report year")
        XCTAssertEqual(ReportCycleCommands.parse("#zaken open\n#oudercommissie 2027-05-12", today: today).commands.count, 1,
                       "other staff commands are left to their own reader")
        XCTAssertTrue(ReportCycleCommands.parse("Dank je!\n#oudercommissie 2027-05-12", today: today).commands.isEmpty,
                      "only the lines at the top count")
    }
}
