import ComplaintCore

/// Numbers, dates and plurals as a Dutch reader expects them.
enum DutchWording {
    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                         "oktober", "november", "december"]
    static let shortMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

    /// "1 juni 2027".
    static func date(_ date: LocalDate) -> String { "\(date.day) \(months[date.month - 1]) \(date.year)" }

    /// "83%", or "n.v.t." when there is nothing to divide.
    static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "n.v.t." }
        return "\(Int((fraction * 100).rounded()))%"
    }

    /// "12" or "12,5" days.
    static func days(_ value: Double?) -> String {
        guard let value else { return "n.v.t." }
        if value == value.rounded() { return "\(Int(value)) dagen" }
        return "\(Int(value)),5 dagen"
    }

    /// "1 klacht", "3 klachten".
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String { "\(n) \(n == 1 ? singular : plural)" }

    /// "+2", "-1", "0".
    static func change(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
}
