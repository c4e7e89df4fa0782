/// Whitespace in UTF-8 text, recognised on bytes.
enum UTF8Whitespace {
    /// The length in bytes of the whitespace character at `index` (what
    /// `Character.isWhitespace` accepts; the no-break space only when asked, since HTML
    /// keeps it as a space that does not collapse), or 0.
    static func length<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int, countingNoBreakSpace: Bool = false) -> Int
        where Bytes.Element == UInt8, Bytes.Index == Int {
        let byte = bytes[index]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        guard byte >= 0xC2, index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        if byte == 0xC2 { return second == 0x85 || (countingNoBreakSpace && second == 0xA0) ? 2 : 0 }
        guard index + 2 < bytes.count else { return 0 }
        let third = bytes[index + 2]
        switch (byte, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0                                  // U+1680
        case (0xE2, 0x80): return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0                                  // U+205F
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0                                  // U+3000
        default: return 0
        }
    }
}
