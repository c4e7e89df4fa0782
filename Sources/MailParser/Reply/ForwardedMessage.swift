import Foundation

/// A message forwarded inside another one's text: who wrote it, when, and what it said.
public struct ForwardedMessage: Sendable, Equatable {
    public var fromName: String?
    public var fromAddress: String?
    public var date: Date?
    public var subject: String?
    /// The forwarded message's own text, unquoted.
    public var text: String
    /// What the forwarder wrote above it.
    public var note: String
}

/// Finds the first forwarded message in a text, as Dutch and English mail clients write it:
/// Outlook's "Van: … Verzonden: … Aan: … Onderwerp:" block (with or without its
/// "-----Oorspronkelijk bericht-----" or underscore line), Gmail's "---------- Doorgestuurd
/// bericht ---------" / "Forwarded message", Apple Mail's "Begin doorgestuurd bericht:" (on an
/// iPhone quoted with `>`), Samsung's and Thunderbird's "-------- Oorspronkelijk bericht --------".
public enum ForwardedMessageReader {
    /// The forwarded message, or nil when the text has no header block with a sender.
    /// Dates without a zone are read in `timeZone` (the organisation's).
    public static func read(_ text: String, timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current) -> ForwardedMessage? {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            // Every message passes here: only lines that can open a block are looked at closely.
            guard lines[index].utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "_") }) else { index += 1; continue }
            let line = unquote(lines[index]).line
            let lowered = clean(line)
            var headerStart: Int?
            if isSeparator(lowered) {
                headerStart = index + 1
            } else if label(of: lowered) == .from, blockHasDateOrSubject(lines, from: index) {
                headerStart = index
            }
            if let start = headerStart, let found = block(lines, from: start, timeZone: timeZone) {
                let note = lines[..<index].filter { !$0.hasPrefix(">") }.joined(separator: "\n")
                return ForwardedMessage(fromName: found.name, fromAddress: found.address, date: found.date, subject: found.subject,
                                        text: found.body, note: note.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            index += 1
        }
        return nil
    }

    private enum Label { case from, date, to, cc, subject }

    private static let labels: [String: Label] = [
        "van": .from, "from": .from, "von": .from, "de": .from,
        "verzonden": .date, "verstuurd": .date, "sent": .date, "date": .date, "datum": .date, "gesendet": .date, "envoyé": .date,
        "aan": .to, "to": .to, "an": .to, "à": .to, "cc": .cc,
        "onderwerp": .subject, "subject": .subject, "betreff": .subject, "objet": .subject,
    ]

    private static let separatorWords = ["oorspronkelijk bericht", "original message", "forwarded message", "doorgestuurd bericht",
                                         "origineel bericht", "weitergeleitete nachricht", "message transféré"]

    private static func isSeparator(_ line: String) -> Bool {
        if line == "begin doorgestuurd bericht:" || line == "begin forwarded message:" { return true }
        if line.count >= 20, line.allSatisfy({ $0 == "_" }) { return true }
        return line.hasPrefix("---") && separatorWords.contains { line.contains($0) }
    }

    private static func label(of line: String) -> Label? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        return labels[line[..<colon].trimmingCharacters(in: .whitespaces)]
    }

    private static func blockHasDateOrSubject(_ lines: [String], from index: Int) -> Bool {
        lines[(index + 1)..<min(lines.count, index + 6)].contains { line in
            let found = label(of: clean(unquote(line).line))
            return found == .date || found == .subject
        }
    }

    /// Reads the header block from `start` (blank lines before it skipped) and the body below it.
    private static func block(_ lines: [String], from start: Int, timeZone: TimeZone)
        -> (name: String?, address: String?, date: Date?, subject: String?, body: String)? {
        var index = start
        while index < lines.count, clean(unquote(lines[index]).line).isEmpty { index += 1 }
        // An iPhone quotes the whole forwarded message, header block included.
        let quoted = index < lines.count && unquote(lines[index]).quoted
        var fields: [(Label, String)] = []
        while index < lines.count {
            let line = unquote(lines[index]).line
            let lowered = clean(line)
            if lowered.isEmpty { break }
            if let found = label(of: lowered), let colon = line.firstIndex(of: ":") {
                fields.append((found, String(line[line.index(after: colon)...])))
            } else if let last = fields.popLast() {
                fields.append((last.0, last.1 + " " + line))  // a wrapped To or Cc list
            } else {
                return nil
            }
            index += 1
        }
        guard let from = fields.first(where: { $0.0 == .from })?.1 else { return nil }
        let sender = party(from)
        guard sender.address != nil || sender.name != nil else { return nil }
        var body = lines[index...].map { line -> String in
            guard quoted else { return line }
            let (text, wasQuoted) = unquote(line)
            return wasQuoted ? text : line
        }
        while body.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { body.removeFirst() }
        return (sender.name, sender.address, fields.first { $0.0 == .date }.flatMap { ForwardedDate.parse(stripped($0.1), timeZone: timeZone) },
                fields.first { $0.0 == .subject }.map { stripped($0.1) }, body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// "Sanne de Vries <sanne@…>", "Sanne de Vries [mailto:sanne@…]", "sanne@…", "*Sanne* <sanne@…>".
    static func party(_ value: String) -> (name: String?, address: String?) {
        let text = stripped(value).replacingOccurrences(of: "*", with: "")
        var address: String?
        var name = text
        if let open = text.firstIndex(where: { $0 == "<" || $0 == "[" }),
           let close = text[open...].firstIndex(where: { $0 == ">" || $0 == "]" }) {
            var inside = String(text[text.index(after: open)..<close])
            if inside.lowercased().hasPrefix("mailto:") { inside = String(inside.dropFirst(7)) }
            if inside.contains("@") { address = inside.trimmingCharacters(in: .whitespaces) }
            name = String(text[..<open])
        } else if let word = text.split(separator: " ").first(where: { $0.contains("@") }) {
            address = String(word)
            name = text.replacingOccurrences(of: String(word), with: "")
        }
        let cleanedName = name.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        return (cleanedName.isEmpty || cleanedName.contains("@") ? nil : cleanedName, address?.lowercased())
    }

    /// A line without one level of `>` quoting, and whether it had one.
    private static func unquote(_ line: String) -> (line: String, quoted: Bool) {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.first == ">" else { return (line, false) }
        let rest = trimmed.dropFirst()
        return (String(rest.first == " " ? rest.dropFirst() : rest), true)
    }

    /// Lower case, trimmed, without the `*bold*` marks HTML-to-text leaves around labels.
    private static func clean(_ line: String) -> String {
        line.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "\u{00A0}", with: " ")
            .trimmingCharacters(in: .whitespaces).lowercased()
    }

    private static func stripped(_ value: String) -> String {
        value.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces)
    }
}
