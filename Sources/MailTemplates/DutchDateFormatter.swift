import CivilDays

/// Writes dates the way a letter does: "maandag 4 mei 2026", or "Monday 4 May 2026" in English.
///
/// Takes plain year, month and day so this module does not depend on ComplaintCore.
public enum DutchDateFormatter {
    private static let dutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                                      "augustus", "september", "oktober", "november", "december"]
    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December"]
    private static let dutchWeekdays = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    private static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The date in words for `language` ("nl", or "en"; any other code gets Dutch), with or without the weekday.
    ///
    /// Dutch writes weekdays and months in lower case, as in "maandag 4 mei 2026".
    public static func string(year: Int, month: Int, day: Int, language: String = "nl",
                              includeWeekday: Bool = true) -> String {
        guard (1...12).contains(month) else { return "\(day)-\(month)-\(year)" }
        let english = language == "en"
        let monthName = (english ? englishMonths : dutchMonths)[month - 1]
        let date = "\(day) \(monthName) \(year)"
        guard includeWeekday else { return date }
        let weekdayName = (english ? englishWeekdays : dutchWeekdays)[weekdayIndex(year: year, month: month, day: day)]
        return "\(weekdayName) \(date)"
    }

    /// 0 for Monday through 6 for Sunday, from the days since 1970-01-01 (a Thursday).
    static func weekdayIndex(year: Int, month: Int, day: Int) -> Int {
        CivilDays.weekdayIndex(since1970: CivilDays.since1970(year: year, month: month, day: day))
    }
}
