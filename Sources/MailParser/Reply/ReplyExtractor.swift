import Foundation

/// Separates the new text of a reply from the quoted history below it, for the Dutch and
/// English mail clients our complainants use (Outlook, Gmail, Apple Mail, phones).
public enum ReplyExtractor {
    /// The text above the first quote header, separator or signature, with `>` lines removed.
    public static func newText(of text: String) -> String {
        let lines = ByteLines.normalizedNewlines(text).newlineSeparatedLines
        let above = newLines(lines, from: 0, stopAtHistory: true)
        if above.kept.contains(where: \.hasVisibleText) || above.historyStart == nil {
            return String(above.kept.joined(separator: "\n").trimmedWhitespace)
        }
        // Nothing above the quote header: a bottom-posted or interleaved reply. Keep what is
        // written between and below the quoted lines instead.
        let below = newLines(lines, from: (above.historyStart ?? 0) + 1, stopAtHistory: false)
        return String(below.kept.joined(separator: "\n").trimmedWhitespace)
    }

    /// Unquoted lines from `start` up to a signature, or up to the first quote header.
    private static func newLines(_ lines: [Substring], from start: Int, stopAtHistory: Bool)
        -> (kept: [Substring], historyStart: Int?) {
        var kept: [Substring] = []
        var index = start
        while index < lines.count {
            let line = lines[index]
            let next = index + 1 < lines.count ? lines[index + 1] : nil
            let following = lines[(index + 1)..<min(lines.count, index + 7)]
            if QuoteHeader.startsHistory(line: line, next: next, following: following) {
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
