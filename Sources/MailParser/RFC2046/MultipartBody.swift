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
