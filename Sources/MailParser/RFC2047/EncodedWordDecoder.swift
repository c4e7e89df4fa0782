/// Decodes RFC 2047 encoded words in unstructured header text.
///
/// Whitespace between adjacent encoded words is dropped (§6.2), and adjacent words in the same
/// charset are joined as bytes before charset decoding, so a multibyte character split across
/// two words still decodes. Words glued to surrounding text are accepted, as mail clients do.
enum EncodedWordDecoder {
    static func decode(_ text: String) -> String {
        guard text.containsBytes("=?") else { return text }
        var result = ""
        var pendingCharset: String?
        var pendingBytes: [UInt8] = []
        var pendingWhitespace = ""
        var index = text.startIndex

        func flushPending() {
            if let charset = pendingCharset {
                result += CharsetDecoder.decode(pendingBytes, charset: charset).text
            }
            pendingCharset = nil
            pendingBytes = []
        }

        while index < text.endIndex {
            if text[index] == "=", let word = EncodedWord.parse(in: text, at: index) {
                if let charset = pendingCharset, CharsetName(charset) == CharsetName(word.charset) {
                    pendingBytes += word.bytes
                } else {
                    flushPending()
                    pendingCharset = word.charset
                    pendingBytes = word.bytes
                }
                pendingWhitespace = ""
                index = word.range.upperBound
                continue
            }
            let character = text[index]
            if pendingCharset != nil && character.isWhitespace {
                pendingWhitespace.append(character)
            } else {
                flushPending()
                result += pendingWhitespace
                pendingWhitespace = ""
                result.append(character)
            }
            index = text.index(after: index)
        }
        flushPending()
        result += pendingWhitespace
        return result
    }
}
