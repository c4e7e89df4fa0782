import MailParser

/// Reads `Label: value` text: a label starts a line, the value follows on that line and on every
/// following line that does not start a new label; text before the first label is ignored.
/// Inside a message a line such as `Opmerking: zie hieronder` stays part of it when it directly follows
/// a line of the message (or the bare `Bericht:` label) and its label is not a known one.
enum LabelValueText {
    /// Labels longer than this are sentences that happen to contain a colon.
    static let maximumLabelLength = 40
    /// Words before a colon that start a URL or address, not a label.
    private static let schemes: Set<String> = ["http", "https", "ftp", "mailto", "tel", "www"]

    /// The fields in `text`, in order.
    static func fields(in text: String, vocabulary: LabelVocabulary) -> [FormField] {
        var fields: [FormField] = []
        var label: String?
        var lines: [String] = []
        func finish() {
            if let label { fields.append(FormField(label: label, value: TextLines.value(lines))) }
        }
        for line in TextLines.beforeSignature(TextLines.split(text)) {
            if isSectionRule(line) {
                finish()
                label = nil
                continue
            }
            if let (newLabel, rest) = splitLabel(line),
               !continuesMessage(label, lines: lines, newLabel: newLabel, vocabulary: vocabulary) {
                finish()
                label = newLabel
                lines = [rest]
            } else if label != nil {
                lines.append(line)
            }
        }
        finish()
        return fields
    }

    /// Whether `line` is a rule such as Gravity Forms' 32 dashes before a section title, which ends the
    /// value above it; the section title after it is not part of any field.
    static func isSectionRule(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        return trimmed.count >= 8 && trimmed.allSatisfy { "-=_".contains($0) }
    }

    /// Whether a label-like line belongs to the message being read rather than starting a field.
    /// A blank line inside the message ends that protection, so `PS: ...` after a paragraph is a field.
    private static func continuesMessage(_ label: String?, lines: [String], newLabel: String,
                                         vocabulary: LabelVocabulary) -> Bool {
        guard let label, vocabulary.isMessage(label), !vocabulary.isKnown(newLabel),
              let previousLine = lines.last else { return false }
        return lines.count == 1 || !previousLine.trimmingWhitespace().isEmpty
    }

    /// Splits a line that starts with a label: short, starting with a letter, no URL scheme, and not
    /// the hour of a time such as `14:30`.
    static func splitLabel(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon].trimmingWhitespace()
        let rest = line[line.index(after: colon)...]
        guard let first = label.first, first.isLetter, label.count <= maximumLabelLength,
              !schemes.contains(label.lowercased()), !rest.hasPrefix("//"),
              !label.contains(where: { ",!;<>@\"[]{}".contains($0) }),
              label.split(separator: " ").count <= 6 else { return nil }
        if let last = label.last, last.isNumber, let next = rest.first, next.isNumber { return nil }
        return (TextLines.label(label), String(rest))
    }
}
