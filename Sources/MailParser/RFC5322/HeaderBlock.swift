/// The header section of a message or MIME entity (RFC 5322 §2.2), read from raw bytes.
struct HeaderBlock {
    /// The fields in order; repeated fields are all kept.
    var fields: [HeaderField] = []
    /// Where the body starts, after the blank line (or at the end when there is none).
    var bodyStart: Int
    /// Problems found while reading, recorded rather than thrown.
    var defects: [String] = []

    /// The first field with this name, compared case-insensitively.
    func first(_ name: String) -> HeaderField? {
        fields.first { $0.name.equalsIgnoringASCIICase(name) }
    }

    /// Reads header fields from `range`, unfolding continuation lines (§2.2.3).
    static func parse(_ bytes: [UInt8], range: Range<Int>) -> HeaderBlock {
        var block = HeaderBlock(bodyStart: range.upperBound)
        var currentName: String?
        var currentValue: [UInt8] = []
        var position = range.lowerBound
        var isFirstLine = true

        func finishField() {
            if let name = currentName { block.fields.append(HeaderField(name: name, rawValue: currentValue)) }
            currentName = nil
            currentValue = []
        }

        while position < range.upperBound {
            let line = ByteLines.line(in: bytes, from: position, to: range.upperBound)
            defer { position = line.next; isFirstLine = false }
            if line.start == line.contentEnd {
                finishField()
                block.bodyStart = line.next
                return block
            }
            if bytes[line.start].isWhitespace {
                if currentName != nil {
                    currentValue.append(0x0A)
                    currentValue.append(contentsOf: bytes[line.start..<line.contentEnd])
                } else if !isFirstLine {
                    block.defects.append("continuation line without a header field")
                }
                continue
            }
            finishField()
            if isFirstLine && isMboxSeparator(bytes, line: line) {
                // An mbox "From " separator line left in front of the message.
                continue
            }
            guard let colon = bytes[line.start..<line.contentEnd].firstIndex(of: UInt8(ascii: ":")),
                  colon > line.start, colon - line.start <= 100, !looksLikeBoundary(bytes, line: line) else {
                if block.fields.isEmpty && !looksLikeBoundary(bytes, line: line) {
                    // No header at all: the entity starts with its body (RFC 2046 §5.1.1 allows
                    // parts without fields; some writers also drop the blank line).
                    block.defects.append("entity without header fields")
                    block.bodyStart = line.start
                    return block
                }
                if looksLikeBody(bytes, line: line) {
                    // Headers ended without the blank line; the rest is body.
                    block.defects.append("missing blank line between header and body")
                    block.bodyStart = line.start
                    return block
                }
                block.defects.append("header line without a colon")
                continue
            }
            if !isFieldName(bytes[line.start..<colon]) { block.defects.append("header field name with invalid characters") }
            var nameEnd = colon
            while nameEnd > line.start && bytes[nameEnd - 1].isWhitespace { nameEnd -= 1 }
            currentName = String(decoding: bytes[line.start..<nameEnd], as: UTF8.self)
            var valueStart = colon + 1
            while valueStart < line.contentEnd && bytes[valueStart].isWhitespace { valueStart += 1 }
            currentValue = Array(bytes[valueStart..<line.contentEnd])
        }
        finishField()
        block.bodyStart = range.upperBound
        return block
    }

    /// Field names are printable ASCII without colon (§2.2); obsolete syntax allows space before the colon.
    private static func isFieldName(_ name: ArraySlice<UInt8>) -> Bool {
        var sawSpace = false
        for byte in name {
            if byte.isWhitespace { sawSpace = true; continue }
            if byte < 33 || byte > 126 || sawSpace { return false }
        }
        return true
    }

    /// A line that cannot be a header: MIME boundary or plain prose.
    private static func looksLikeBody(_ bytes: [UInt8], line: ByteLine) -> Bool {
        looksLikeBoundary(bytes, line: line) || bytes[line.start..<line.contentEnd].contains(0x20)
    }

    /// "From sender date" (RFC 4155), but not the obsolete "From : address" header field.
    private static func isMboxSeparator(_ bytes: [UInt8], line: ByteLine) -> Bool {
        guard bytes[line.start..<line.contentEnd].starts(with: Array("From ".utf8)) else { return false }
        let rest = bytes[(line.start + 5)..<line.contentEnd].drop { $0.isWhitespace }
        return rest.first != UInt8(ascii: ":")
    }

    /// Two dashes, compared directly: this runs for every header line, and building the
    /// prefix as an array cost an allocation each time.
    private static func looksLikeBoundary(_ bytes: [UInt8], line: ByteLine) -> Bool {
        line.contentEnd - line.start >= 2 && bytes[line.start] == UInt8(ascii: "-") && bytes[line.start + 1] == UInt8(ascii: "-")
    }
}
