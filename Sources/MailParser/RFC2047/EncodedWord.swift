/// One RFC 2047 encoded word, `=?charset?B|Q?text?=`, found inside a header value.
struct EncodedWord {
    /// The charset label without any RFC 2231 language suffix.
    var charset: String
    /// The bytes the word encodes, before charset decoding.
    var bytes: [UInt8]
    /// Where the word starts and ends in the scanned text.
    var range: Range<String.Index>

    /// The encoded word starting exactly at `start`, if one does.
    static func parse(in text: String, at start: String.Index) -> EncodedWord? {
        guard text[start...].hasPrefix("=?") else { return nil }
        let charsetStart = text.index(start, offsetBy: 2)
        guard let charsetEnd = text[charsetStart...].firstIndex(of: "?"), charsetEnd > charsetStart else { return nil }
        let encodingIndex = text.index(after: charsetEnd)
        guard encodingIndex < text.endIndex else { return nil }
        let encoding = text[encodingIndex]
        let afterEncoding = text.index(after: encodingIndex)
        guard afterEncoding < text.endIndex, text[afterEncoding] == "?" else { return nil }
        let payloadStart = text.index(after: afterEncoding)
        guard let terminator = text[payloadStart...].range(of: "?=") else { return nil }
        let payload = text[payloadStart..<terminator.lowerBound]
        var charset = String(text[charsetStart..<charsetEnd])
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        guard charset.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "B", "b": bytes = Base64Decoder.decode(payload.filter { !$0.isWhitespace }[...])
        case "Q", "q": bytes = QuotedPrintableDecoder.decodeEncodedWord(payload)
        default: return nil
        }
        return EncodedWord(charset: charset, bytes: bytes, range: start..<terminator.upperBound)
    }
}
