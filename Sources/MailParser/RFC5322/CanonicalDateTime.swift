/// The fields of a date-time written exactly as RFC 5322 §3.3 recommends, as nearly every
/// client writes it: `[Day, ]D Mon YYYY HH:MM[:SS] ±HHMM[ (comment)]`, ASCII, single spaces.
///
/// Why: `DateTimeParser` lower-cases the value, removes comments and splits it into String
/// tokens, 3 % of `klachtd parse`. This reads the common form on its bytes and gives up
/// (nil) on anything else, so the general parser reads every other value as before. It only
/// answers where that parser reads the same fields: a four-digit year from 1583 on, a month
/// given by its three letters, hours, minutes, seconds and zone within their ranges.
struct CanonicalDateTime {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var offsetMinutes: Int

    private static let months: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { name in name.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> CanonicalDateTime? {
        var index = 0
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 0x30 && bytes[at] <= 0x39 }
        func isLetter(_ at: Int) -> Bool { at < bytes.count && (bytes[at] | 0x20) >= 0x61 && (bytes[at] | 0x20) <= 0x7A }
        func number(digits: Int) -> Int? {
            var result = 0
            for _ in 0..<digits {
                guard isDigit(index) else { return nil }
                result = result * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            return result
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        // An optional day name: letters, a comma, a space.
        if isLetter(0) {
            while isLetter(index) { index += 1 }
            guard skip(UInt8(ascii: ",")), skip(0x20) else { return nil }
        }
        guard let day = number(digits: isDigit(index + 1) ? 2 : 1), (1...31).contains(day), skip(0x20) else { return nil }
        guard isLetter(index), isLetter(index + 1), isLetter(index + 2), !isLetter(index + 3) else { return nil }
        let key = (0..<3).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[index + $1] | 0x20) }
        guard let month = months.firstIndex(of: key) else { return nil }
        index += 3
        guard skip(0x20), let year = number(digits: 4), year >= 1583, !isDigit(index), skip(0x20) else { return nil }
        guard let hour = number(digits: 2), hour <= 23, skip(UInt8(ascii: ":")), let minute = number(digits: 2), minute <= 59
        else { return nil }
        var second = 0
        if skip(UInt8(ascii: ":")) {
            guard let parsed = number(digits: 2) else { return nil }
            second = parsed
        }
        guard second <= 60, skip(0x20), index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
        else { return nil }
        let negative = bytes[index] == UInt8(ascii: "-")
        index += 1
        guard let zoneHours = number(digits: 2), let zoneMinutes = number(digits: 2), zoneHours <= 23, zoneMinutes <= 59
        else { return nil }
        // The end, or one comment without nested parentheses.
        if index < bytes.count {
            guard skip(0x20), skip(UInt8(ascii: "(")) else { return nil }
            while index < bytes.count, bytes[index] != UInt8(ascii: "("), bytes[index] != UInt8(ascii: ")") { index += 1 }
            guard skip(UInt8(ascii: ")")), index == bytes.count else { return nil }
        }
        let offset = zoneHours * 60 + zoneMinutes
        return CanonicalDateTime(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second,
                                 offsetMinutes: negative ? -offset : offset)
    }
}

extension CanonicalDateTime {
    init?(_ value: String) {
        var value = value
        guard let fields = value.withUTF8({ CanonicalDateTime.read($0) }) else { return nil }
        self = fields
    }
}
