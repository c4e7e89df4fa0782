/// Readable text from an HTML body: block elements become line breaks, list items "- ",
/// script, style and head are dropped, entities decoded and whitespace collapsed.
///
/// It works on the UTF-8 bytes and writes bytes: HTML bodies are the largest texts the
/// parser sees (newsletters of a megabyte are common), and walking them by `Character`
/// costs a grapheme break check per letter.
enum HTMLText {
    private static let blockElements: Set<String> = [
        "p", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote",
        "pre", "hr", "section", "article", "header", "footer", "address", "center", "dl", "dt", "dd",
        "form", "fieldset", "tbody", "thead", "title", "nav", "aside", "main", "figure",
    ]
    private static let droppedElements: Set<String> = ["script", "style", "head", "noscript", "template", "xml", "o:p"]
    /// Their first letters: most tags (a, span, font, td) are ruled out without hashing the name.
    private static let droppedInitials: [Bool] = (0...255).map { byte in droppedElements.contains { $0.utf8.first == UInt8(byte) } }

    static func text(from html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var writer = HTMLTextWriter()
            render(bytes, into: &writer)
            return writer.tidyText()
        }
    }

    private static func render(_ bytes: UnsafeBufferPointer<UInt8>, into writer: inout HTMLTextWriter) {
        var index = 0
        var textStart = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            writer.text(bytes, textStart..<index)
            if HTMLBytes.matches(bytes, at: index, "<!--") {
                index = HTMLBytes.find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? count
                textStart = index
                continue
            }
            let close = HTMLBytes.find(bytes, ">", from: index + 1) ?? count
            let (name, isEnd) = tagName(bytes, from: index + 1, to: close)
            index = min(close + 1, count)
            textStart = index
            if !isEnd, let initial = name.utf8.first, droppedInitials[Int(initial)], droppedElements.contains(name) {
                // Without a closing tag the element is ignored rather than swallowing the rest.
                index = HTMLBytes.find(bytes, "</" + name, from: index, caseInsensitive: true)
                    .flatMap { HTMLBytes.find(bytes, ">", from: $0) }.map { $0 + 1 } ?? index
                textStart = index
                continue
            }
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
            case "p", "h1", "h2", "h3", "h4", "h5", "h6", "table": writer.newline(2)
            default: if blockElements.contains(name) { writer.newline(1) }
            }
        }
        writer.text(bytes, textStart..<count)
    }

    /// The lower-cased element name, or "" for names too long to be one we know (which
    /// keeps the name a small string, without an allocation per tag).
    private static func tagName(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (String, Bool) {
        var index = start
        var isEnd = false
        if index < end && bytes[index] == UInt8(ascii: "/") { isEnd = true; index += 1 }
        let nameStart = index
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || byte == UInt8(ascii: "/") || byte == 0x09 || byte == 0x0A || byte == 0x0D { break }
            if index - nameStart == 12 { return ("", isEnd) }
            index += 1
        }
        // Written straight into the (small) string, without an array per tag.
        let name = String(unsafeUninitializedCapacity: index - nameStart) { output in
            for offset in 0..<(index - nameStart) { output[offset] = bytes[nameStart + offset].asciiLowercased }
            return index - nameStart
        }
        return (name, isEnd)
    }
}

/// Byte searches in an HTML body.
enum HTMLBytes {
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let pattern = literal.utf8Start
        for offset in 0..<length where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: String, from start: Int,
                     caseInsensitive: Bool = false) -> Int? {
        guard start < bytes.count else { return nil }
        guard caseInsensitive else {
            var literal = literal
            return literal.withUTF8 { ByteSearch.firstIndex(of: $0, in: UnsafeBufferPointer(rebasing: bytes[start...])) }.map { $0 + start }
        }
        let pattern = Array(literal.lowercased().utf8)
        guard let first = pattern.first else { return nil }
        var index = start
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index].asciiLowercased == first {
                var matched = true
                for offset in 1..<pattern.count {
                    if bytes[index + offset].asciiLowercased != pattern[offset] { matched = false; break }
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
