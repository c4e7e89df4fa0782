/// Reads `Label: value` text: a label starts a line, the value follows on that line and on every
/// following line that does not start a new label; text before the first label is ignored.
/// After a message label standing alone (`Bericht:`), the next line is always the message's first
/// line, even when it looks like a label (`Opmerking: zie hieronder`).
enum LabelValueText {
    /// Labels longer than this are sentences that happen to contain a colon.
    static let maximumLabelLength = 40
    /// Words before a colon that start a URL or address, not a label.
    private static let schemes: Set<String> = ["http", "https", "ftp", "mailto", "tel", "www"]

    /// The fields in `text`, in order; `messageLabels` holds the normalised labels of message fields.
    static func fields(in text: String, messageLabels: Set<String> = []) -> [FormField] {
        var fields: [FormField] = []
        var label: String?
        var lines: [String] = []
        func finish() {
            if let label { fields.append(FormField(label: label, value: TextLines.value(lines))) }
        }
        for line in TextLines.beforeSignature(TextLines.split(text)) {
            let opensMessage = lines.count == 1 && lines[0].trimmingWhitespace().isEmpty
                && label.map { messageLabels.contains(LabelKey.normalise($0)) } == true
            if !opensMessage, let (newLabel, rest) = splitLabel(line) {
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

    /// Splits a line that starts with a label: short, starting with a letter, no URL scheme, and not
    /// the hour of a time such as `14:30`.
    static func splitLabel(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon].trimmingWhitespace()
        let rest = line[line.index(after: colon)...]
        guard let first = label.first, first.isLetter, label.count <= maximumLabelLength,
              !schemes.contains(label.lowercased()), !rest.hasPrefix("//"),
              !label.contains(where: { ".,!;<>@\"[]{}".contains($0) }),
              label.split(separator: " ").count <= 6 else { return nil }
        if let last = label.last, last.isNumber, let next = rest.first, next.isNumber { return nil }
        return (TextLines.label(label), String(rest))
    }
}
