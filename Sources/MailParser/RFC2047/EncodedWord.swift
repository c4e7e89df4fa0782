/// One RFC 2047 encoded word, `=?charset?B|Q?text?=`, found inside a header value.
struct EncodedWord {
    /// The charset label without any RFC 2231 language suffix.
    var charset: String
    /// The bytes the word encodes, before charset decoding.
    var bytes: [UInt8]
    /// Where the word starts and ends in the scanned text.
    var range: Range<String.Index>

    /// The `?=` ending a word, searched on UTF-8 within a bounded window.
    private static func terminatorRange(in text: String, from start: String.Index) -> Range<String.Index>? {
        let utf8 = text.utf8
        var index = start
        var scanned = 0
        while index < utf8.endIndex && scanned < maximumPayloadLength {
            let next = utf8.index(after: index)
            if utf8[index] == UInt8(ascii: "?"), next < utf8.endIndex, utf8[next] == UInt8(ascii: "=") {
                return index..<utf8.index(after: next)
            }
            index = next
            scanned += 1
        }
        return nil
    }

    /// Longer than any real charset label.
    private static let maximumCharsetLength = 64
    /// RFC 2047 allows 75 characters per word; broken mailers write whole subjects in one.
    private static let maximumPayloadLength = 4096

    /// The encoded word starting exactly at `start`, if one does.
    static func parse(in text: String, at start: String.Index) -> EncodedWord? {
        guard text[start...].hasPrefix("=?") else { return nil }
        let charsetStart = text.index(start, offsetBy: 2)
        // Bounded searches keep adversarial runs of "=?" linear rather than quadratic.
        guard let charsetEnd = text[charsetStart...].prefix(maximumCharsetLength).firstIndex(of: "?"),
              charsetEnd > charsetStart else { return nil }
        let encodingIndex = text.index(after: charsetEnd)
        guard encodingIndex < text.endIndex else { return nil }
        let encoding = text[encodingIndex]
        let afterEncoding = text.index(after: encodingIndex)
        guard afterEncoding < text.endIndex, text[afterEncoding] == "?" else { return nil }
        guard "BbQq".contains(encoding) else { return nil }
        let payloadStart = text.index(after: afterEncoding)
        guard let terminator = terminatorRange(in: text, from: payloadStart) else { return nil }
        let payload = text[payloadStart..<terminator.lowerBound]
        var charset = String(text[charsetStart..<charsetEnd])
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        guard charset.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { return nil }
        let bytes = encoding == "B" || encoding == "b"
            ? Base64Decoder.decode(payload.filter { !$0.isWhitespace }[...])
            : QuotedPrintableDecoder.decodeEncodedWord(payload)
        return EncodedWord(charset: charset, bytes: bytes, range: start..<terminator.upperBound)
    }
}
