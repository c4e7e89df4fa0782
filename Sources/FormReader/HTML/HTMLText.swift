/// Renders HTML nodes as the text a reader sees: `<br>` and blocks become line breaks, list items
/// one per line, links their text (a `mailto:` link its address), whitespace collapsed and trimmed.
enum HTMLText {
    private static let blockElements: Set<String> = [
        "p", "div", "tr", "table", "tbody", "thead", "tfoot", "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer",
        "address", "center", "hr", "body",
    ]

    /// The visible text of `nodes`, lines trimmed, runs of blank lines kept as one.
    static func render(_ nodes: [HTMLNode]) -> String {
        var raw = ""
        for node in nodes { append(node, to: &raw) }
        return tidy(raw)
    }

    /// The visible text of one node.
    static func render(_ node: HTMLNode) -> String {
        render(node.children)
    }

    private static func append(_ node: HTMLNode, to output: inout String) {
        if node.isText {
            output += collapse(node.text)
            return
        }
        switch node.name {
        case "br":
            output += "\n"
        case "a":
            output += linkText(node)
        default:
            let isBlock = blockElements.contains(node.name) || node.name == "td" || node.name == "th"
            if isBlock { breakLine(&output) }
            for child in node.children { append(child, to: &output) }
            if isBlock { breakLine(&output) }
        }
    }

    /// Ends the current line at a block boundary; unlike `<br>`, boundaries in a row make one break.
    private static func breakLine(_ output: inout String) {
        let lastVisible = output.last(where: { $0 != " " })
        if lastVisible != nil, lastVisible != "\n" { output += "\n" }
    }

    /// A link's text; a `mailto:` link gives its address, an empty link its target.
    private static func linkText(_ link: HTMLNode) -> String {
        let href = (link.attributes["href"] ?? "").trimmingWhitespace()
        if href.lowercased().hasPrefix("mailto:") {
            var address = Substring(href.dropFirst("mailto:".count))
            if let query = address.firstIndex(of: "?") { address = address[..<query] }
            return (address.removingPercentEncodingIfValid()).trimmingWhitespace()
        }
        var text = ""
        for child in link.children { append(child, to: &text) }
        return text.trimmingWhitespace().isEmpty ? href : text
    }

    /// HTML whitespace, the non-breaking space included, as single spaces.
    private static func collapse(_ text: String) -> String {
        var output = ""
        var lastWasSpace = false
        for character in text {
            if character.isWhitespace {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
            } else {
                output.append(character)
                lastWasSpace = false
            }
        }
        return output
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
}

extension Substring {
    /// Percent-decodes an address from a URL, keeping the text when it is not valid percent-encoding.
    func removingPercentEncodingIfValid() -> String {
        guard contains("%") else { return String(self) }
        var bytes: [UInt8] = []
        var index = startIndex
        while index < endIndex {
            let character = self[index]
            if character == "%", let high = self.index(index, offsetBy: 2, limitedBy: endIndex), high < endIndex,
               let byte = UInt8(self[self.index(after: index)...high], radix: 16) {
                bytes.append(byte)
                index = self.index(after: high)
            } else {
                bytes.append(contentsOf: Array(String(character).utf8))
                index = self.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
