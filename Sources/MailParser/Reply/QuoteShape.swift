/// Quoted history recognised by its shape rather than its words, for mail clients in any
/// language: Outlook's header block (`De :`, `Enviado:`, `Kimden:` …) and an attribution line
/// (`El … escribió:`, `… a écrit :`) right above `>`-quoted lines.
///
/// The labels of `QuoteHeader` cover the languages we know; a handler's French, Spanish or
/// Turkish Outlook writes the same block with other words, and everything below it (a staff
/// mail, with its case facts) must not reach a parent with an `#antwoord`.
enum QuoteShape {
    /// Whether `lines[index]` starts Outlook's header block: a run of 3–5 short `Label: value`
    /// lines, not part of a longer run, whose first value holds an address (or another a reply
    /// subject) and a later one a date or time.
    static func startsHeaderBlock(at index: Int, in lines: [Substring]) -> Bool {
        guard index < lines.count, let first = labelValue(lines[index]) else { return false }
        if index > 0, labelValue(lines[index - 1]) != nil { return false }
        var values = [first]
        var next = index + 1
        while next < lines.count, values.count <= 5, let value = labelValue(lines[next]) {
            values.append(value)
            next += 1
        }
        guard (3...5).contains(values.count) else { return false }
        // Every client puts the sender first and the date after it (Outlook: From, Sent, To,
        // Subject; Gmail and Apple: From, Date or Subject, …). Exchange may show the sender by
        // name only; then a reply subject (`RE:`, `YNT:`) stands in for the address.
        let hasDate = values.dropFirst().contains { isDateLike($0) }
        let sender = holdsAddress(values[0]) || values.dropFirst().contains { isReplySubject($0) }
        return hasDate && sender
    }

    /// Whether `lines[index]` (with the next line, when the client wrapped it) is an attribution:
    /// it ends in a colon, names an address or a date, and `>`-quoted lines follow it.
    static func startsAttribution(at index: Int, in lines: [Substring]) -> Bool {
        // Most lines end in a visible ASCII byte other than a colon, and so does the next:
        // then neither can end an attribution, and nothing needs trimming.
        if let last = visibleASCIILast(lines[index]), last != UInt8(ascii: ":") {
            guard index + 1 < lines.count else { return false }
            if let next = visibleASCIILast(lines[index + 1]), next != UInt8(ascii: ":") { return false }
        }
        let line = lines[index].trimmedSpaces
        guard let lastByte = line.utf8.last, line.utf8.count < 400, line.utf8.first != UInt8(ascii: ">") else { return false }
        var last = index
        if lastByte != UInt8(ascii: ":") {
            guard index + 1 < lines.count else { return false }
            let next = lines[index + 1].trimmedSpaces
            guard next.utf8.last == UInt8(ascii: ":"), next.utf8.first != UInt8(ascii: ">"), next.utf8.count < 200 else { return false }
            last = index + 1
        }
        var following = last + 1
        while following < lines.count, !lines[following].hasVisibleText { following += 1 }
        guard following < lines.count, lines[following].withoutLeadingWhitespace.hasPrefix(">") else { return false }
        let text = lines[index...last].map { $0.trimmedSpaces }.joined(separator: " ")
        return holdsAddress(Substring(text)) || isDateLike(Substring(text))
    }

    /// The line's last byte when it is ASCII and not a space or tab, so that it is also the
    /// last byte of the line trimmed of spaces; nil when only trimming can tell.
    private static func visibleASCIILast(_ line: Substring) -> UInt8? {
        guard let last = line.utf8.last, last < 0x80, last != 0x20, last != 0x09 else { return nil }
        return last
    }

