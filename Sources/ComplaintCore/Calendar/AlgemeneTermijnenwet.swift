/// The Algemene termijnenwet: when a term set by law really ends.
///
/// Art. 1: a term that ends on a Saturday, a Sunday or a holiday of art. 3 runs on to the
/// next day that is none of these. Art. 3 lists Nieuwjaarsdag, tweede Paasdag,
/// Hemelvaartsdag, tweede Pinksterdag, both Christmas days, the day the King's birthday is
/// celebrated and 5 May, every year (unlike the lustrum rule for days off, and without
/// Goede Vrijdag or the organisation's own closing days).
///
/// klachtd tells parents and handlers the last working day on or before a term's date
/// (deciding early is never wrong) and judges lateness, in the annual report, by this date.
public enum AlgemeneTermijnenwet {
    /// Whether `date` is one of the general holidays of art. 3.
    public static func isGeneralHoliday(_ date: LocalDate) -> Bool {
        let easter = DutchHolidays.easterSunday(date.year)
        let fixed = [(1, 1), (5, 5), (12, 25), (12, 26)]
        if fixed.contains(where: { $0.0 == date.month && $0.1 == date.day }) { return true }
        return [easter.adding(days: 1), easter.adding(days: 39), easter.adding(days: 50),
                DutchHolidays.kingsDay(date.year)].contains(date)
    }

    /// Whether the law lets a term end on `date`: a weekday that is not a general holiday.
    public static func canEndOn(_ date: LocalDate) -> Bool {
        !date.isWeekend && !isGeneralHoliday(date)
    }

    /// The day a legal term whose date is `termEnd` really ends: that date, or the next day
    /// that is neither a Saturday, a Sunday nor a general holiday.
    public static func deadline(termEnd: LocalDate) -> LocalDate {
        var day = termEnd
        while !canEndOn(day) { day = day.adding(days: 1) }
        return day
    }

    /// The statutory date behind a decision date that was moved back to a working day: the
    /// first date on or after `told` on the weekday of `received` (a term of whole weeks ends
    /// on the weekday it started). Exact when the move was under a week; after a longer run
    /// of closing days it gives a week earlier, which can only count a judgement as late.
    public static func termEnd(told: LocalDate, received: LocalDate) -> LocalDate {
        var day = told
        while day.weekday != received.weekday { day = day.adding(days: 1) }
        return day
    }
}
