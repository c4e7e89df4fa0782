import CivilDays
import Foundation

/// Parses date-time values (RFC 5322 §3.3) including the obsolete forms of §4.3: two- and
/// three-digit years, named zones (UT, GMT, EST…) and military letters. Anything it cannot
/// read fully yields nil rather than a guessed date.
enum DateTimeParser {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let namedZones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "edt": -4 * 60, "est": -5 * 60, "cdt": -5 * 60, "cst": -6 * 60,
        "mdt": -6 * 60, "mst": -7 * 60, "pdt": -7 * 60, "pst": -8 * 60,
    ]

    static func parse(_ value: String) -> Date? {
        // A real date-time is short; anything long is not one and is not worth scanning.
        guard value.utf8.count <= 200 else { return nil }
        if let fields = CanonicalDateTime(value) {
            return date(year: fields.year, month: fields.month, day: fields.day, hour: fields.hour, minute: fields.minute,
                        second: fields.second, offsetMinutes: fields.offsetMinutes)
        }
        return parseTokens(value)
    }

    /// The general reading, for every form `CanonicalDateTime` leaves alone; on its own for
    /// the test that both read the canonical form alike.
    static func parseTokens(_ value: String) -> Date? {
        guard value.utf8.count <= 200 else { return nil }
        var text = value.lowercasedFast()
        // Comments such as "(CET)" carry no information the numeric zone lacks.
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        // "00:01+0000": obsolete writers glue the zone to the time.
        if tokens.count >= 4, let sign = tokens[tokens.count - 1].dropFirst().firstIndex(where: { $0 == "+" || $0 == "-" }),
           tokens[tokens.count - 1].utf8.contains(UInt8(ascii: ":")) {
            let last = tokens.removeLast()
            tokens += [String(last[..<sign]), String(last[sign...])]
        }
        // Any day name, also a Dutch or German short one ("Zo,", "So,"), says nothing the date lacks.
        if let first = tokens.first, first.allSatisfy(\.isLetter) { tokens.removeFirst() }
        // "26-Aug-2005": the date written with hyphens.
        // (Byte tests: Foundation's locale-aware `contains` cost more than the rest of the parse.)
        if let first = tokens.first, first.utf8.contains(UInt8(ascii: "-")) {
            let pieces = first.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            if pieces.count == 3, pieces[1].allSatisfy(\.isLetter) { tokens.replaceSubrange(0...0, with: pieces) }
        }
        guard tokens.count >= 4 else { return nil }
        guard let day = Int(tokens[0]), (1...31).contains(day),
              let monthIndex = months.firstIndex(of: String(tokens[1].prefix(3))),
              var year = Int(tokens[2]) else { return nil }
        switch tokens[2].count {
        case 2: year += year < 50 ? 2000 : 1900
        case 3: year += 1900
        case 4: break
        default: return nil
        }
        let timeParts = tokens[3].split(separator: ":", omittingEmptySubsequences: false)
        guard timeParts.count == 2 || timeParts.count == 3,
              let hour = Int(timeParts[0]), (0...23).contains(hour),
              let minute = Int(timeParts[1]), (0...59).contains(minute) else { return nil }
        var second = 0
        if timeParts.count == 3 {
            guard let parsed = Int(timeParts[2]), (0...60).contains(parsed) else { return nil }
            second = parsed
        }
        // RFC 5322 §4.3: a missing or unknown alphabetic zone is read as -0000 (UTC, no zone known).
        guard let offsetMinutes = tokens.count >= 5 ? zoneOffset(tokens[4]) : 0 else { return nil }
        return date(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second,
                    offsetMinutes: offsetMinutes)
    }

    /// The instant of the fields read, or nil when they name no instant.
    private static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetMinutes: Int) -> Date? {
        let monthIndex = month - 1
        // A leap second or a day the month does not have is not a date (Foundation's
        // calendar, which this used to ask, judges them so too).
        guard second < 60 else { return nil }
        guard year >= 1583 else {
            // Before the Gregorian reform Foundation's calendar counts Julian days; such dates
            // are rare enough to ask it rather than copy its rules.
            return julianEraDate(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)?
                .addingTimeInterval(TimeInterval(-offsetMinutes * 60))
        }
        guard day <= daysIn(month: monthIndex + 1, year: year) else { return nil }
        let days = CivilDays.since1970(year: year, month: monthIndex + 1, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second - offsetMinutes * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func julianEraDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = second
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    /// Minutes east of UTC for a numeric or obsolete named zone.
    private static func zoneOffset(_ zone: String) -> Int? {
        if let named = namedZones[zone] { return named }
        if zone.count <= 5, zone.allSatisfy({ $0.isLetter && $0.isASCII }), zone != "j" {
            // RFC 5322 §4.3: military letters were defined with the wrong sign, and other
            // alphabetic zones (CEST, MET) are ambiguous; both are read as -0000.
            return 0
        }
        // "-600" is "-0600": some writers drop the leading zero of the hours.
        guard (4...5).contains(zone.count), let sign = zone.first, sign == "+" || sign == "-",
              zone.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let digits = Int(zone.dropFirst()) else { return nil }
        let hours = digits / 100
        let minutes = digits % 100
        guard hours <= 23, minutes <= 59 else { return nil }
        let offset = hours * 60 + minutes
        return sign == "-" ? -offset : offset
    }
}
