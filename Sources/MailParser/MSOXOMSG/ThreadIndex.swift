/// Outlook's `Thread-Index` header ([MS-OXOMSG] 2.2.1.3, PidTagConversationIndex): base64 of a
/// 22-byte header (a reserved byte, five bytes of time, a 16-byte GUID) that every message of
/// a conversation shares, followed by five bytes per reply. Outlook keeps it when it drops or
/// rewrites In-Reply-To, so the shared 22 bytes still tie a reply to its thread.
public enum ThreadIndex {
    /// The length of the part every message of a conversation shares.
    public static let rootLength = 22

    /// The conversation's root as 44 lower-case hex digits; nil when the value is not base64 of
    /// at least 22 bytes.
    public static func root(of headerValue: String) -> String? {
        let compact = headerValue.utf8.filter { $0 > 0x20 }
        let decoded = Base64Decoder.decode(compact[...])
        guard !decoded.hadGarbage, decoded.bytes.count >= rootLength else { return nil }
        return hex(decoded.bytes.prefix(rootLength))
    }

    /// The bytes of a value continuing the conversation `root` (hex) with one five-byte child
    /// block, as Outlook writes a reply (base64 them for the header); nil when `root` is not 44
    /// hex digits.
    public static func bytes(continuing root: String, child: [UInt8]) -> [UInt8]? {
        guard let bytes = bytes(fromHex: root), bytes.count == rootLength, child.count == 5 else { return nil }
        return bytes + child
    }

    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes { out += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        return String(decoding: out, as: UTF8.self)
    }

    private static func bytes(fromHex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x61...0x66: digit - 0x61 + 10
        case 0x41...0x46: digit - 0x41 + 10
        default: nil
        }
    }
}
