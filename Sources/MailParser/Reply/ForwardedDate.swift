import Foundation

/// Reads the date line of a forwarded header block, as clients print it for people:
/// "maandag 16 november 2026 09:12" (Outlook), "ma 16 nov. 2026 om 09:12" (Gmail),
/// "16 november 2026 om 09:12:00 CET" (Apple Mail), "16-11-2026 09:12 (GMT+01:00)" (Samsung),
/// "Monday, November 16, 2026 9:12 AM", "Mon, Nov 16, 2026 at 9:12 AM", and RFC 5322 dates with
/// a numeric zone. Without a zone the time is the organisation's local time, not UTC: people wrote it.
/// Nil when day, month, year or time is missing: a guessed date would move the complaint's terms.
enum ForwardedDate {
    private static let months: [String: Int] = [
        "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2, "mrt": 3, "maart": 3, "mar": 3, "march": 3,
        "apr": 4, "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7,
        "aug": 8, "augustus": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10, "oct": 10, "october": 10,
        "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]
    private static let zones: [String: Int] = ["cet": 60, "cest": 120, "mez": 60, "mesz": 120, "utc": 0, "gmt": 0, "ut": 0, "bst": 60, "wet": 0, "west": 60]

    static func parse(_ value: String, timeZone: TimeZone) -> Date? {
        var day: Int?, month: Int?, year: Int?, hour: Int?, minute: Int?, second = 0
        var offsetMinutes: Int?
        var meridiem: String?
        let tokens = value.lowercased().replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: "(", with: " ")
            .replacingOccurrences(of: ")", with: " ").split(separator: " ").map(String.init)
        for raw in tokens {
            var token = raw.hasSuffix(".") ? String(raw.dropLast()) : raw
            if token.hasSuffix("am") || token.hasSuffix("pm"), token.count > 2, token.first?.isNumber == true {
                meridiem = String(token.suffix(2))
                token = String(token.dropLast(2))
            }
            let digitParts = token.split(whereSeparator: { $0 == "-" || $0 == "/" }).map { Int($0) }
            if token.contains(":"), token.first?.isNumber == true {
                let parts = token.split(separator: ":").map { Int($0) }
                guard parts.count >= 2, let h = parts[0], let m = parts[1] else { continue }
                hour = h; minute = m; second = parts.count > 2 ? parts[2] ?? 0 : 0
            } else if digitParts.count == 3, digitParts.allSatisfy({ $0 != nil }), let a = digitParts[0], let b = digitParts[1], let c = digitParts[2] {
                if a > 999 { (year, month, day) = (a, b, c) } else { (day, month, year) = (a, b, c) }
            } else if token == "am" || token == "pm" {
                meridiem = token
            } else if let named = months[token] ?? months[String(token.prefix(3))].flatMap({ token.count <= 4 ? $0 : nil }) {
                month = named
            } else if let number = Int(token), token.first?.isNumber == true {
                if token.count == 4 { year = number } else if day == nil, (1...31).contains(number) { day = number }
            } else if let zone = zones[token] {
                offsetMinutes = zone
            } else if let offset = offset(token) {
                offsetMinutes = offset
            }
        }
        guard let day, let month, let year, var hour, let minute, (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute) else {
            return nil
        }
        if meridiem == "pm", hour < 12 { hour += 12 }
        if meridiem == "am", hour == 12 { hour = 0 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = offsetMinutes.flatMap { TimeZone(secondsFromGMT: $0 * 60) } ?? timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    /// "+0100", "-0500", "gmt+01:00", "utc+1".
    private static func offset(_ token: String) -> Int? {
        var text = Substring(token)
        for prefix in ["gmt", "utc"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().replacingOccurrences(of: ":", with: "")
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), let value = Int(digits) else { return nil }
        let minutes = digits.count <= 2 ? value * 60 : (value / 100) * 60 + value % 100
        return sign == "-" ? -minutes : minutes
    }
}
