/// The bytes IMAP's grammar is written in (RFC 3501 §9), and small helpers over them.
enum ASCII {
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let backslash: UInt8 = 0x5C
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let openBracket: UInt8 = 0x5B
    static let closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let plus: UInt8 = 0x2B
    static let star: UInt8 = 0x2A

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The decimal number in `digits`, or nil if it is empty, not all digits, or too large.
    static func number<Digits: Collection>(_ digits: Digits) -> Int? where Digits.Element == UInt8 {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The 32-bit number in `digits` (UIDs, counts), or nil.
    static func uint32<Digits: Collection>(_ digits: Digits) -> UInt32? where Digits.Element == UInt8 {
        guard let value = number(digits), value <= Int(UInt32.max) else { return nil }
        return UInt32(value)
    }

    /// Bytes as text for messages and keywords (IMAP protocol text is ASCII or UTF-8).
    static func text<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }
}
