import MailParser

/// Line handling shared by the text layouts.
enum TextLines {
    /// The lines of `text`, whatever its line endings.
    static func split(_ text: String) -> [String] {
        text.replacingLineEndings().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The lines before a mail signature separator (`-- `), which starts the plugins' footers.
    static func beforeSignature(_ lines: [String]) -> [String] {
        guard let separator = lines.firstIndex(where: { $0 == "-- " || $0 == "--" }) else { return lines }
        return Array(lines[..<separator])
    }

    /// A field value from its lines: each line trimmed, blank lines at either end dropped, runs of
    /// blank lines inside kept as one, and a placeholder for an empty field read as empty.
    static func value(_ lines: [String]) -> String {
        let text = tidy(lines.joined(separator: "\n"))
        return isPlaceholderForEmpty(text) ? "" : text
    }

    /// Trims each line, drops leading and trailing blank lines and keeps at most one blank line in a row.
    static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// What WPForms writes for a field left empty when empty fields are shown, in English and Dutch.
    private static let emptyMarkers: Set<String> = ["(empty)", "(leeg)"]

    /// Whether `text` stands for an empty field: a literal unfilled tag such as `[your-phone]`, or `(empty)`.
    static func isPlaceholderForEmpty(_ text: String) -> Bool {
        isUnfilledTag(text) || emptyMarkers.contains(text.lowercased())
    }

    /// Whether `text` is a Contact Form 7 tag left in the mail because its field was empty.
    static func isUnfilledTag(_ text: String) -> Bool {
        guard text.count > 2, text.first == "[", text.last == "]" else { return false }
        return text.dropFirst().dropLast().allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// A label as shown, without surrounding whitespace or a trailing colon.
    static func label(_ text: String) -> String {
        var label = text.trimmingWhitespace()
        while label.hasSuffix(":") { label = String(label.dropLast()).trimmingWhitespace() }
        return label
    }
}

extension String {
    /// The string with CRLF and lone CR turned into LF.
    func replacingLineEndings() -> String {
        guard contains("\r") else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
