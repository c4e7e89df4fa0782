/// The lines mail clients put above quoted history, and the signature markers below new text.
///
/// Lines are compared as lower-cased UTF-8 bytes: every line of every reply passes through
/// here, and the markers are short literals.
enum QuoteHeader {
    /// Separator lines written by Outlook and others above the original message.
    private static let separators = bytes([
        "-----oorspronkelijk bericht-----", "-----original message-----", "----- original message -----",
        "-----ursprüngliche nachricht-----", "-----message d'origine-----", "________________________________",
    ])
    /// Field labels of the header block Outlook prints above the original message.
    private static let fromLabels = bytes(["van:", "from:", "von:", "de:"])
    private static let dateLabels = bytes(["verzonden:", "sent:", "date:", "datum:", "gesendet:", "envoyé:", "verstuurd:"])
    private static let otherLabels = bytes(["aan:", "to:", "onderwerp:", "subject:", "an:", "betreff:", "cc:"])
    /// Phone and app signatures that end the new text.
    private static let deviceSignatures = bytes([
        "verzonden vanaf ", "verstuurd vanaf ", "verzonden vanuit ", "sent from my", "sent from outlook",
        "sent from mail for", "get outlook for", "download outlook voor", "outlook voor ios", "outlook voor android",
        "verzonden met ", "sent with ", "envoyé de mon", "von meinem",
    ])
    private static let wrappedAttributionStarts = bytes(["op ", "on ", "am ", "le "])
    private static let signatureInitials: Set<UInt8> = [UInt8(ascii: "v"), UInt8(ascii: "s"), UInt8(ascii: "g"), UInt8(ascii: "d"), UInt8(ascii: "e")]
    private static let colon = UInt8(ascii: ":")

    /// Whether `line` (joined with `next` when the client wrapped it) opens the quoted history.
    static func startsHistory(line: Substring, next: Substring?, following: ArraySlice<Substring>) -> Bool {
        // Quote headers are short; long lines (minified HTML, base64 pasted as text) never are.
        guard line.utf8.count < 400, mayStartHistory(line) else { return false }
        // The cleaned line's first and last bytes, found without building it: a separator
        // starts with "-" or "_", a From label with v, f or d, an attribution ends in ":".
        // Any other line can only start an attribution wrapped onto the next line.
        guard let (first, last) = cleanedEnds(line) else { return false }
        if last != colon && !openingBytes.contains(first) {
            guard let next, next.utf8.count < 400, hasColon(next), case let cleanedNext = clean(next),
                  cleanedNext.last == colon else { return false }
            return isAttribution(clean(line) + [0x20] + cleanedNext)
        }
        let lowered = clean(line)
        if lowered.isEmpty { return false }
        if separators.contains(where: { lowered.starts(with: $0) }) { return true }
        if lowered.starts(with: "----".utf8) && (has(lowered, "oorspronkelijk") || has(lowered, "original")) { return true }
        if isAttribution(lowered) { return true }
        // Joined only when the cleaned next line can end the attribution with its colon.
        if let next, lowered.last != colon, next.utf8.count < 400, hasColon(next), case let cleanedNext = clean(next),
           cleanedNext.last == colon, isAttribution(lowered + [0x20] + cleanedNext) { return true }
        if fromLabels.contains(where: { lowered.starts(with: $0) }) {
            let block = following.map(clean)
            let hasDate = block.contains { text in dateLabels.contains { text.starts(with: $0) } }
            let hasOther = block.contains { text in otherLabels.contains { text.starts(with: $0) } }
            return hasDate || hasOther
        }
        return false
    }

    /// A cheap byte test that rules out most prose lines before any other work: every quote
    /// header has a colon, a dash or an underscore, or starts an attribution that wraps.
    private static func mayStartHistory(_ line: Substring) -> Bool {
        let bytes = line.utf8
        let isMarker = { (byte: UInt8) in byte == colon || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") }
        if bytes.withContiguousStorageIfAvailable({ $0.contains(where: isMarker) }) ?? bytes.contains(where: isMarker) { return true }
        let start = bytes.drop { $0 == 0x20 || $0 == 0x09 }.prefix(3).map(\.asciiLowercased)
        return wrappedAttributionStarts.contains(start)
    }

    /// The first bytes of separators and From labels, either case.
    private static let openingBytes: Set<UInt8> = Set("-_vVfFdD".utf8)

    /// The first and last bytes `clean` would return (as written, before lower-casing), or
    /// nil when it would return nothing.
    private static func cleanedEnds(_ line: Substring) -> (UInt8, UInt8)? {
        if let ends = line.utf8.withContiguousStorageIfAvailable(cleanedEnds) { return ends }
        return Array(line.utf8).withUnsafeBufferPointer(cleanedEnds)
    }

    private static func cleanedEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt8, UInt8)? {
        var (start, end) = trimmedRange(bytes)
        while start < end && bytes[start] == UInt8(ascii: "*") { start += 1 }
        while end > start && bytes[end - 1] == UInt8(ascii: "*") { end -= 1 }
        return start < end ? (bytes[start], bytes[end - 1]) : nil
    }

