import Foundation

/// Readable text from an HTML body: block elements become line breaks, list items "- ",
/// script, style and head are dropped, entities decoded and whitespace collapsed.
enum HTMLText {
    private static let blockElements: Set<String> = [
        "p", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote",
        "pre", "hr", "section", "article", "header", "footer", "address", "center", "dl", "dt", "dd",
        "form", "fieldset", "tbody", "thead", "title", "nav", "aside", "main", "figure",
    ]
    private static let droppedElements: Set<String> = ["script", "style", "head", "noscript", "template", "xml", "o:p"]

    static func text(from html: String) -> String {
        var output = ""
        var pendingSpace = false
        let characters = Array(html.unicodeScalars)
        var index = 0
        var textStart = 0
        var quoteDepth = 0
        var preDepth = 0

        func emitText(_ end: Int) {
            guard end > textStart else { return }
            var raw = String.UnicodeScalarView()
            raw.append(contentsOf: characters[textStart..<end])
            let decoded = HTMLEntities.decode(Substring(String(raw)))
            for character in decoded {
                if preDepth > 0 {
                    // Preformatted text keeps its spaces and line breaks.
                    if character == "\n" || character == "\r\n" { output.append("\n"); continue }
                    startLineIfNeeded()
                    output.append(character)
                    continue
                }
                if character.isWhitespace && character != "\u{00A0}" {
                    pendingSpace = true
                } else {
                    if pendingSpace && !output.isEmpty && output.last != "\n" { output.append(" ") }
                    pendingSpace = false
                    startLineIfNeeded()
                    output.append(character == "\u{00A0}" ? " " : character)
                }
            }
        }

        /// Quoted history (`<blockquote>`) is marked with "> " like plain-text quoting, so
        /// reply extraction treats both alike.
        func startLineIfNeeded() {
            guard quoteDepth > 0, output.isEmpty || output.last == "\n" else { return }
            output += String(repeating: "> ", count: quoteDepth)
        }

        func newline(_ count: Int) {
            pendingSpace = false
            while output.last == " " { output.removeLast() }
            var trailing = 0
            for character in output.reversed() { if character == "\n" { trailing += 1 } else { break } }
            if output.isEmpty { return }
            for _ in trailing..<max(trailing, count) { output.append("\n") }
        }

        while index < characters.count {
            guard characters[index] == "<" else { index += 1; continue }
            emitText(index)
            if matches(characters, at: index, "<!--") {
                index = find(characters, "-->", from: index + 4).map { $0 + 3 } ?? characters.count
                textStart = index
                continue
            }
            let close = find(characters, ">", from: index + 1) ?? characters.count
            let (name, isEnd) = tagName(characters, from: index + 1, to: close)
            index = min(close + 1, characters.count)
            textStart = index
            if !isEnd && droppedElements.contains(name) {
                // Without a closing tag the element is ignored rather than swallowing the rest.
                index = find(characters, "</" + name, from: index, caseInsensitive: true)
                    .flatMap { find(characters, ">", from: $0) }.map { $0 + 1 } ?? index
                textStart = index
                continue
            }
            switch name {
            case "br": newline(1)
            case "li":
                newline(1)
                if !isEnd { startLineIfNeeded(); output += "- " }
            case "blockquote":
                newline(2)
                quoteDepth = max(0, quoteDepth + (isEnd ? -1 : 1))
            case "td", "th": if isEnd { pendingSpace = true }
            case "pre":
                newline(1)
                preDepth = max(0, preDepth + (isEnd ? -1 : 1))
            case "p", "h1", "h2", "h3", "h4", "h5", "h6", "table": newline(2)
            default: if blockElements.contains(name) { newline(1) }
            }
        }
        emitText(characters.count)
        return tidy(output)
    }

    /// Trims line ends (starts carry only preformatted indentation) and limits blank lines to one.
    private static func tidy(_ text: String) -> String {
        var lines: [String] = []
        var blank = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            if trimmed.isEmpty {
                blank += 1
                if blank > 1 || lines.isEmpty { continue }
            } else {
                blank = 0
            }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static func tagName(_ characters: [Unicode.Scalar], from start: Int, to end: Int) -> (String, Bool) {
        var index = start
        var isEnd = false
        if index < end && characters[index] == "/" { isEnd = true; index += 1 }
        var name = ""
        while index < end {
            let scalar = characters[index]
            if scalar == " " || scalar == "/" || scalar == "\t" || scalar == "\n" || scalar == "\r" { break }
            name.unicodeScalars.append(scalar)
            index += 1
        }
        return (name.lowercased(), isEnd)
    }

    private static func matches(_ characters: [Unicode.Scalar], at index: Int, _ literal: String) -> Bool {
        let scalars = Array(literal.unicodeScalars)
        guard index + scalars.count <= characters.count else { return false }
        for offset in 0..<scalars.count where characters[index + offset] != scalars[offset] { return false }
        return true
    }

    private static func find(_ characters: [Unicode.Scalar], _ literal: String, from start: Int,
                             caseInsensitive: Bool = false) -> Int? {
        let scalars = Array((caseInsensitive ? literal.lowercased() : literal).unicodeScalars)
        guard let first = scalars.first, start < characters.count else { return nil }
        var index = start
        while index + scalars.count <= characters.count {
            let scalar = caseInsensitive ? lower(characters[index]) : characters[index]
            if scalar == first {
                var matched = true
                for offset in 1..<scalars.count {
                    let candidate = caseInsensitive ? lower(characters[index + offset]) : characters[index + offset]
                    if candidate != scalars[offset] { matched = false; break }
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (scalar.value >= 0x41 && scalar.value <= 0x5A) ? Unicode.Scalar(scalar.value + 0x20) ?? scalar : scalar
    }
}
