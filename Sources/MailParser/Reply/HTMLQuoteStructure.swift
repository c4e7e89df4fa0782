#if canImport(Glibc)
import Glibc
#endif

/// Quoted history in an HTML reply, found by the elements mail clients wrap it in, whatever
/// language the client speaks.
///
/// - Outlook (web, new and Microsoft 365): `<div id="divRplyFwdMsg">` above the quoted header
///   block, `<div id="appendonsend">`, and Outlook.com's `<hr id="stopSpelling">`;
/// - Outlook desktop: the separator `<div style="border:none;border-top:solid #E1E1E1 1.0pt;…">`;
/// - Gmail: `class="gmail_quote"` on a div or blockquote (the attribution line is inside);
/// - Apple Mail and Thunderbird: `<blockquote type="cite">`, Thunderbird's `moz-cite-prefix`;
/// - Yahoo: `yahoo_quoted`.
///
/// Outlook puts its history below the new text, to the end: the body is cut there. The others
/// are removed element by element, so a reply written between quotes keeps its text.
enum HTMLQuoteStructure {
    /// The HTML without its quoted history; nil when no such element is found.
    static func withoutHistory(_ html: String) -> String? {
        // Most HTML bodies (newsletters, forms, first complaints) have none of the markers: one
        // look each, in the string's own bytes, before any copy.
        var html = html
        let hasMarker = html.withUTF8 { haystack in markerBytes.contains { containsIgnoringCase(haystack, $0) } }
        guard hasMarker else { return nil }
        var bytes = Array(html.utf8)
        var found = false
        if let cut = firstCut(bytes) {
            bytes.removeSubrange(cut...)
            found = true
        }
        var position = 0
        while let start = nextTag(bytes, from: position) {
            let close = tagEnd(bytes, from: start.lowerBound) ?? bytes.count
            let tag = lowered(bytes[start.lowerBound..<min(close + 1, bytes.count)])
            if isQuoteElement(tag), let name = elementName(tag) {
                let end = elementEnd(bytes, name: name, from: min(close + 1, bytes.count))
                bytes.removeSubrange(start.lowerBound..<end)
                found = true
                position = start.lowerBound
            } else {
                position = min(close + 1, bytes.count)
            }
        }
        return found ? String(decoding: bytes, as: UTF8.self) : nil
    }

    private static let markers = ["divrplyfwdmsg", "appendonsend", "stopspelling", "border-top", "gmail_quote", "cite",
                                  "yahoo_quoted"]

    private static let markerBytes = markers.map { Array($0.utf8) }

    /// Whether the lower-case ASCII `needle` (starting with a letter) occurs in `haystack`,
    /// ignoring ASCII case: `memchr` finds the first letter in either case.
    private static func containsIgnoringCase(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let base = haystack.baseAddress, let first = needle.first, haystack.count >= needle.count else { return false }
        let end = base + haystack.count
        for initial in [first, first & ~0x20] {
            var start = base
            while end - start >= needle.count {
                guard let hit = memchr(start, Int32(initial), end - start - needle.count + 1) else { break }
                let candidate = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                var offset = 1
                while offset < needle.count && candidate[offset].asciiLowercased == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
                start = candidate + 1
            }
        }
        return false
    }

    private static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ">") { return index }
            index += 1
        }
        return nil
    }

    /// Where Outlook's history begins: the start of the first marker tag.
    private static func firstCut(_ bytes: [UInt8]) -> Int? {
        var position = 0
        while let start = nextTag(bytes, from: position) {
            let close = tagEnd(bytes, from: start.lowerBound) ?? bytes.count
            let tag = lowered(bytes[start.lowerBound..<min(close + 1, bytes.count)])
            if isOutlookMarker(tag) { return start.lowerBound }
            position = min(close + 1, bytes.count)
        }
        return nil
    }

    private static func isOutlookMarker(_ tag: String) -> Bool {
        if tag.contains("divrplyfwdmsg") || tag.contains("appendonsend") || (tag.hasPrefix("<hr") && tag.contains("stopspelling")) {
            return true
        }
        // Outlook desktop's separator above the header block; the border colour varies by version.
        let compact = tag.filter { $0 != " " && $0 != "\n" && $0 != "\t" }
        return tag.hasPrefix("<div") && compact.contains("border:none") && compact.contains("border-top:solid")
            && compact.contains("padding:3.0pt0")
    }

    private static func isQuoteElement(_ tag: String) -> Bool {
        if tag.hasPrefix("<blockquote") && (tag.contains("type=\"cite\"") || tag.contains("type='cite'") || tag.contains("type=cite")) {
            return true
        }
        return ["gmail_quote", "moz-cite-prefix", "yahoo_quoted"].contains { marker in
            tag.contains("class=") && tag.contains(marker)
        }
    }

    /// The next `<name` start tag (not an end tag, comment or declaration) at or after `from`.
    private static func nextTag(_ bytes: [UInt8], from: Int) -> Range<Int>? {
        var index = from
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), isLetter(bytes[index + 1]) { return index..<(index + 1) }
            index += 1
        }
        return nil
    }

    private static func elementName(_ tag: String) -> String? {
        let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }
        return name.isEmpty ? nil : String(name)
    }

    /// The index after the end tag that closes the element opened before `from`, counting
    /// nested elements of the same name; the end of the body when it is never closed.
    private static func elementEnd(_ bytes: [UInt8], name: String, from: Int) -> Int {
        let open = Array("<" + name), closing = Array("</" + name)
        var depth = 1
        var index = from
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if matchesTagName(bytes, at: index, closing) {
                depth -= 1
                let close = tagEnd(bytes, from: index) ?? (bytes.count - 1)
                if depth == 0 { return close + 1 }
                index = close + 1
                continue
            }
            if matchesTagName(bytes, at: index, open) { depth += 1 }
            index += 1
        }
        return bytes.count
    }

    private static func matchesTagName(_ bytes: [UInt8], at index: Int, _ pattern: [Character]) -> Bool {
        let utf8 = Array(String(pattern).utf8)
        guard index + utf8.count < bytes.count else { return false }
        for (offset, byte) in utf8.enumerated() where bytes[index + offset].asciiLowercased != byte { return false }
        let after = bytes[index + utf8.count]
        return !isLetter(after) && !(after >= 0x30 && after <= 0x39)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static func lowered(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix(2000).map(\.asciiLowercased), as: UTF8.self)
    }
}