    /// The line without leading whitespace (any, and no-break spaces) and trailing ASCII
    /// whitespace and no-break spaces: the part `clean` keeps.
    private static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var start = 0
        var end = bytes.count
        while start < end, case let width = UTF8Whitespace.length(bytes, at: start, countingNoBreakSpace: true), width > 0 { start += width }
        while end > start {
            if bytes[end - 1] == 0x20 || (bytes[end - 1] >= 0x09 && bytes[end - 1] <= 0x0D) { end -= 1; continue }
            if end - 2 >= start && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xA0 { end -= 2; continue }
            break
        }
        return (start, end)
    }

    private static func hasColon(_ line: Substring) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { $0.contains(colon) } ?? line.utf8.contains(colon)
    }

    /// "Op … schreef …:", "Op … heeft … het volgende geschreven:", "On … wrote:", "Am … schrieb …:".
    private static func isAttribution(_ text: [UInt8]) -> Bool {
        guard text.last == colon else { return false }
        if text.starts(with: "op ".utf8) && (has(text, "schreef") || has(text, "geschreven")) { return true }
        if text.starts(with: "on ".utf8) && has(text, "wrote") { return true }
        if text.starts(with: "am ".utf8) && has(text, "schrieb") { return true }
        if text.starts(with: "le ".utf8) && has(text, "écrit") { return true }
        return characterCount(text) < 200 && (text.ends(with: " wrote:") || text.ends(with: " schreef:"))
    }

    /// The `-- ` signature separator (RFC 3676 §4.3) or a "sent from my phone" line.
    static func isSignatureStart(_ line: Substring) -> Bool {
        // Byte comparison: nothing else is canonically equivalent to these two.
        if line.utf8.elementsEqual("-- ".utf8) || line.utf8.elementsEqual("--".utf8) { return true }
        guard line.utf8.count < 120,
              let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 })?.asciiLowercased,
              signatureInitials.contains(first)
        else { return false }
        let lowered = clean(line)
        return deviceSignatures.contains { lowered.starts(with: $0) } && characterCount(lowered) < 80
    }

    /// The line's bytes lower-cased (ASCII and the Latin-1 capitals), trimmed of spaces,
    /// tabs and no-break spaces, and without the `*bold*` markers of HTML-to-text output.
    private static func clean(_ line: Substring) -> [UInt8] {
        // The line's own storage when it has one (a native string): no copy before the cleaned one.
        if let cleaned = line.utf8.withContiguousStorageIfAvailable(clean) { return cleaned }
        return Array(line.utf8).withUnsafeBufferPointer(clean)
    }

    private static func clean(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let (start, end) = trimmedRange(bytes)
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "*") { index += 1; continue }
            if byte == 0xC3, index + 1 < end, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9E, bytes[index + 1] != 0x97 {
                cleaned.append(0xC3)
                cleaned.append(bytes[index + 1] + 0x20)  // À…Þ → à…þ, except ×
                index += 2
                continue
            }
            cleaned.append(byte.asciiLowercased)
            index += 1
        }
        return cleaned
    }

    private static func has(_ text: [UInt8], _ needle: StaticString) -> Bool {
        text.withUnsafeBufferPointer {
            ByteSearch.contains($0, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
        }
    }

    /// Characters, counted as UTF-8 lead bytes.
    private static func characterCount(_ text: [UInt8]) -> Int { text.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }

    private static func bytes(_ literals: [String]) -> [[UInt8]] { literals.map { Array($0.utf8) } }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard self.count >= count else { return false }
        let pattern = UnsafeBufferPointer(start: suffix.utf8Start, count: count)
        return self[(self.count - count)...].elementsEqual(pattern)
    }
}
