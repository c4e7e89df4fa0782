/// The body of a multipart entity split at its boundary lines (RFC 2046 §5.1.1).
struct MultipartBody {
    /// Byte ranges of each body part, headers included.
    var parts: [Range<Int>] = []
    /// Whether the closing `--boundary--` line was found.
    var sawClosingBoundary = false

    /// Splits `range` at lines that start with `--boundary`. Text before the first boundary is
    /// the preamble and after the closing one the epilogue; both are ignored, as the RFC says.
    static func split(_ bytes: [UInt8], range: Range<Int>, boundary: String) -> MultipartBody {
        var body = MultipartBody()
        let delimiter = Array(("--" + boundary).utf8)
        var partStart: Int?
        // Jump from one occurrence of the delimiter to the next instead of walking every line:
        // a delimiter line is an occurrence at the start of a line.
        var position = range.lowerBound
        while let hit = ByteSearch.firstIndex(of: delimiter, in: bytes, range: position..<range.upperBound) {
            position = hit + 1
            guard hit == range.lowerBound || bytes[hit - 1] == 0x0A || bytes[hit - 1] == 0x0D else { continue }
            let line = ByteLines.line(in: bytes, from: hit, to: range.upperBound)
            guard let kind = delimiterKind(bytes, line: line, delimiter: delimiter) else { continue }
            if let start = partStart {
                body.parts.append(start..<max(start, contentEndBefore(bytes, lineStart: line.start, floor: start)))
            }
            if kind == .closing {
                body.sawClosingBoundary = true
                partStart = nil
                break
            }
            partStart = line.next
            position = line.next
        }
        if let start = partStart { body.parts.append(start..<range.upperBound) }
        return body
    }

    /// The boundary a body really uses when the declared one is absent: the first line of the
    /// form `--token` that is followed by a header field line and that opens at least one part.
    static func writtenBoundary(_ bytes: [UInt8], range: Range<Int>) -> String? {
        var position = range.lowerBound
        var linesRead = 0
        // The first delimiter stands near the top; a long preamble is not worth scanning.
        while position < range.upperBound && linesRead < 200 {
            let line = ByteLines.line(in: bytes, from: position, to: range.upperBound)
            linesRead += 1
            position = line.next
            let length = line.contentEnd - line.start
            guard length > 2, length <= 72, bytes[line.start] == 0x2D, bytes[line.start + 1] == 0x2D else { continue }
            let token = bytes[(line.start + 2)..<line.contentEnd]
            guard token.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), token.last != 0x2D else { continue }
            let next = ByteLines.line(in: bytes, from: line.next, to: range.upperBound)
            guard startsWithHeaderField(bytes, line: next) else { continue }
            return String(decoding: token, as: UTF8.self)
        }
        return nil
    }

    /// Whether the line starts with `Name:` where Name is a header field name (RFC 5322 §2.2).
    private static func startsWithHeaderField(_ bytes: [UInt8], line: ByteLine) -> Bool {
        var index = line.start
        while index < line.contentEnd, bytes[index] > 0x20, bytes[index] < 0x7F, bytes[index] != 0x3A { index += 1 }
        return index > line.start && index < line.contentEnd && bytes[index] == 0x3A
    }

    private enum DelimiterKind { case open, closing }

    private static func delimiterKind(_ bytes: [UInt8], line: ByteLine, delimiter: [UInt8]) -> DelimiterKind? {
        let length = line.contentEnd - line.start
        guard length >= delimiter.count, bytes[line.start] == 0x2D else { return nil }
        for offset in 0..<delimiter.count where bytes[line.start + offset] != delimiter[offset] { return nil }
        var index = line.start + delimiter.count
        if index + 2 <= line.contentEnd && bytes[index] == 0x2D && bytes[index + 1] == 0x2D { return .closing }
        while index < line.contentEnd {
            if !bytes[index].isWhitespace { return nil }
            index += 1
        }
        return .open
    }

    /// The end of a part's content: the line ending before a delimiter belongs to the delimiter.
    private static func contentEndBefore(_ bytes: [UInt8], lineStart: Int, floor: Int) -> Int {
        var end = lineStart
        if end > floor && bytes[end - 1] == 0x0A { end -= 1 }
        if end > floor && bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }
}
