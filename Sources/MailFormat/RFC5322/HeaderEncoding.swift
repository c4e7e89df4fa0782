import Foundation

/// Header values we write: one line, RFC 2047 words where not ASCII, folded under 78 columns.
package enum HeaderEncoding {
    /// No CR, LF or other control character ever reaches a header from a value.
    package static func singleLine(_ value: String) -> String {
        String(value.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    }

    package static func mailbox(name: String, address: String) -> String {
        let clean = singleLine(name)
        if clean.isEmpty { return address }
        if clean.unicodeScalars.allSatisfy({ $0.isASCII }) {
            let escaped = clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(address)>"
        }
        return encodedWords(clean) + " <\(address)>"
    }

    /// ASCII text as it is; anything else as `=?UTF-8?B?...?=` words of at most 45 bytes each,
    /// never splitting a character between words.
    package static func encodedWords(_ value: String) -> String {
        if value.unicodeScalars.allSatisfy({ $0.isASCII }) { return value }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in value {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: " ")
    }

    /// Folds a header line at spaces so no line passes 78 characters where that is possible.
    package static func fold(_ line: String) -> String {
        guard line.count > 78 else { return line }
        var out = ""
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count > 78 {
                out += current + "\r\n"
                current = " " + word
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        return out + current
    }
}

/// Quoted-printable (RFC 2045 6.7) for UTF-8 text bodies, lines of at most 76 characters, CRLF.
package enum QuotedPrintable {
    private static let hex = Array("0123456789ABCDEF".utf8)

    package static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var line: [UInt8] = []
        var previousWasCR = false
        for byte in text.utf8 {
            switch byte {
            case 0x0D:
                encodeLine(line, into: &out)
                line.removeAll(keepingCapacity: true)
                previousWasCR = true
                continue
            case 0x0A:
                if !previousWasCR { encodeLine(line, into: &out); line.removeAll(keepingCapacity: true) }
            default:
                line.append(byte)
            }
            previousWasCR = false
        }
        if !line.isEmpty || !(text.utf8.last == 0x0A || text.utf8.last == 0x0D) { encodeLine(line, into: &out) }
        return out
    }

    /// One text line as encoded lines, each ending in CRLF, soft breaks (`=`) where needed.
    private static func encodeLine(_ bytes: [UInt8], into out: inout [UInt8]) {
        var column = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 0x20 || byte == 0x09) && !isLast)
            // A leading dot is encoded so no SMTP server ever sees a lone "." line.
            let encoded = !literal || (column == 0 && byte == UInt8(ascii: "."))
            let width = encoded ? 3 : 1
            if column + width > 75 {
                out += [UInt8(ascii: "="), 13, 10]
                column = 0
            }
            if encoded {
                out += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                out.append(byte)
            }
            column += width
        }
        out += [13, 10]
    }
}
