/// Bytes as lowercase hex digits, and back: digests, reply tokens and Outlook's thread roots
/// are kept and compared as hex; `value(of:)` is the one hex digit reader, for the parser's
/// quoted-printable, RFC 2231 and RTF escapes and the transport's `%XX` in mailbox URLs.
///
/// A leaf of its own rather than part of Digests: the transport (and with it the Foundation-free
/// supervisor) reads `%XX` escapes but has no business with libcrypto, which Digests links; and
/// hex is text, not a digest. Pure, no dependencies.
public enum Hex {
    /// Two lowercase hex digits per byte.
    public static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of an even number of hex digits in either case; nil for anything else.
    public static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = value(of: digits[index]), let low = value(of: digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// The value of one hex digit in either case, or nil.
    ///
    /// Inlinable, so the quoted-printable decoder's inner loop (the parse benchmark, issue 22)
    /// compiles it to the same few comparisons its own copy was.
    @inlinable
    public static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x41...0x46: digit - 0x41 + 10
        case 0x61...0x66: digit - 0x61 + 10
        default: nil
        }
    }
}
