import MailParser

/// Reads WPForms' plain-text `{all_fields}`: each field is a `--- Label ---` line, a blank line and the value.
enum DashedHeadingText {
    /// The label of a `--- Label ---` line.
    static func heading(_ line: String) -> String? {
        let trimmed = line.trimmingWhitespace()
        guard trimmed.count > 8, trimmed.hasPrefix("--- "), trimmed.hasSuffix(" ---") else { return nil }
        let label = trimmed.dropFirst(4).dropLast(4).trimmingWhitespace()
        return label.isEmpty || label.hasPrefix("-") ? nil : label
    }

    /// How many heading lines `text` has.
    static func headingCount(in text: String) -> Int {
        TextLines.split(text).filter { heading($0) != nil }.count
    }

    /// The fields in `text`, in order.
    static func fields(in text: String) -> [FormField] {
        var fields: [FormField] = []
        var label: String?
        var lines: [String] = []
        func finish() {
            if let label { fields.append(FormField(label: TextLines.label(label), value: TextLines.value(lines))) }
        }
        for line in TextLines.split(text) {
            if let newLabel = heading(line) {
                finish()
                label = newLabel
                lines = []
            } else if label != nil {
                lines.append(line)
            }
        }
        finish()
        return fields
    }
}
