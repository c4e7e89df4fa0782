import ComplaintCore
import Foundation

/// Moments as staff read them in a notice: "21-11-2026 09:05" in the organisation's time zone.
enum CivilText {
    static func time(_ date: Date, _ civil: CivilTime) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = civil.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { (n ?? 0) < 10 ? "0\(n ?? 0)" : "\(n ?? 0)" }
        return "\(two(c.day))-\(two(c.month))-\(c.year ?? 0) \(two(c.hour)):\(two(c.minute))"
    }
}
