import Foundation
import MailFormat
import MailParser

/// Makes a mail small enough for a server that refused it for its size (552, 5.3.4): the
/// attachments are left out and named in the text, an HTML version gives way to the plain
/// text, and a very long text is cut.
///
/// The headers stay as they were (Message-ID included, so threads and bounces still find the
/// case); the body becomes one UTF-8 text part. A mail is shrunk at most once: the header
/// `X-Klachtd-Reduced` marks it, and a shrunk mail refused again for size is refused for good.
enum MailShrinker {
    static let reducedHeader = "X-Klachtd-Reduced"
    /// The most text a shrunk mail keeps, in UTF-8 bytes: far below any server's limit (10 MB or more in practice).
    static let maximumTextBytes = 100_000

    struct Reduced {
        var bytes: [UInt8]
        /// What was left out, as written in the mail: "foto.jpg (2,4 MB)".
        var omitted: [String]
        var textCut: Bool
        var droppedHTML: Bool
    }

    /// Whether `bytes` were shrunk already.
    static func isReduced(_ bytes: [UInt8]) -> Bool {
        headerFields(bytes).contains { $0.lowercased().hasPrefix(reducedHeader.lowercased() + ":") }
    }

    /// The smaller mail, or nil when leaving things out would not make it smaller
    /// (no attachments and a short text: the refusal then stands).
    static func reduce(_ bytes: [UInt8]) -> Reduced? {
        guard !isReduced(bytes) else { return nil }
        let parsed = MessageParser.parse(bytes)
        var text = parsed.text ?? ""
        let textCut = text.utf8.count > maximumTextBytes
        if textCut { text = cut(text, bytes: maximumTextBytes) }
        let omitted = parsed.attachments.map { "\($0.filename ?? "naamloos (\($0.contentType))") (\(size($0.size)))" }
        let droppedHTML = parsed.html != nil
        guard textCut || !omitted.isEmpty || droppedHTML else { return nil }

        var note = "\n\n-- \nDeze e-mail was te groot voor de mailserver en is daarom ingekort verstuurd."
        if !omitted.isEmpty {
            note += " Deze bijlagen zijn weggelaten:\n" + omitted.map { "- \($0)" }.joined(separator: "\n")
        }
        if droppedHTML { note += "\nDe opgemaakte versie is weggelaten; dit is de gewone tekst." }
        if textCut { note += "\nDe tekst is afgebroken na ongeveer \(maximumTextBytes / 1000) kB." }
        let sender = parsed.from.first?.address
        note += "\n" + (sender.map { "Wie de weggelaten delen nodig heeft, kan ze opvragen bij \($0)." }
                        ?? "De weggelaten delen zijn bewaard.")

        var fields = headerFields(bytes).filter { field in
            let name = field.prefix { $0 != ":" }.lowercased()
            return !["content-type", "content-transfer-encoding", "mime-version", "content-disposition"].contains(name)
        }
        fields += ["\(reducedHeader): attachments left out", "MIME-Version: 1.0",
                   "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]
        let result = Array((fields.joined(separator: "\r\n") + "\r\n\r\n").utf8) + QuotedPrintable.encode(text + note)
        guard result.count < bytes.count else { return nil }
        return Reduced(bytes: result, omitted: omitted, textCut: textCut, droppedHTML: droppedHTML)
    }

    /// The header fields as their raw lines (folded lines kept together, CRLF inside).
    static func headerFields(_ bytes: [UInt8]) -> [String] {
        var end = bytes.count
        for index in bytes.indices.dropLast(3)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            end = index
            break
        }
        var fields: [String] = []
        for line in String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n") {
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1] += "\r\n" + line
            } else if !line.isEmpty {
                fields.append(line)
            }
        }
        return fields
    }

    /// `text` cut to at most `bytes` UTF-8 bytes, at a character boundary.
    static func cut(_ text: String, bytes limit: Int) -> String {
        var count = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf8.count
            if count + width > limit { break }
            count += width
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// A size as people read it: "640 kB", "2,4 MB".
    static func size(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(max(1, bytes / 1000)) kB" }
        let tenths = bytes / 100_000
        return "\(tenths / 10),\(tenths % 10) MB"
    }
}
