import MailParser

/// Reads fields from the tables form plugins mail: a label row followed by a value row (Gravity Forms,
/// WPForms classic), a label cell beside a value cell (Ninja Forms, WPForms compact), or one cell
/// holding a bold label, a line break and the value (WPForms legacy). WPForms wraps the notification's
/// own text in `smart-tag` rows; a `Label: value` line there is a field too.
enum HTMLTableFields {
    /// The fields in the innermost table rows of `document`, in order.
    static func fields(in document: HTMLNode) -> [FormField] {
        var fields: [FormField] = []
        var pendingLabel: String?
        for row in leafRows(of: document) {
            if row.hasClass("smart-tag") {
                flush(&pendingLabel, into: &fields)
                fields += smartTagFields(row)
                continue
            }
            let allCells = cellsOf(row)
            let cells = allCells.map { (node: $0, text: $0.visibleText) }.filter { !$0.text.isEmpty }
            if cells.count >= 2 {
                flush(&pendingLabel, into: &fields)
                let value = cells.dropFirst().map(\.text).joined(separator: "\n")
                fields.append(field(label: cells[0].text, value: value))
                continue
            }
            guard let cell = cells.first else { continue }
            if isMarkedLabelRow(row, cell: cell.node) {
                flush(&pendingLabel, into: &fields)
                pendingLabel = cell.text
            } else if let label = pendingLabel {
                fields.append(field(label: label, value: cell.text))
                pendingLabel = nil
            } else if allCells.count >= 2, allCells[0].visibleText == cell.text {
                fields.append(field(label: cell.text, value: ""))
            } else if isBoldOnly(cell.node, text: cell.text) {
                pendingLabel = cell.text
            } else if let (label, value) = boldLabelThenValue(cell.node, text: cell.text) {
                fields.append(field(label: label, value: value))
            }
        }
        flush(&pendingLabel, into: &fields)
        return fields
    }

    /// Rows that hold no nested table; layout tables around the fields are looked through.
    static func leafRows(of node: HTMLNode) -> [HTMLNode] {
        var rows: [HTMLNode] = []
        for row in node.elements(named: "tr") {
            let nested = row.elements(named: "table")
            if nested.isEmpty {
                rows.append(row)
            } else {
                rows += nested.flatMap(leafRows(of:))
            }
        }
        return rows
    }

    /// The `td` and `th` cells of a row, in order.
    static func cellsOf(_ row: HTMLNode) -> [HTMLNode] {
        row.elementChildren.flatMap { child -> [HTMLNode] in
            child.name == "td" || child.name == "th" ? [child] : cellsOf(child)
        }
    }

    /// A field with a tidy label and an unfilled tag read as empty.
    private static func field(label: String, value: String) -> FormField {
        FormField(label: TextLines.label(label), value: TextLines.isPlaceholderForEmpty(value) ? "" : value)
    }

    /// A label row without a value row after it was a field left empty.
    private static func flush(_ pendingLabel: inout String?, into fields: inout [FormField]) {
        if let label = pendingLabel { fields.append(FormField(label: TextLines.label(label), value: "")) }
        pendingLabel = nil
    }

    /// A row the plugin marks as a label: Gravity Forms' shaded row or WPForms' `field-name` cell.
    private static func isMarkedLabelRow(_ row: HTMLNode, cell: HTMLNode) -> Bool {
        row.attribute("bgcolor") == "#eaf2fa" || (cell.hasClass("field-name") && !cell.hasClass("field-value"))
    }

    /// The `Label: value` lines of a WPForms `smart-tag` row, which holds the notification's own text.
    private static func smartTagFields(_ row: HTMLNode) -> [FormField] {
        TextLines.split(row.visibleText).compactMap { line in
            LabelValueText.splitLabel(line).map { field(label: $0.0, value: $0.1.trimmingWhitespace()) }
        }
    }

    /// A one-line cell whose whole text is bold, read as a label when no label is waiting for its value.
    private static func isBoldOnly(_ cell: HTMLNode, text: String) -> Bool {
        guard !text.contains("\n"), text.count <= LabelValueText.maximumLabelLength * 2 else { return false }
        return boldText(cell) == text
    }

    /// WPForms' legacy cell `<strong>Label</strong><br/>value`.
    private static func boldLabelThenValue(_ cell: HTMLNode, text: String) -> (String, String)? {
        guard let bold = firstBold(in: cell) else { return nil }
        let label = bold.visibleText
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard !label.isEmpty, lines.count >= 2, lines[0] == Substring(label) else { return nil }
        lines.removeFirst()
        return (label, TextLines.tidy(lines.joined(separator: "\n")))
    }

    /// The text of the bold elements in `node`.
    private static func boldText(_ node: HTMLNode) -> String {
        HTMLNode.visibleText(of: node.elements(named: "strong") + node.elements(named: "b"))
    }

    /// The first bold element in `node`, depth first.
    private static func firstBold(in node: HTMLNode) -> HTMLNode? {
        for child in node.elementChildren {
            if child.name == "strong" || child.name == "b" { return child }
            if let found = firstBold(in: child) { return found }
        }
        return nil
    }
}
