import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Line boundaries in raw message bytes; mail arrives with CRLF, bare LF or bare CR endings.
struct ByteLine {
    /// Where the line's content starts.
    var start: Int
    /// Where the content ends, before the line ending.
    var contentEnd: Int
    /// Where the next line starts, after the line ending.
    var next: Int
}

enum ByteLines {
    /// The line starting at `start`, ending at the first CR, LF or CRLF before `end`.
    static func line(in bytes: [UInt8], from start: Int, to end: Int) -> ByteLine {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A { return ByteLine(start: start, contentEnd: index, next: index + 1) }
            if byte == 0x0D {
                let next = (index + 1 < end && bytes[index + 1] == 0x0A) ? index + 2 : index + 1
                return ByteLine(start: start, contentEnd: index, next: next)
            }
            index += 1
        }
        return ByteLine(start: start, contentEnd: end, next: end)
    }

    /// Text with every CRLF or bare CR turned into LF, so later stages see one line ending.
    static func normalizedNewlines(_ text: String) -> String {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            guard let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) != nil else { return text }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var previousWasCR = false
            for byte in bytes {
                if byte == 0x0A && previousWasCR { previousWasCR = false; continue }
                previousWasCR = byte == 0x0D
                output.append(previousWasCR ? 0x0A : byte)
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}

extension UInt8 {
    /// Space or horizontal tab, the folding whitespace of RFC 5322.
    var isWhitespace: Bool { self == 0x20 || self == 0x09 }
    /// The byte lowercased when it is an ASCII capital.
    var asciiLowercased: UInt8 { (self >= 0x41 && self <= 0x5A) ? self + 0x20 : self }
}

enum ByteText {
    /// ASCII-case-insensitive comparison of a byte range with a lowercase ASCII literal.
    static func hasPrefix(_ bytes: [UInt8], at start: Int, end: Int, lowercase prefix: [UInt8]) -> Bool {
        guard end - start >= prefix.count else { return false }
        for (offset, expected) in prefix.enumerated() where bytes[start + offset].asciiLowercased != expected {
            return false
        }
        return true
    }

    /// Bytes read as UTF-8 when valid, else as windows-1252, because raw 8-bit headers come in both.
    static func bestEffortString<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
        return Windows1252.decode(Array(bytes))
    }
}
