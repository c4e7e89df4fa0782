/// Bar charts as inline SVG: no scripts, no external files, printable.
enum SVGChart {
    /// Vertical bars, one per label (months).
    static func columns(title: String, labels: [String], values: [Int]) -> String {
        let width = 640, height = 220, left = 32, bottom = 28, top = 16
        let maximum = max(1, values.max() ?? 1)
        let slot = Double(width - left) / Double(max(1, values.count))
        var parts = [header(title: title, width: width, height: height)]
        parts.append(line(x1: left, y1: height - bottom, x2: width, y2: height - bottom))
        for (index, value) in values.enumerated() {
            let barHeight = Double(height - bottom - top) * Double(value) / Double(maximum)
            let x = Double(left) + slot * Double(index) + slot * 0.15
            let y = Double(height - bottom) - barHeight
            parts.append(#"<rect class="bar" x="\#(fmt(x))" y="\#(fmt(y))" width="\#(fmt(slot * 0.7))" height="\#(fmt(barHeight))"><title>\#(HTMLEscaping.escape(labels[index])): \#(value)</title></rect>"#)
            parts.append(text(x: x + slot * 0.35, y: Double(height - 10), anchor: "middle", labels[index]))
            parts.append(text(x: x + slot * 0.35, y: y - 3, anchor: "middle", "\(value)"))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// Horizontal bars, one per label (categories, locations), with this year and optionally the previous.
    static func bars(title: String, rows: [Comparison], currentLabel: String, previousLabel: String?) -> String {
        let labelWidth = 300, width = 640, rowHeight = previousLabel == nil ? 20 : 30, top = 8
        let height = top * 2 + rowHeight * max(1, rows.count) + (previousLabel == nil ? 0 : 18)
        let maximum = max(1, rows.map { max($0.current, $0.previous) }.max() ?? 1)
        let scale = Double(width - labelWidth - 40) / Double(maximum)
        var parts = [header(title: title, width: width, height: height)]
        for (index, row) in rows.enumerated() {
            let y = Double(top + index * rowHeight)
            parts.append(text(x: Double(labelWidth - 6), y: y + 13, anchor: "end", row.label))
            parts.append(#"<rect class="bar" x="\#(labelWidth)" y="\#(fmt(y + 2))" width="\#(fmt(Double(row.current) * scale))" height="12"><title>\#(HTMLEscaping.escape(row.label)) \#(HTMLEscaping.escape(currentLabel)): \#(row.current)</title></rect>"#)
            parts.append(text(x: Double(labelWidth) + Double(row.current) * scale + 4, y: y + 13, anchor: "start", "\(row.current)"))
            if let previousLabel {
                parts.append(#"<rect class="bar previous" x="\#(labelWidth)" y="\#(fmt(y + 15))" width="\#(fmt(Double(row.previous) * scale))" height="8"><title>\#(HTMLEscaping.escape(row.label)) \#(HTMLEscaping.escape(previousLabel)): \#(row.previous)</title></rect>"#)
            }
        }
        if let previousLabel {
            let y = Double(height - 12)
            parts.append(#"<rect class="bar" x="\#(labelWidth)" y="\#(fmt(y - 9))" width="10" height="10" />"#)
            parts.append(text(x: Double(labelWidth + 14), y: y, anchor: "start", currentLabel))
            parts.append(#"<rect class="bar previous" x="\#(labelWidth + 70)" y="\#(fmt(y - 9))" width="10" height="10" />"#)
            parts.append(text(x: Double(labelWidth + 84), y: y, anchor: "start", previousLabel))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func header(title: String, width: Int, height: Int) -> String {
        #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 \#(width) \#(height)" width="100%" aria-label="\#(HTMLEscaping.escape(title))"><title>\#(HTMLEscaping.escape(title))</title>"#
    }

    private static func line(x1: Int, y1: Int, x2: Int, y2: Int) -> String {
        #"<line x1="\#(x1)" y1="\#(y1)" x2="\#(x2)" y2="\#(y2)" class="axis" />"#
    }

    private static func text(x: Double, y: Double, anchor: String, _ value: String) -> String {
        #"<text x="\#(fmt(x))" y="\#(fmt(y))" text-anchor="\#(anchor)">\#(HTMLEscaping.escape(value))</text>"#
    }

    private static func fmt(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
