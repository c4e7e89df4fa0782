/// Decodes RFC 2047 encoded words in unstructured header text.
///
/// Whitespace between adjacent encoded words is dropped (§6.2), and adjacent words in the same
/// charset are joined as bytes before charset decoding, so a multibyte character split across
/// two words still decodes. Words glued to surrounding text are accepted, as mail clients do.
/// It works on the UTF-8 bytes: every header of every message passes through here.
enum EncodedWordDecoder {
    static func decode(_ text: String) -> String {
        guard text.containsBytes("=?") else { return text }
        var text = text
        return text.withUTF8 { decode(utf8: $0) }
    }

    /// Decodes a raw value with 8-bit bytes that are not UTF-8. Such bytes inside an encoded
    /// word (`=?iso-8859-1?Q?Fr<F6>sche?=`, as some old mailers write) are bytes of the word's
    /// declared charset, not of the header; the bytes outside words are read by `literal`.
    static func decode(raw: [UInt8], literal: @escaping ([UInt8]) -> String) -> String {
        raw.withUnsafeBufferPointer { decode(utf8: $0, literal: { Array(literal($0).utf8) }) }
    }

    /// `literal` converts runs of bytes outside encoded words to UTF-8; nil when they already are.
    private static func decode(utf8 text: UnsafeBufferPointer<UInt8>, literal: (([UInt8]) -> [UInt8])? = nil) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var literalRun: [UInt8] = []
        var pendingCharset: String?
        var pendingBytes: [UInt8] = []
        var pendingWhitespace = 0..<0
        var index = 0

        func appendLiteral<C: Collection>(_ bytes: C) where C.Element == UInt8 {
            if literal == nil { result.append(contentsOf: bytes) } else { literalRun.append(contentsOf: bytes) }
        }

        func flushPending() {
            if let literal, !literalRun.isEmpty {
                result.append(contentsOf: literal(literalRun))
                literalRun = []
            }
            if let charset = pendingCharset {
                result.append(contentsOf: CharsetDecoder.decode(pendingBytes, charset: charset).text.utf8)
            }
            pendingCharset = nil
            pendingBytes = []
        }

        while index < text.count {
            if pendingCharset == nil && text[index] != UInt8(ascii: "=") {
                // Outside encoded words every byte up to the next "=" is literal text, and
                // nothing is pending: the run is appended in one go.
                var runEnd = index + 1
                while runEnd < text.count && text[runEnd] != UInt8(ascii: "=") { runEnd += 1 }
                appendLiteral(UnsafeBufferPointer(rebasing: text[index..<runEnd]))
                index = runEnd
                pendingWhitespace = index..<index
                continue
            }
            if text[index] == UInt8(ascii: "="), let word = EncodedWord.parse(in: text, at: index) {
                if let charset = pendingCharset, CharsetName(charset) == CharsetName(word.charset) {
                    pendingBytes += word.bytes
                } else {
                    flushPending()
                    pendingCharset = word.charset
                    pendingBytes = word.bytes
                }
                pendingWhitespace = word.end..<word.end
                index = word.end
                continue
            }
            let whitespace = UTF8Whitespace.length(text, at: index, countingNoBreakSpace: true)
            if pendingCharset != nil && whitespace > 0 {
                pendingWhitespace = pendingWhitespace.lowerBound..<(index + whitespace)
                index += whitespace
                continue
            }
            if pendingCharset != nil { flushPending() }
            appendLiteral(UnsafeBufferPointer(rebasing: text[pendingWhitespace]))
            pendingWhitespace = index..<index
            appendLiteral(CollectionOfOne(text[index]))
            index += 1
            pendingWhitespace = index..<index
        }
        flushPending()
        appendLiteral(UnsafeBufferPointer(rebasing: text[pendingWhitespace]))
        flushPending()
        return String(decoding: result, as: UTF8.self)
    }
}
