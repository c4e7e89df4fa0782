import ComplaintCore
import MailTemplates

/// Dates as a parent reads them in a letter: "maandag 15 juni 2026".
enum DateWording {
    static func format(_ date: LocalDate, english: Bool) -> String {
        DutchDateFormatter.string(year: date.year, month: date.month, day: date.day, language: english ? "en" : "nl")
    }
}
