import MailTemplates

/// Escaping for HTML and SVG text and attributes; the output stays well-formed XML.
enum HTMLEscaping {
    /// The one HTML escaper, shared with the mail templates.
    static func escape(_ text: String) -> String { TemplateEscaping.html.escape(text) }

    /// An organisation's text: blank lines separate paragraphs, lines starting with "- " make a list.
    static func paragraphs(_ text: String) -> String {
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingWhitespaceForReport() }.filter { !$0.isEmpty }
        return blocks.map { block in
            let lines = block.split(separator: "\n").map(String.init)
            if lines.allSatisfy({ $0.hasPrefix("- ") }) {
                return "<ul>" + lines.map { "<li>\(escape(String($0.dropFirst(2))))</li>" }.joined() + "</ul>"
            }
            if block.hasPrefix("#") {
                return "<h3>\(escape(String(block.drop { $0 == "#" || $0 == " " })))</h3>"
            }
            return "<p>\(escape(lines.joined(separator: " ")))</p>"
        }.joined(separator: "\n")
    }
}

extension String {
    func trimmingWhitespaceForReport() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
