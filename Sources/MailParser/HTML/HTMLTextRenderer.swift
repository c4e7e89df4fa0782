import HexDigits

/// How HTML becomes text: the one set of element rules klachtd has. The parser's byte
/// scanner (`HTMLText`) and the form reader's tree walk both feed it, so a block, a line
/// break or a link means the same wherever HTML is read.
public enum HTMLTextLayout: Sendable {
    /// A message body as the plain-text version would say it: paragraphs, headings and
    /// tables apart by a blank line, list items with "- ", cells of a row side by side,
    /// quoted history (`<blockquote>`) marked with "> ", preformatted text kept as it is.
    case message
    /// The labels and values of a form notification: every block, cell and list item on a
    /// line of its own and `<br>` a line break of its own (two make a blank line); a
    /// `mailto:` link is its address (form plugins print the parent's address as a link
    /// whose text may be anything), an empty link its target; a no-break space is
    /// whitespace like any other, and lines are trimmed.
    case fields
}

/// Turns the elements and text of an HTML document, fed in document order, into text.
public struct HTMLTextRenderer {
    /// Elements that end the line before and after them. Cells and list items are lines in
    /// the `fields` layout; the `message` layout has rules of its own for them.
    private static let blockElements: Set<String> = [
        "p", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
        "pre", "hr", "section", "article", "header", "footer", "address", "center", "dl", "dt", "dd",
        "form", "fieldset", "tbody", "thead", "tfoot", "title", "nav", "aside", "main", "figure",
        "td", "th",
    ]
    /// Elements the `message` layout separates with a blank line.
    private static let paragraphElements: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "table"]

    public let layout: HTMLTextLayout
    private var writer = HTMLTextWriter()
    /// The links open in the `fields` layout, innermost last.
    private var openLinks: [OpenLink] = []

    /// A link whose text may be replaced by its target.
    private struct OpenLink {
        /// The address of a `mailto:` link, written in place of its text.
        var mailAddress: String?
        /// The target, written when the link shows no text.
        var target: String
        /// How much had been written when the link opened.
        var outputCountAtStart: Int
    }

    public init(layout: HTMLTextLayout) {
        self.layout = layout
        writer.collapsesNoBreakSpace = layout == .fields
    }

    /// An element opens. `href` is asked for only where the layout reads links.
    public mutating func startElement(_ name: String, href: () -> String?) {
        switch layout {
        case .message: messageTag(name, isEnd: false)
        case .fields:
            if name == "a" { openLink(href() ?? "") } else { fieldsTag(name, isEnd: false) }
        }
    }

    /// An element closes.
    public mutating func endElement(_ name: String) {
        switch layout {
        case .message: messageTag(name, isEnd: true)
        case .fields:
            if name == "a" { closeLink() } else { fieldsTag(name, isEnd: true) }
        }
    }

    /// Text whose entities are already decoded.
    public mutating func text(_ decoded: String) {
        guard openLinks.last?.mailAddress == nil else { return }
        writer.decodedText(decoded)
    }

    /// Text as it stands in the HTML, entities still in it.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard openLinks.last?.mailAddress == nil else { return }
        writer.text(bytes, range)
    }

    /// The text: lines trimmed at the end (at the start too in the `fields` layout, where
    /// no preformatted indentation is kept), no blank lines at either end, never two in a row.
    public func finish() -> String {
        writer.tidyText(trimmingLineStarts: layout == .fields)
    }

    private mutating func messageTag(_ name: String, isEnd: Bool) {
        switch name {
        case "br": writer.newline(1)
        case "li":
            writer.newline(1)
            if !isEnd { writer.startLineIfNeeded(); writer.append("- ") }
        case "blockquote":
            writer.newline(2)
            writer.quoteDepth = max(0, writer.quoteDepth + (isEnd ? -1 : 1))
        case "td", "th": if isEnd { writer.pendingSpace = true }
        case "pre":
            writer.newline(1)
            writer.preDepth = max(0, writer.preDepth + (isEnd ? -1 : 1))
        case "body": if !isEnd { writer.newline(1) }  // see `fieldsTag`
        default:
            if Self.paragraphElements.contains(name) {
                writer.newline(2)
            } else if Self.blockElements.contains(name) {
                writer.newline(1)
            }
        }
    }

    private mutating func fieldsTag(_ name: String, isEnd: Bool) {
        if name == "br" {
            if !isEnd { writer.lineBreak() }
        } else if name == "body" {
            // What stands before `<body>` (a head's stray text, an unclosed `<title>`) is not
            // the body's first line; text after `</body>` is, as browsers put it back there.
            if !isEnd { writer.newline(1) }
        } else if Self.blockElements.contains(name) {
            writer.newline(1)
        }
    }

    private mutating func openLink(_ target: String) {
        let target = target.trimmingWhitespace()
        var mailAddress: String?
        if target.utf8.count >= 7, target.prefix(7).lowercased() == "mailto:" {
            var address = Substring(target.dropFirst(7))
            if let query = address.firstIndex(of: "?") { address = address[..<query] }
            mailAddress = address.removingPercentEncodingIfValid().trimmingWhitespace()
        }
        // A link inside a mailto link writes nothing of its own.
        if openLinks.last?.mailAddress != nil { mailAddress = "" }
        if let mailAddress { writer.decodedText(mailAddress) }
        openLinks.append(OpenLink(mailAddress: mailAddress, target: target, outputCountAtStart: writer.output.count))
    }

    private mutating func closeLink() {
        guard let link = openLinks.popLast() else { return }
        if link.mailAddress == nil, !writer.hasVisibleText(since: link.outputCountAtStart) {
            writer.decodedText(link.target)
        }
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
            if character == "%", let last = self.index(index, offsetBy: 2, limitedBy: endIndex), last < endIndex,
               let high = self[self.index(after: index)].asciiValue.flatMap(Hex.value(of:)),
               let low = self[last].asciiValue.flatMap(Hex.value(of:)) {
                bytes.append(high << 4 | low)
                index = self.index(after: last)
            } else {
                bytes.append(contentsOf: Array(String(character).utf8))
                index = self.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