    /// The value of a `Label: value` line whose label is one to three short words of letters
    /// (French puts a space before the colon); nil for any other line.
    static func labelValue(_ line: Substring) -> Substring? {
        let bytes = line.utf8
        guard bytes.count < 600, let colon = bytes.prefix(40).firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == 0xEF }) else { return nil }
        var label = line[line.startIndex..<colon]
        var afterColon = line.utf8.index(after: colon)
        if bytes[colon] == 0xEF {
            // The full-width colon "：" (EF BC 9A) of Chinese and Japanese Outlook.
            guard line.utf8[colon...].starts(with: [0xEF, 0xBC, 0x9A]) else { return nil }
            afterColon = line.utf8.index(colon, offsetBy: 3)
        }
        if let isLabel = asciiLabel(bytes[bytes.startIndex..<colon]) {
            guard isLabel else { return nil }
        } else {
            label = label.trimmed { $0.isUnicodeWhitespace || $0 == "*" }
            let words = label.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
            guard (1...3).contains(words.count), (1...25).contains(label.count),
                  label.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == " " || $0 == "\u{A0}" || $0 == "-" || $0 == "." })
            else { return nil }
        }
        return asciiTrimmed(line[afterColon...]) ?? line[afterColon...].trimmed { $0.isUnicodeWhitespace || $0 == "*" }
    }

    /// The label test of `labelValue` on bytes, for a label of ASCII only (nearly every line):
    /// there every character is one byte and the letters are A–Z and a–z. Nil for any other
    /// label, which takes the Character path.
    private static func asciiLabel(_ label: Substring.UTF8View.SubSequence) -> Bool? {
        var start = label.startIndex
        var end = label.endIndex
        while start < end, label[start] < 0x80, isTrimmedByte(label[start]) { label.formIndex(after: &start) }
        while start < end {
            let before = label.index(before: end)
            guard label[before] < 0x80, isTrimmedByte(label[before]) else { break }
            end = before
        }
        var count = 0
        var words = 0
        var previous: UInt8 = 0x20
        var index = start
        while index < end {
            let byte = label[index]
            if byte >= 0x80 { return nil }
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            guard isLetter || byte == 0x20 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
            if byte != 0x20 && previous == 0x20 { words += 1 }
            previous = byte
            count += 1
            label.formIndex(after: &index)
        }
        return (1...3).contains(words) && (1...25).contains(count)
    }

    /// `text` without the whitespace and `*` at its ends, trimmed on bytes; nil when a byte
    /// at either new end is not ASCII (a no-break space, or a combining mark that joins the
    /// trimmed character), where only the Character path is exact.
    private static func asciiTrimmed(_ text: Substring) -> Substring? {
        let bytes = text.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] < 0x80, isTrimmedByte(bytes[start]) { bytes.formIndex(after: &start) }
        while start < end {
            let before = bytes.index(before: end)
            guard bytes[before] < 0x80, isTrimmedByte(bytes[before]) else { break }
            end = before
        }
        if start < end && (bytes[start] >= 0x80 || bytes[bytes.index(before: end)] >= 0x80) { return nil }
        return text[start..<end]
    }

    /// ASCII whitespace (as `Character.isWhitespace` counts it) and `*`.
    private static func isTrimmedByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == UInt8(ascii: "*")
    }

    /// An address: `name@domain.tld`, or Outlook's `[mailto:…]`.
    static func holdsAddress(_ value: Substring) -> Bool {
        let bytes = Array(value.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "@") {
            guard index > 0, index + 3 < bytes.count, isAddressByte(bytes[index - 1]) else { continue }
            let domain = bytes[(index + 1)...].prefix { isAddressByte($0) }
            if domain.count >= 3, domain.dropFirst().contains(UInt8(ascii: ".")) { return true }
        }
        return false
    }

    /// A subject as replies carry it (`RE:`, `AW:`, `RV:`, `YNT:`, `TR:` …), for Exchange blocks
    /// that show names without addresses.
    private static func isReplySubject(_ value: Substring) -> Bool {
        let prefixes = ["re:", "re :", "aw:", "sv:", "vs:", "rv:", "r:", "ynt:", "antw:", "odp:", "fw:", "fwd:", "tr:", "tr :", "wg:", "doorst:", "i:"]
        let lowered = value.prefix(8).lowercased()
        return prefixes.contains { lowered.hasPrefix($0) }
    }

    /// A date or time as mail clients print one: a year 1990–2099, `14:03`, or `6/12/26`.
    static func isDateLike(_ value: Substring) -> Bool {
        let bytes = Array(value.utf8)
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) else { index += 1; continue }
            var end = index
            while end < bytes.count && isDigit(bytes[end]) { end += 1 }
            let run = bytes[index..<end]
            let before = index > 0 ? bytes[index - 1] : 0x20
            let after = end < bytes.count ? bytes[end] : 0x20
            if run.count == 4, !isAddressByte(before) || before == UInt8(ascii: "-") || before == UInt8(ascii: "."),
               let year = Int(String(decoding: run, as: UTF8.self)), (1990...2099).contains(year) { return true }
            if run.count <= 2, after == UInt8(ascii: ":"), end + 2 < bytes.count, isDigit(bytes[end + 1]), isDigit(bytes[end + 2]) { return true }
            if run.count <= 2, after == UInt8(ascii: "/") || after == UInt8(ascii: "."), end + 1 < bytes.count, isDigit(bytes[end + 1]) {
                // d/m/yy or d.m.yyyy; not a version or status code such as 5.1.1.
                let month = bytes[(end + 1)...].prefix { isDigit($0) }
                let yearStart = end + 2 + month.count
                if month.count <= 2, yearStart - 1 < bytes.count, bytes[yearStart - 1] == after {
                    let year = bytes[min(yearStart, bytes.count)...].prefix { isDigit($0) }
                    if year.count == 2 || year.count == 4 { return true }
                }
            }
            index = end
        }
        return false
    }

    private static func isAddressByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+")
    }
}

private extension Substring {
    func trimmed(_ isTrimmed: (Character) -> Bool) -> Substring {
        var result = self
        while let first = result.first, isTrimmed(first) { result = result.dropFirst() }
        while let last = result.last, isTrimmed(last) { result = result.dropLast() }
        return result
    }
}

private extension Character {
    var isUnicodeWhitespace: Bool { isWhitespace }
}
