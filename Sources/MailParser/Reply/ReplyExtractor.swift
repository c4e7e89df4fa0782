import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Separates the new text of a reply from the quoted history below it, for the mail clients
/// parents and staff use (Outlook, Gmail, Apple Mail, phones): by the labels of the languages
/// we know (`QuoteHeader`), by the shape of a header block or attribution in any language
/// (`QuoteShape`), and in HTML by the elements clients wrap history in (`HTMLQuoteStructure`).
public enum ReplyExtractor {
    /// The text above the first quote header, separator or signature, with `>` lines removed.
    public static func newText(of text: String) -> String {
        let lines = ByteLines.normalizedNewlines(text).newlineSeparatedLines
        let above = newLines(lines, from: 0, stopAtHistory: true)
        if above.kept.contains(where: \.hasVisibleText) || above.historyStart == nil {
            return String(above.kept.joined(separator: "\n").trimmedWhitespace)
        }
        // Below Outlook's header block comes the original mail, unquoted: nothing new is written there.
        if let start = above.historyStart, QuoteShape.startsHeaderBlock(at: start, in: lines) { return "" }
        // Nothing above the quote header: a bottom-posted or interleaved reply. Keep what is
        // written between and below the quoted lines instead.
        let below = newLines(lines, from: (above.historyStart ?? 0) + 1, stopAtHistory: false)
        return String(below.kept.joined(separator: "\n").trimmedWhitespace)
    }

    /// The new text of a message: from its HTML body when that marks its quoted history
    /// structurally (Outlook, Gmail, Apple Mail) and the text still holds some of that history,
    /// else from the text. `textSource` says where `text` came from.
    public static func newText(text: String?, html: String?, textSource: TextSource?) -> String? {
        let fromText = text.map(newText(of:))
        guard let html, let withoutHistory = HTMLQuoteStructure.withoutHistory(html) else { return fromText }
        let keptText = HTMLText.text(from: withoutHistory)
        let fromHTML = newText(of: keptText)
        guard fromHTML.hasVisibleText else { return fromText }
        guard let fromText, textSource == .plain else { return fromHTML }
        // The plain alternative is the same reply, better laid out: it wins unless it kept a
        // line the HTML marks as history (a header block in a language no rule knows).
        let kept = Set(keptText.split(separator: "\n").map(collapsed))
        let history = HTMLText.text(from: html).split(separator: "\n").map(collapsed)
            .filter { $0.count >= 10 && !kept.contains($0) }
        let plain = collapsed(Substring(fromText))
        return history.contains { plain.contains(String($0.prefix(60))) } ? fromHTML : fromText
    }

    /// Lower-cased, without `>` quoting, with runs of whitespace as one space: lines compare
    /// across the plain and HTML alternatives, whatever each wrapped.
    private static func collapsed(_ text: Substring) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == ">" }).joined(separator: " ")
    }

    /// Unquoted lines from `start` up to a signature, or up to the first quote header.
    private static func newLines(_ lines: [Substring], from start: Int, stopAtHistory: Bool)
        -> (kept: [Substring], historyStart: Int?) {
        var kept: [Substring] = []
        var index = start
        while index < lines.count {
            let line = lines[index]
            let next = index + 1 < lines.count ? lines[index + 1] : nil
            let may = LineMarks(line, next: next)
            if (may.startHistory && QuoteHeader.startsHistory(line: line, next: next, following: lines[(index + 1)..<min(lines.count, index + 7)]))
                || (may.startHeaderBlock && QuoteShape.startsHeaderBlock(at: index, in: lines))
                || (may.startAttribution && QuoteShape.startsAttribution(at: index, in: lines)) {
                if stopAtHistory { return (kept, index) }
                // A wrapped attribution's second line is part of the header, not new text.
                if let next, !line.hasSuffix(":"), next.hasSuffix(":") { index += 1 }
                index += 1
                continue
            }
            if QuoteHeader.isSignatureStart(line) { break }
            if !isQuoted(line) { kept.append(line) }
            index += 1
        }
        return (kept, nil)
    }

    /// Whether the line is `>` quoting, after any leading whitespace; decided on the first
    /// byte when it is ASCII, as it nearly always is.
    private static func isQuoted(_ line: Substring) -> Bool {
        guard let first = line.utf8.first(where: { $0 != 0x20 && ($0 < 0x09 || $0 > 0x0D) }) else { return false }
        if first < 0x80 { return first == UInt8(ascii: ">") }
        return line.withoutLeadingWhitespace.hasPrefix(">")
    }
}

/// Which of the history tests can match at a line, decided in one look at its bytes (most
/// lines of a reply are prose and can start none): `QuoteHeader.startsHistory` needs a colon,
/// a dash or an underscore in the line, or one of the words that start a wrapped attribution;
/// `QuoteShape.startsHeaderBlock` a colon (or the full-width colon's lead byte EF) in the first
/// 40 bytes; `QuoteShape.startsAttribution` a colon at the end of the line or of the next one.
/// All true whenever unsure (a line without contiguous storage), so the tests then run.
private struct LineMarks {
    var startHistory = true
    var startHeaderBlock = true
    var startAttribution = true

    init(_ line: Substring, next: Substring?) {
        guard let own = line.utf8.withContiguousStorageIfAvailable(LineMarks.scan) else { return }
        startHistory = own.marker
        startHeaderBlock = own.earlyColon
        startAttribution = own.colon || (next.map { $0.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: ":")) } ?? true } ?? false)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (marker: Bool, earlyColon: Bool, colon: Bool) {
        guard let base = bytes.baseAddress else { return (false, false, false) }
        // memchr looks at many bytes at a time; most lines are short and have none of these.
        let colonAt = memchr(base, Int32(UInt8(ascii: ":")), bytes.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
        let colon = colonAt != nil
        let earlyColon = (colonAt ?? 40) < 40 || memchr(base, 0xEF, min(40, bytes.count)) != nil
        var marker = colon || memchr(base, Int32(UInt8(ascii: "-")), bytes.count) != nil
            || memchr(base, Int32(UInt8(ascii: "_")), bytes.count) != nil
        if !marker {
            // "op ", "on ", "am ", "le " (any case) after leading spaces and tabs.
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            if bytes.count - start >= 3, bytes[start + 2] == 0x20 {
                let first = bytes[start] | 0x20
                let second = bytes[start + 1] | 0x20
                marker = (first == UInt8(ascii: "o") && (second == UInt8(ascii: "p") || second == UInt8(ascii: "n")))
                    || (first == UInt8(ascii: "a") && second == UInt8(ascii: "m")) || (first == UInt8(ascii: "l") && second == UInt8(ascii: "e"))
            }
        }
        return (marker, earlyColon, colon)
    }
}
