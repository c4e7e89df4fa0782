/// Readable text from an HTML document: its tags scanned as bytes and fed to the one
/// `HTMLTextRenderer`; script, style and head are skipped unread, comments too.
///
/// It works on the UTF-8 bytes and writes bytes: HTML bodies are the largest texts the
/// parser sees (newsletters of a megabyte are common), and walking them by `Character`
/// costs a grapheme break check per letter.
public enum HTMLText {
    /// Elements whose content is not text a reader sees: skipped up to their closing tag
    /// without being scanned, since a script may hold any `<`.
    private static let droppedElements: Set<String> = ["script", "style", "head", "noscript", "template", "xml", "o:p"]
    /// Their first letters: most tags (a, span, font, td) are ruled out without hashing the name.
    private static let droppedInitials: [Bool] = (0...255).map { byte in droppedElements.contains { $0.utf8.first == UInt8(byte) } }

    /// The text of `html` in `layout`.
    public static func text(from html: String, layout: HTMLTextLayout = .message) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var renderer = HTMLTextRenderer(layout: layout)
            render(bytes, into: &renderer)
            return renderer.finish()
        }
    }

    private static func render(_ bytes: UnsafeBufferPointer<UInt8>, into renderer: inout HTMLTextRenderer) {
        var index = 0
        var textStart = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            renderer.text(bytes, textStart..<index)
            if HTMLBytes.matches(bytes, at: index, "<!--") {
                index = HTMLBytes.find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? count
                textStart = index
                continue
            }
            let tagStart = index
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
            if isEnd {
                renderer.endElement(name)
            } else {
                renderer.startElement(name) { name == "a" ? HTMLBytes.attribute("href", in: bytes, tagStart..<close) : nil }
            }
        }
        renderer.text(bytes, textStart..<count)
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
    /// The entity-decoded value of attribute `name` (lower case) in the tag `bytes[tag]`
    /// (from its `<` to before its `>`): quoted, or unquoted up to a space; nil when absent.
    static func attribute(_ name: String, in bytes: UnsafeBufferPointer<UInt8>, _ tag: Range<Int>) -> String? {
        let wanted = Array(name.utf8)
        var index = tag.lowerBound + 1
        while index < tag.upperBound, !isSpace(bytes[index]) { index += 1 }  // past the element name
        while index < tag.upperBound {
            while index < tag.upperBound, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < tag.upperBound, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                  bytes[index] != UInt8(ascii: "/") { index += 1 }
            let isWanted = index - nameStart == wanted.count
                && zip(bytes[nameStart..<index], wanted).allSatisfy { $0.asciiLowercased == $1 }
            while index < tag.upperBound, isSpace(bytes[index]) { index += 1 }
            guard index < tag.upperBound, bytes[index] == UInt8(ascii: "=") else {
                if isWanted { return "" }
                if index == nameStart { index += 1 }
                continue
            }
            index += 1
            while index < tag.upperBound, isSpace(bytes[index]) { index += 1 }
            var valueStart = index
            var valueEnd: Int
            if index < tag.upperBound, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                valueStart = index + 1
                valueEnd = valueStart
                while valueEnd < tag.upperBound, bytes[valueEnd] != quote { valueEnd += 1 }
                index = min(valueEnd + 1, tag.upperBound)
            } else {
                valueEnd = index
                while valueEnd < tag.upperBound, !isSpace(bytes[valueEnd]) { valueEnd += 1 }
                index = valueEnd
            }
            if isWanted {
                return HTMLEntities.decode(String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self))
            }
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

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
