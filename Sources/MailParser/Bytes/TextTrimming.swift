#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Trimming and searching in plain Swift on UTF-8: with Foundation imported, `contains`,
/// `trimmingCharacters` and `components(separatedBy:)` on strings go through NSString's
/// locale-aware UTF-16 code, which made them the parser's largest cost.
extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    package var trimmedWhitespace: Substring { trimmed(where: \.isUnicodeWhitespace) }

    /// The text without leading and trailing spaces and tabs (what Foundation calls
    /// `.whitespaces`: tab and the Unicode space separators), keeping line breaks.
    var trimmedSpaces: Substring { trimmed(where: \.isSpaceOrTab) }

    /// `trimmingCharacters(in: .whitespaces)` without Foundation.
    func trimmingSpaces() -> String { String(trimmedSpaces) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation (the no-break
    /// space included); the form reader trims with it too.
    package func trimmingWhitespace() -> String { String(trimmedWhitespace) }

    /// The text without leading and trailing spaces, tabs and the given ASCII characters.
    func trimmingSpaces(and characters: StaticString) -> String {
        let extra = UnsafeBufferPointer(start: characters.utf8Start, count: characters.utf8CodeUnitCount)
        return String(trimmed { $0.isSpaceOrTab || ($0.value < 0x80 && extra.contains(UInt8($0.value))) })
    }

    /// The text without leading and trailing scalars for which `isTrimmed` holds.
    package func trimmed(where isTrimmed: (Unicode.Scalar) -> Bool) -> Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return Substring(self[first...last])
    }

    /// The text without leading whitespace.
    var withoutLeadingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isUnicodeWhitespace }) else { return "" }
        return Substring(self[first...])
    }

    /// Whether the text has anything but whitespace; stops at the first visible character.
    var hasVisibleText: Bool { unicodeScalars.contains { !$0.isUnicodeWhitespace } }

    /// Whether `needle` occurs, compared as UTF-8 bytes (so without Unicode normalisation,
    /// which mail text compared with lower-cased ASCII markers never needs).
    func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { wanted in
            if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.contains($0, wanted) }) { return found }
            return Array(utf8).withUnsafeBufferPointer { ByteSearch.contains($0, wanted) }
        }
    }
}

extension StringProtocol {
    /// `lowercased()`; text of ASCII only (most header values and lines) is lower-cased on its
    /// bytes in one pass, which is what the Unicode mapping does for ASCII.
    func lowercasedFast() -> String {
        let ascii: String?? = utf8.withContiguousStorageIfAvailable { bytes in
            var high: UInt8 = 0
            for byte in bytes { high |= byte }
            guard high < 0x80 else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { output in
                for index in 0..<bytes.count { output[index] = bytes[index].asciiLowercased }
                return bytes.count
            }
        }
        if let ascii = ascii ?? nil { return ascii }
        // The same per-scalar mapping as `lowercased()` (which builds a String per scalar),
        // with ASCII scalars mapped on the spot: checked against it for every scalar to U+2FFFF.
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar.isASCII {
                output.append(UInt8(truncatingIfNeeded: scalar.value).asciiLowercased)
            } else {
                output.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// What Foundation's `contains` answers for a one-character ASCII needle, decided on bytes
    /// whenever that is certain: no such byte, or one with ASCII on both sides (then it is a
    /// character of its own). Only a match next to non-ASCII bytes, where a combining mark
    /// might join it, asks Foundation's locale-aware search.
    func containsCharacter(_ needle: Unicode.Scalar) -> Bool {
        let byte = UInt8(truncatingIfNeeded: needle.value)
        let verdict: Bool?? = utf8.withContiguousStorageIfAvailable { bytes in
            var undecided = false
            for index in bytes.indices where bytes[index] == byte {
                let before = index == 0 ? 0 : bytes[index - 1]
                let after = index + 1 == bytes.count ? 0 : bytes[index + 1]
                if before < 0x80 && after < 0x80 { return true }
                undecided = true
            }
            return undecided ? nil : false
        }
        if let known = verdict ?? nil { return known }
        return contains(String(needle))
    }
}

extension String {
    /// Whether the two are equal ignoring ASCII case, as header field names compare
    /// (RFC 5322 §1.2.2), without building lower-cased copies.
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        return zip(utf8, other.utf8).allSatisfy { $0.asciiLowercased == $1.asciiLowercased }
    }

    /// The lines of the text split at "\n" (a "\r" before it stays on the line); found
    /// with `memchr`, since every body passes through here on its way to reply extraction.
    var newlineSeparatedLines: [Substring] {
        var text = self
        let ends: [Int] = text.withUTF8 { bytes in
            var ends: [Int] = []
            guard let base = bytes.baseAddress else { return ends }
            var start = base
            let end = base + bytes.count
            while start < end, let hit = memchr(start, 0x0A, end - start) {
                let newline = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                ends.append(newline - base)
                start = newline + 1
            }
            return ends
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        var lineStart = utf8.startIndex
        var lineStartOffset = 0
        for offset in ends {
            let lineEnd = utf8.index(lineStart, offsetBy: offset - lineStartOffset)
            lines.append(Substring(utf8[lineStart..<lineEnd]))
            lineStart = utf8.index(after: lineEnd)
            lineStartOffset = offset + 1
        }
        lines.append(Substring(utf8[lineStart...]))
        return lines
    }
}

extension Unicode.Scalar {
    /// The Unicode White_Space property, answered without a table lookup for ASCII.
    package var isUnicodeWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }

    /// Tab or a Unicode space separator (Zs), without the cost of a property lookup for ASCII.
    var isSpaceOrTab: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator
    }
}

/// Substring search on bytes: `memchr` finds candidates for the first byte, `memcmp` checks them.
enum ByteSearch {
    /// Where `needle` first occurs in `haystack`, or nil; an empty needle is found at 0.
    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard haystack.count >= needle.count, let base = haystack.baseAddress, let wanted = needle.baseAddress else { return nil }
        var start = base
        let end = base + haystack.count
        while end - start >= needle.count {
            guard let hit = memchr(start, Int32(wanted.pointee), end - start - needle.count + 1) else { return nil }
            let candidate = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(candidate + 1, wanted + 1, needle.count - 1) == 0 { return candidate - base }
            start = candidate + 1
        }
        return nil
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    /// Where `needle` first occurs in `bytes[range]`, counted from the start of `bytes`, or nil.
    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], range: Range<Int>) -> Int? {
        guard !needle.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            needle.withUnsafeBufferPointer { wanted in
                firstIndex(of: wanted, in: UnsafeBufferPointer(rebasing: buffer[range])).map { $0 + range.lowerBound }
            }
        }
    }
}
