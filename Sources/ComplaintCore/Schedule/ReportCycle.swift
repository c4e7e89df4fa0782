import Foundation

/// What is recorded of a report year's round: when the report went to the GGD, and when the
/// oudercommissie discussed it (Wet kinderopvang 1.57b: the report goes to the GGD before 1 June).
public struct ReportCycleStatus: Sendable, Equatable {
    /// The year the report is about (its round runs in the year after).
    public var year: Int
    public var sentToGGD: LocalDate?
    public var oudercommissie: LocalDate?

    public init(year: Int, sentToGGD: LocalDate? = nil, oudercommissie: LocalDate? = nil) {
        self.year = year
        self.sentToGGD = sentToGGD
        self.oudercommissie = oudercommissie
    }

    /// Both steps are recorded: nothing more is reminded.
    public var isComplete: Bool { sentToGGD != nil && oudercommissie != nil }
}

/// One mail of the round, with the key (in `scheduled_sent`, for no case) that sends it once.
public struct ReportCycleMail: Sendable, Equatable {
    public enum Topic: Sendable, Equatable {
        /// The draft report of `year`, with what is still to do.
        case draft
        /// A fortnightly reminder; `ggdDeadlinePassed` once 1 June came without the GGD date.
        case reminder(slot: LocalDate, ggdDeadlinePassed: Bool)
    }

    public var year: Int
    public var key: String
    public var topic: Topic
}

/// When the annual report's round sends what: pure, from the calendar, the recorded dates and the keys sent.
///
/// - The draft of year Y goes to the quality staff on the first working day of ISO week 2 of
///   Y+1 (the second week of January; a holiday or closing day moves it on), from `hour`. A
///   draft missed then (klachtd was down) goes out later, until reminders take over on 1 April.
/// - From 1 April of Y+1 a reminder every two weeks (1, 15 and 29 April, 13 May, ...; each on
///   the working day on or after), until both the GGD date and the oudercommissie date are
///   recorded, and at the latest until the end of Y+1. After downtime only the newest
///   reminder is sent, never a burst of old ones.
public struct ReportCycle: Sendable {
    public let calendar: WorkingDayCalendar
    public let civil: CivilTime
    /// Local hour from which the round's mails are sent (the digest's).
    public let hour: Int

    /// The key prefix of year Y's mails: `report-cycle:Y:draft`, `report-cycle:Y:reminder:<slot>`.
    public static func keyPrefix(_ year: Int) -> String { "report-cycle:\(year):" }

    public init(calendar: WorkingDayCalendar, civil: CivilTime, hour: Int = 8) {
        self.calendar = calendar
        self.civil = civil
        self.hour = hour
    }

    /// The day the draft of `year` goes out: the first working day of ISO week 2 of the next year.
    public func draftDay(reportYear year: Int) -> LocalDate {
        // 4 January is always in ISO week 1; a week on is week 2.
        let weekTwo = ISOWeek(containing: LocalDate(year: year + 1, month: 1, day: 11))
        return calendar.workingDay(onOrAfter: weekTwo.monday)
    }

    /// The reminder days of `year`'s round from 1 April of the next year, through `last`.
    public func reminderSlots(reportYear year: Int, through last: LocalDate) -> [LocalDate] {
        let first = LocalDate(year: year + 1, month: 4, day: 1)
        var slots: [LocalDate] = []
        var day = first
        while day.year == year + 1 {
            let slot = calendar.workingDay(onOrAfter: day)
            if slot > last { break }
            slots.append(slot)
            day = day.adding(days: 14)
        }
        return slots
    }

    /// The statutory date the report must have reached the GGD before: 1 June of the next year.
    public static func ggdDeadline(reportYear year: Int) -> LocalDate { LocalDate(year: year + 1, month: 6, day: 1) }

    /// The round's mail due at `now` and not yet sent, if any.
    ///
    /// The report year is the one before `now`'s. `inUse` says klachtd knew that year (a case
    /// received in it or before): a year it never saw had its report made elsewhere.
    public func due(status: ReportCycleStatus, inUse: Bool, sentKeys: Set<String>, now: Date) -> ReportCycleMail? {
        let today = civil.localDate(of: now)
        let year = status.year
        guard inUse, today.year == year + 1, !status.isComplete, now >= civil.date(today, hour: hour, minute: 0) else { return nil }
        let prefix = Self.keyPrefix(year)
        let april = LocalDate(year: year + 1, month: 4, day: 1)
        if today < april {
            // The draft is for the report still to be written: once it went to the GGD, no draft.
            guard status.sentToGGD == nil, today >= draftDay(reportYear: year), !sentKeys.contains(prefix + "draft") else { return nil }
            return ReportCycleMail(year: year, key: prefix + "draft", topic: .draft)
        }
        guard let slot = reminderSlots(reportYear: year, through: today).last,
              !sentKeys.contains(prefix + "reminder:" + slot.iso) else { return nil }
        let passed = status.sentToGGD == nil && today >= Self.ggdDeadline(reportYear: year)
        return ReportCycleMail(year: year, key: prefix + "reminder:" + slot.iso, topic: .reminder(slot: slot, ggdDeadlinePassed: passed))
    }
}
