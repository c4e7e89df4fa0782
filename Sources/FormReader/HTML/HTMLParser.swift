import MailParser

/// Parses HTML as mail clients meet it: unclosed cells, rows and list items are closed implicitly,
/// comments, scripts and styles are dropped, and nothing is ever rejected.
enum HTMLParser {
    /// Elements that never have content.
    private static let voidElements: Set<String> = [
        "br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source",
    ]
    /// Open elements beyond this depth are flattened into their parent, so hostile nesting cannot
    /// exhaust the stack of the recursive readers.
    static let maximumDepth = 128
    /// Elements whose content is not text a reader sees.
    private static let skippedElements: Set<String> = ["script", "style", "title"]

    /// An open element while its children are collected.
    private struct OpenElement {
        var name: String
        var attributes: [String: String]
        var children: [HTMLNode] = []
    }

    /// Parses `html` into a root node named `#document`.
    static func parse(_ html: String) -> HTMLNode {
        var stack = [OpenElement(name: "#document", attributes: [:])]
        var scanner = HTMLScanner(html)
        while let token = scanner.next() {
            switch token {
            case .text(let text):
                stack[stack.count - 1].children.append(.textNode(HTMLEntities.decode(text)))
            case .start(let name, let attributes, let selfClosing):
                if skippedElements.contains(name) {
                    if !selfClosing { scanner.skip(pastClosing: name) }
                    continue
                }
                closeImplicitly(before: name, in: &stack)
                if voidElements.contains(name) || selfClosing || stack.count >= maximumDepth {
                    stack[stack.count - 1].children.append(.element(name, attributes: attributes))
                } else {
                    stack.append(OpenElement(name: name, attributes: attributes))
                }
            case .end(let name):
                guard stack.dropFirst().contains(where: { $0.name == name }) else { continue }
                while let top = stack.last, stack.count > 1 {
                    pop(&stack)
                    if top.name == name { break }
                }
            }
        }
        while stack.count > 1 { pop(&stack) }
        return .element("#document", children: stack[0].children)
    }

    /// Closes the innermost open element into its parent.
    private static func pop(_ stack: inout [OpenElement]) {
        let closed = stack.removeLast()
        stack[stack.count - 1].children.append(.element(closed.name, attributes: closed.attributes,
                                                        children: closed.children))
    }

    /// Closes what a new `name` element ends: a cell ends the previous cell, a row the previous row,
    /// a list item the previous item, a paragraph or block the open paragraph.
    private static func closeImplicitly(before name: String, in stack: inout [OpenElement]) {
        let (closes, boundary): (Set<String>, Set<String>)
        switch name {
        case "td", "th": (closes, boundary) = (["td", "th"], ["tr", "table"])
        case "tr": (closes, boundary) = (["tr"], ["table", "tbody", "thead", "tfoot"])
        case "tbody", "thead", "tfoot": (closes, boundary) = (["tbody", "thead", "tfoot"], ["table"])
        case "li": (closes, boundary) = (["li"], ["ul", "ol"])
        case "p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6":
            (closes, boundary) = (["p"], ["td", "th", "div", "li", "table"])
        default: return
        }
        guard let index = stack.lastIndex(where: { closes.contains($0.name) || boundary.contains($0.name) }),
              index > 0, closes.contains(stack[index].name) else { return }
        while stack.count > index { pop(&stack) }
    }
}

/// Splits HTML into start tags, end tags and text.
struct HTMLScanner {
    /// A piece of HTML.
    enum Token {
        case text(String)
        case start(String, [String: String], selfClosing: Bool)
        case end(String)
    }

    private let characters: [Character]
    private var position = 0

    /// Starts scanning `html` at its beginning.
    init(_ html: String) {
        characters = Array(html)
    }

    /// The next token, or nil at the end.
    mutating func next() -> Token? {
        while position < characters.count {
            if characters[position] == "<" {
                if let token = tag() { return token }
                continue
            }
            let start = position
            while position < characters.count, characters[position] != "<" { position += 1 }
            return .text(String(characters[start..<position]))
        }
        return nil
    }

