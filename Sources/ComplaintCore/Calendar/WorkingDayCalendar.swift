/// Counts working days: Monday to Friday, except holidays and closing days.
public struct WorkingDayCalendar: Sendable {
    /// The holidays this calendar skips.
    public let holidays: DutchHolidays

    /// Creates a working-day calendar over the given holidays.
    public init(holidays: DutchHolidays) {
        self.holidays = holidays
    }

    /// Whether `date` is a weekday that is not a holiday or closing day.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        !date.isWeekend && !holidays.isHoliday(date)
    }

    /// The `n`th working day after `date`; `date` itself never counts, so 1 working day after Friday is Monday.
    ///
    /// A negative `n` counts backwards; `n == 0` returns `date` unchanged, working day or not.
    public func adding(workingDays n: Int, to date: LocalDate) -> LocalDate {
        guard n != 0 else { return date }
        let step = n > 0 ? 1 : -1
        var remaining = abs(n)
        var current = date
        while remaining > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The `n`th working day before `date`; `date` itself never counts, so 1 working day before Monday is Friday.
    public func subtracting(workingDays n: Int, from date: LocalDate) -> LocalDate {
        adding(workingDays: -n, to: date)
    }

    /// `date` when it is a working day, else the last working day before it.
    public func workingDay(onOrBefore date: LocalDate) -> LocalDate {
        isWorkingDay(date) ? date : subtracting(workingDays: 1, from: date)
    }

    /// `date` when it is a working day, else the first working day after it.
    public func workingDay(onOrAfter date: LocalDate) -> LocalDate {
        isWorkingDay(date) ? date : adding(workingDays: 1, to: date)
    }

    /// The number of working days after `start` up to and including `end` (0 when `end` is not after `start`).
    public func workingDays(from start: LocalDate, through end: LocalDate) -> Int {
        guard start < end else { return 0 }
        var count = 0
        var current = start
        while current < end {
            current = current.adding(days: 1)
            if isWorkingDay(current) { count += 1 }
        }
        return count
    }
}
