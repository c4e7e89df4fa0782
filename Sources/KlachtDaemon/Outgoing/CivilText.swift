import ComplaintCore
import Foundation

/// Moments as staff read them, in the organisation's time zone: one place for the clock's
/// wall time, two spellings ("21-11-2026 09:05" in notices, "2026-11-21 09:05" in listings).
public enum CivilText {
    /// "21-11-2026 09:05", as a Dutch notice writes it.
    public static func time(_ date: Date, _ civil: CivilTime) -> String {
        let t = wallClock(date, civil)
        return "\(t.day)-\(t.month)-\(t.year) \(t.hour):\(t.minute)"
    }

    /// "2026-11-21 09:05", sortable, for tables and case files.
    public static func sortable(_ date: Date, _ civil: CivilTime) -> String {
        let t = wallClock(date, civil)
        return "\(t.year)-\(t.month)-\(t.day) \(t.hour):\(t.minute)"
    }

    private static func wallClock(_ date: Date, _ civil: CivilTime) -> (year: String, month: String, day: String, hour: String, minute: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = civil.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { (n ?? 0) < 10 ? "0\(n ?? 0)" : "\(n ?? 0)" }
        return (String(c.year ?? 0), two(c.month), two(c.day), two(c.hour), two(c.minute))
    }
}