    /// Moves past `</name>`, for elements whose content is skipped; when it never comes, nothing is
    /// skipped, so a stray `<title>` cannot hide the rest of the message.
    mutating func skip(pastClosing name: String) {
        let closing = Array("</\(name)")
        var cursor = position
        while cursor < characters.count {
            if characters[cursor] == "<", matches(closing, at: cursor) {
                position = indexAfterTagEnd(from: cursor)
                return
            }
            cursor += 1
        }
    }

    /// Reads a tag at `<`; comments and declarations yield nil and are consumed; a `<` that opens
    /// no tag is returned as text.
    private mutating func tag() -> Token? {
        let start = position
        if matches(Array("<!--"), at: start) {
            position = start + 4
            while position < characters.count, !matches(Array("-->"), at: position) { position += 1 }
            position = min(characters.count, position + 3)
            return nil
        }
        let afterBracket = start + 1
        guard afterBracket < characters.count else {
            position = characters.count
            return .text("<")
        }
        let first = characters[afterBracket]
        if first == "!" || first == "?" {
            position = indexAfterTagEnd(from: start)
            return nil
        }
        let isEnd = first == "/"
        var cursor = isEnd ? afterBracket + 1 : afterBracket
        guard cursor < characters.count, characters[cursor].isLetter else {
            position = afterBracket
            return .text("<")
        }
        let nameStart = cursor
        while cursor < characters.count, characters[cursor].isLetter || characters[cursor].isNumber
                || characters[cursor] == ":" || characters[cursor] == "-" { cursor += 1 }
        let name = String(characters[nameStart..<cursor]).lowercased()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while cursor < characters.count, characters[cursor] != ">" {
            let character = characters[cursor]
            if character == "/" {
                selfClosing = true
                cursor += 1
            } else if character.isWhitespace {
                cursor += 1
            } else {
                selfClosing = false
                let (attribute, value, end) = readAttribute(from: cursor)
                if !attribute.isEmpty, attributes[attribute] == nil { attributes[attribute] = value }
                cursor = max(end, cursor + 1)
            }
        }
        position = min(characters.count, cursor + 1)
        return isEnd ? .end(name) : .start(name, attributes, selfClosing: selfClosing)
    }

    /// Reads `name`, `name=value` or `name="value"`; returns the name, the decoded value and where it ended.
    private func readAttribute(from start: Int) -> (String, String, Int) {
        var cursor = start
        while cursor < characters.count, !characters[cursor].isWhitespace,
              !"=>/".contains(characters[cursor]) { cursor += 1 }
        let name = String(characters[start..<cursor]).lowercased()
        while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
        guard cursor < characters.count, characters[cursor] == "=" else { return (name, "", cursor) }
        cursor += 1
        while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
        guard cursor < characters.count else { return (name, "", cursor) }
        let quote = characters[cursor]
        if quote == "\"" || quote == "'" {
            let valueStart = cursor + 1
            var end = valueStart
            while end < characters.count, characters[end] != quote { end += 1 }
            let value = HTMLEntities.decode(String(characters[valueStart..<min(end, characters.count)]))
            return (name, value, end + 1)
        }
        let valueStart = cursor
        while cursor < characters.count, !characters[cursor].isWhitespace, characters[cursor] != ">" { cursor += 1 }
        return (name, HTMLEntities.decode(String(characters[valueStart..<cursor])), cursor)
    }

    /// The index after the `>` that ends the tag starting at `start`.
    private func indexAfterTagEnd(from start: Int) -> Int {
        var cursor = start
        while cursor < characters.count, characters[cursor] != ">" { cursor += 1 }
        return min(characters.count, cursor + 1)
    }

    /// Whether `pattern` occurs at `index`, ignoring case.
    private func matches(_ pattern: [Character], at index: Int) -> Bool {
        guard index + pattern.count <= characters.count else { return false }
        for offset in 0..<pattern.count
        where characters[index + offset].lowercased() != pattern[offset].lowercased() {
            return false
        }
        return true
    }
}
