/// The output side of `HTMLTextRenderer`: collapses whitespace, keeps preformatted text,
/// marks quoted history with "> ", and limits blank lines, all on UTF-8 bytes.
struct HTMLTextWriter {
    private(set) var output: [UInt8] = []
    var pendingSpace = false
    var quoteDepth = 0
    var preDepth = 0
    /// Whether a no-break space collapses like other whitespace; otherwise it is kept as
    /// one space that never collapses, as a browser shows it.
    var collapsesNoBreakSpace = false
    private var decoded: [UInt8] = []

    /// Text between tags: entities decoded, then written.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        decoded.removeAll(keepingCapacity: true)
        HTMLEntities.decode(bytes, range, into: &decoded)
        writeDecoded()
    }

    /// Text whose entities are already decoded (a parsed tree's text, a link's address).
    mutating func decodedText(_ text: String) {
        guard !text.isEmpty else { return }
        decoded.removeAll(keepingCapacity: true)
        decoded.append(contentsOf: text.utf8)
        writeDecoded()
    }

    /// Writes `decoded`.
    private mutating func writeDecoded() {
        var index = 0
        let count = decoded.count
        while index < count {
            let byte = decoded[index]
            if preDepth > 0 {
                // Preformatted text keeps its spaces and line breaks.
                if byte == 0x0D && index + 1 < count && decoded[index + 1] == 0x0A { index += 1; continue }
                if byte == 0x0A { output.append(0x0A); index += 1; continue }
                startLineIfNeeded()
                output.append(byte)
                index += 1
                continue
            }
            let whitespace = UTF8Whitespace.length(decoded, at: index, countingNoBreakSpace: collapsesNoBreakSpace)
            if whitespace > 0 {
                pendingSpace = true
                index += whitespace
                continue
            }
            if pendingSpace && !output.isEmpty && output.last != 0x0A { output.append(0x20) }
            pendingSpace = false
            startLineIfNeeded()
            if byte == 0xC2 && index + 1 < count && decoded[index + 1] == 0xA0 {
                output.append(0x20)  // a no-break space is kept as one space, never collapsed
                index += 2
                continue
            }
            output.append(byte)
            index += 1
            // The rest of the word: bytes that cannot start whitespace (ASCII other than the
            // spaces, and UTF-8 continuation bytes) need no checks once the word has started.
            var runEnd = index
            while runEnd < count, case let next = decoded[runEnd], next < 0xC2,
                  next != 0x20, next < 0x09 || next > 0x0D { runEnd += 1 }
            if runEnd > index {
                decoded.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[index..<runEnd])) }
                index = runEnd
            }
        }
    }

    mutating func append(_ literal: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Quoted history (`<blockquote>`) is marked with "> " like plain-text quoting, so
    /// reply extraction treats both alike.
    mutating func startLineIfNeeded() {
        guard quoteDepth > 0, output.isEmpty || output.last == 0x0A else { return }
        for _ in 0..<quoteDepth { output.append(0x3E); output.append(0x20) }
    }

    /// A line break of its own: each one counts, so two make a blank line.
    mutating func lineBreak() {
        pendingSpace = false
        while output.last == 0x20 { output.removeLast() }
        output.append(0x0A)
    }

    /// Whether anything but spaces and line breaks was written after `start`.
    func hasVisibleText(since start: Int) -> Bool {
        output[min(start, output.count)...].contains { $0 != 0x20 && $0 != 0x0A }
    }

    /// Ends the line and adds blank lines up to `count` line breaks in a row.
    mutating func newline(_ count: Int) {
        pendingSpace = false
        while output.last == 0x20 { output.removeLast() }
        if output.isEmpty { return }
        var trailing = 0
        var index = output.count - 1
        while index >= 0 && output[index] == 0x0A { trailing += 1; index -= 1 }
        for _ in trailing..<max(trailing, count) { output.append(0x0A) }
    }

    /// The text with line ends trimmed (starts too with `trimmingLineStarts`; otherwise they
    /// carry only preformatted indentation), no leading or trailing blank lines and never two
    /// blank lines in a row.
    func tidyText(trimmingLineStarts: Bool) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(output.count)
        var blank = 0
        var lineStart = 0
        var wroteLine = false
        let count = output.count
        while lineStart <= count {
            var lineEnd = lineStart
            while lineEnd < count && output[lineEnd] != 0x0A { lineEnd += 1 }
            if trimmingLineStarts {
                while lineStart < lineEnd && (output[lineStart] == 0x20 || output[lineStart] == 0x09) { lineStart += 1 }
            }
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart && (output[trimmedEnd - 1] == 0x20 || output[trimmedEnd - 1] == 0x09) { trimmedEnd -= 1 }
            if trimmedEnd == lineStart {
                blank += 1
            } else {
                if wroteLine { result.append(0x0A); if blank > 0 { result.append(0x0A) } }
                result.append(contentsOf: output[lineStart..<trimmedEnd])
                wroteLine = true
                blank = 0
            }
            lineStart = lineEnd + 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}
