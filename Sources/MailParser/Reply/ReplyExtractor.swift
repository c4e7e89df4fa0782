import Foundation

/// Separates the new text of a reply from the quoted history below it, for the Dutch and
/// English mail clients our complainants use (Outlook, Gmail, Apple Mail, phones).
public enum ReplyExtractor {
    /// The text above the first quote header, separator or signature, with `>` lines removed.
    public static func newText(of text: String) -> String {
        let lines = ByteLines.normalizedNewlines(text).split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let next = index + 1 < lines.count ? lines[index + 1] : nil
            if QuoteHeader.startsHistory(line: line, next: next, following: Array(lines[(index + 1)...].prefix(6))) { break }
            if QuoteHeader.isSignatureStart(line) { break }
            if !line.withoutLeadingWhitespace.hasPrefix(">") { kept.append(line) }
            index += 1
        }
        return String(kept.joined(separator: "\n").trimmedWhitespace)
    }
}
