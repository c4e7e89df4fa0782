import Foundation
import HexDigits

/// MIME header parameters (RFC 2045 §5.1) with RFC 2231 continuations and charsets, and the
/// common non-standard RFC 2047 words inside quoted values (`name="=?utf-8?B?...?="`).
struct ParameterList {
    /// Decoded parameter values keyed by lowercase name.
    private(set) var values: [String: String] = [:]

    subscript(name: String) -> String? { values[name.lowercasedFast()] }

    /// Parses the text after the first `;` of a Content-Type or Content-Disposition value.
    init(parsing text: Substring) {
        var simple: [String: String] = [:]
        var sections: [String: [(index: Int, encoded: Bool, value: String)]] = [:]
        for (rawName, rawValue, wasQuoted) in ParameterList.rawPairs(text) {
            var name = rawName.lowercasedFast()
            var encoded = false
            if name.hasSuffix("*") { encoded = true; name.removeLast() }
            if let star = name.lastIndex(of: "*"), let index = Int(name[name.index(after: star)...]) {
                let base = String(name[..<star])
                sections[base, default: []].append((index, encoded, rawValue))
                continue
            }
            if encoded {
                simple[name] = ParameterList.decodeExtended(rawValue)
            } else if simple[name] == nil {
                simple[name] = wasQuoted || rawValue.containsBytes("=?") ? EncodedWordDecoder.decode(rawValue) : rawValue
            }
        }
        for (name, parts) in sections {
            let ordered = parts.sorted { $0.index < $1.index }
            var charset: String?
            var bytes: [UInt8] = []
            for (position, part) in ordered.enumerated() {
                if part.encoded {
                    let decoded = ParameterList.decodeExtendedBytes(part.value, readCharset: position == 0)
                    if position == 0 { charset = decoded.charset }
                    bytes += decoded.bytes
                } else {
                    bytes += Array(part.value.utf8)
                }
            }
            let text = CharsetDecoder.decode(bytes, charset: charset ?? "utf-8").text
            simple[name] = text.containsBytes("=?") ? EncodedWordDecoder.decode(text) : text
        }
        values = simple
    }

    /// `name=value` pairs with quotes removed; tolerant of missing semicolons and stray spaces.
    /// It walks Unicode scalars: every delimiter is ASCII, and grapheme breaking per letter
    /// would cost more than the rest of the header parsing.
    private static func rawPairs(_ text: Substring) -> [(String, String, Bool)] {
        if let pairs = text.utf8.withContiguousStorageIfAvailable(asciiPairs), let pairs { return pairs }
        var pairs: [(String, String, Bool)] = []
        let characters = Array(text.unicodeScalars)
        var index = 0
        while index < characters.count {
            while index < characters.count && (characters[index] == ";" || characters[index].isUnicodeWhitespace) { index += 1 }
            var name = ""
            while index < characters.count && characters[index] != "=" && characters[index] != ";" {
                name.unicodeScalars.append(characters[index])
                index += 1
            }
            guard index < characters.count, characters[index] == "=" else { continue }
            index += 1
            while index < characters.count && characters[index].isUnicodeWhitespace { index += 1 }
            var value = ""
            var quoted = false
            if index < characters.count && characters[index] == "\"" {
                quoted = true
                index += 1
                while index < characters.count && characters[index] != "\"" {
                    if characters[index] == "\\" && index + 1 < characters.count { index += 1 }
                    value.unicodeScalars.append(characters[index])
                    index += 1
                }
                index += 1
            } else {
                while index < characters.count && characters[index] != ";" {
                    value.unicodeScalars.append(characters[index])
                    index += 1
                }
                value = value.trimmingSpaces()
            }
            let trimmedName = name.trimmingSpaces()
            if !trimmedName.isEmpty { pairs.append((trimmedName, value, quoted)) }
        }
        return pairs
    }

    /// `rawPairs` on bytes, for parameters of ASCII without line breaks (nearly all): there a
    /// byte is a scalar and a character, so the same walk needs no scalar array and no
    /// appends per letter. Nil for any other text, which takes the scalar walk.
    private static func asciiPairs(_ bytes: UnsafeBufferPointer<UInt8>) -> [(String, String, Bool)]? {
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0A || $0 == 0x0D }) else { return nil }
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        func trimmedSpaces(_ start: Int, _ end: Int) -> String {
            var start = start, end = end
            while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
            while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        let semicolon = UInt8(ascii: ";"), equals = UInt8(ascii: "="), quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var pairs: [(String, String, Bool)] = []
        let count = bytes.count
        var index = 0
        while index < count {
            while index < count && (bytes[index] == semicolon || isWhitespace(bytes[index])) { index += 1 }
            let nameStart = index
            while index < count && bytes[index] != equals && bytes[index] != semicolon { index += 1 }
            let nameEnd = index
            guard index < count, bytes[index] == equals else { continue }
            index += 1
            while index < count && isWhitespace(bytes[index]) { index += 1 }
            let value: String
            var quoted = false
            if index < count && bytes[index] == quote {
                quoted = true
                index += 1
                var unescaped: [UInt8] = []
                while index < count && bytes[index] != quote {
                    if bytes[index] == backslash && index + 1 < count { index += 1 }
                    unescaped.append(bytes[index])
                    index += 1
                }
                index += 1
                value = String(decoding: unescaped, as: UTF8.self)
            } else {
                let valueStart = index
                while index < count && bytes[index] != semicolon { index += 1 }
                value = trimmedSpaces(valueStart, index)
            }
            let trimmedName = trimmedSpaces(nameStart, nameEnd)
            if !trimmedName.isEmpty { pairs.append((trimmedName, value, quoted)) }
        }
        return pairs
    }

    /// RFC 2231 `charset'language'percent-encoded` value.
    private static func decodeExtended(_ value: String) -> String {
        let decoded = decodeExtendedBytes(value, readCharset: true)
        return CharsetDecoder.decode(decoded.bytes, charset: decoded.charset ?? "utf-8").text
    }

    private static func decodeExtendedBytes(_ value: String, readCharset: Bool) -> (bytes: [UInt8], charset: String?) {
        var payload = Substring(value)
        var charset: String?
        if readCharset {
            let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
            if pieces.count == 3 {
                charset = pieces[0].isEmpty ? nil : String(pieces[0])
                payload = pieces[2]
            }
        }
        var bytes: [UInt8] = []
        let utf8 = Array(payload.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = Hex.value(of: utf8[index + 1]),
               let low = Hex.value(of: utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return (bytes, charset)
    }
}
