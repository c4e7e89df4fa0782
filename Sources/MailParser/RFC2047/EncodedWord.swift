/// One RFC 2047 encoded word, `=?charset?B|Q?text?=`, found inside a header value.
struct EncodedWord {
    /// The charset label without any RFC 2231 language suffix.
    var charset: String
    /// The bytes the word encodes, before charset decoding.
    var bytes: [UInt8]
    /// Where the word ends in the scanned UTF-8 bytes.
    var end: Int

    /// Longer than any real charset label.
    private static let maximumCharsetLength = 64
    /// RFC 2047 allows 75 characters per word; broken mailers write whole subjects in one.
    private static let maximumPayloadLength = 4096

    /// The encoded word starting exactly at `start` in the UTF-8 `text`, if one does.
    static func parse(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> EncodedWord? {
        let count = text.count
        guard start + 1 < count, text[start] == UInt8(ascii: "="), text[start + 1] == UInt8(ascii: "?") else { return nil }
        let charsetStart = start + 2
        // Bounded searches keep adversarial runs of "=?" linear rather than quadratic.
        var charsetEnd = charsetStart
        let charsetLimit = min(count, charsetStart + maximumCharsetLength)
        while charsetEnd < charsetLimit && text[charsetEnd] != UInt8(ascii: "?") { charsetEnd += 1 }
        guard charsetEnd < charsetLimit, charsetEnd > charsetStart, charsetEnd + 2 < count,
              text[charsetEnd + 2] == UInt8(ascii: "?") else { return nil }
        let encoding = text[charsetEnd + 1] | 0x20  // lower-cased
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let payloadStart = charsetEnd + 3
        guard let terminator = terminator(in: text, from: payloadStart) else { return nil }
        var charsetBytes = text[charsetStart..<charsetEnd]
        if let star = charsetBytes.firstIndex(of: UInt8(ascii: "*")) { charsetBytes = charsetBytes[..<star] }
        guard charsetBytes.allSatisfy({ $0 < 0x80 && $0 > 0x20 }) else { return nil }
        let payload = text[payloadStart..<terminator]
        let bytes = encoding == UInt8(ascii: "b")
            ? Base64Decoder.decode(payload.filter { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }).bytes
            : QuotedPrintableDecoder.decode(payload.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 })
        return EncodedWord(charset: String(decoding: charsetBytes, as: UTF8.self), bytes: bytes, end: terminator + 2)
    }

    /// Where the `?=` ending a word starts, searched within a bounded window.
    private static func terminator(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        let limit = min(text.count - 1, start + maximumPayloadLength)
        while index < limit {
            if text[index] == UInt8(ascii: "?") && text[index + 1] == UInt8(ascii: "=") { return index }
            index += 1
        }
        return nil
    }
}
