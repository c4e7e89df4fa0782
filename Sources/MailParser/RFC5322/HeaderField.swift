import Foundation

/// One header field: its name, its unfolded and RFC 2047-decoded value, and the raw bytes.
public struct HeaderField: Sendable {
    /// The field name as written.
    public var name: String
    /// The value unfolded and with encoded words decoded; raw 8-bit bytes read as UTF-8 or windows-1252
    /// (or in the message's charset, see `reading8Bit`).
    ///
    /// Decoded from `rawValue` when read, not when the header is parsed: most fields of a
    /// message (Received, DKIM-Signature, ARC-*) are never read, and decoding them all was
    /// about 5 % of `klachtd parse`. A value set explicitly (the public initialiser, or an
    /// assignment) is kept as given.
    public var value: String {
        get { explicitValue ?? decodedValue }
        set { explicitValue = newValue }
    }
    /// The value's bytes after the colon, with folding line breaks kept as LF.
    public var rawValue: [UInt8]
    /// The charset for raw 8-bit bytes that are not UTF-8, when the message names one.
    var rawCharset: String?
    /// A value given rather than decoded from `rawValue`.
    private var explicitValue: String?

    public init(name: String, value: String, rawValue: [UInt8]) {
        self.name = name
        self.explicitValue = value
        self.rawValue = rawValue
    }

    init(name: String, rawValue: [UInt8]) {
        self.name = name
        self.rawValue = rawValue
    }

    /// The value decoded from the raw bytes, their 8-bit bytes read in `rawCharset` when set.
    private var decodedValue: String {
        HeaderField.wordsInRaw8Bit(rawValue, charset: rawCharset) ?? EncodedWordDecoder.decode(unfoldedRaw)
    }

    /// The value decoded on the raw bytes, when it has both encoded words and 8-bit bytes that
    /// are not UTF-8: such bytes inside a word (`=?iso-8859-1?Q?Fr<F6>sche?=`, as some old
    /// mailers write) belong to the word's charset; outside words they are read in `charset`,
    /// or as UTF-8/windows-1252 when none is known. Nil for every other value.
    private static func wordsInRaw8Bit(_ rawValue: [UInt8], charset: String?) -> String? {
        guard rawValue.contains(where: { $0 >= 0x80 }),
              ByteSearch.firstIndex(of: Array("=?".utf8), in: rawValue, range: 0..<rawValue.count) != nil,
              String(validating: rawValue, as: UTF8.self) == nil else { return nil }
        var unfolded = rawValue.filter { $0 != 0x0A && $0 != 0x0D }
        while let last = unfolded.last, last == 0x20 || last == 0x09 { unfolded.removeLast() }
        let start = unfolded.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? unfolded.endIndex
        return EncodedWordDecoder.decode(raw: Array(unfolded[start...])) { literal in
            charset.map { CharsetDecoder.decode(literal, charset: $0).text } ?? ByteText.bestEffortString(literal)
        }
    }

    /// The raw value with folding removed (§2.2.3) but not RFC 2047-decoded; structured
    /// fields (addresses, parameters) are parsed from this so encoded text cannot inject syntax.
    var unfoldedRaw: String { rawCharset == nil ? HeaderField.unfold(rawValue) : unfoldedRaw(charset: rawCharset) }

    /// Whether the raw value has 8-bit bytes that are not UTF-8, so their charset is a guess.
    var hasNonUTF8Bytes: Bool {
        rawValue.contains { $0 >= 0x80 } && String(validating: rawValue, as: UTF8.self) == nil
    }

    /// The field with its raw 8-bit bytes read in `charset`, for headers written unencoded in
    /// the charset of the message's text, as old clients do.
    func reading8Bit(as charset: String) -> HeaderField {
        guard hasNonUTF8Bytes else { return self }
        var field = self
        field.rawCharset = charset
        field.explicitValue = nil
        return field
    }

    /// The unfolded raw value, reading 8-bit bytes that are not UTF-8 in `charset` when one is
    /// given: old clients put raw filenames in the part's own charset.
    func unfoldedRaw(charset: String?) -> String {
        let unfolded = rawValue.filter { $0 != 0x0A && $0 != 0x0D }
        guard let charset, unfolded.contains(where: { $0 >= 0x80 }),
              String(validating: unfolded, as: UTF8.self) == nil else { return HeaderField.unfold(rawValue) }
        return String(CharsetDecoder.decode(unfolded, charset: charset).text.trimmedWhitespace)
    }

    static func unfold(_ raw: [UInt8]) -> String {
        if let ascii = raw.withUnsafeBufferPointer(unfoldASCII) { return ascii }
        var unfolded: [UInt8] = []
        unfolded.reserveCapacity(raw.count)
        var isASCII = true
        for byte in raw where byte != 0x0A && byte != 0x0D {
            unfolded.append(byte)
            if byte >= 0x80 { isASCII = false }
        }
        guard isASCII else { return String(ByteText.bestEffortString(unfolded).trimmedWhitespace) }
        // Most fields are ASCII: trim on bytes and skip the Unicode checks.
        var start = 0
        var end = unfolded.count
        while start < end && (unfolded[start] == 0x20 || (unfolded[start] >= 0x09 && unfolded[start] <= 0x0D)) { start += 1 }
        while end > start && (unfolded[end - 1] == 0x20 || (unfolded[end - 1] >= 0x09 && unfolded[end - 1] <= 0x0D)) { end -= 1 }
        return String(decoding: unfolded[start..<end], as: UTF8.self)
    }

    /// `unfold` for an ASCII value, without the intermediate array: trimmed on the raw bytes
    /// (line breaks are whitespace too, so the ends are the same) and copied once, leaving out
    /// the line breaks. Nil for a value with 8-bit bytes.
    private static func unfoldASCII(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        // Two loops without early exits, which the compiler vectorises.
        var highBits: UInt8 = 0
        for byte in raw { highBits |= byte }
        guard highBits < 0x80 else { return nil }
        var breaks = 0
        for byte in raw { breaks &+= byte == 0x0A || byte == 0x0D ? 1 : 0 }
        let hasBreak = breaks != 0
        var start = 0
        var end = raw.count
        while start < end && (raw[start] == 0x20 || (raw[start] >= 0x09 && raw[start] <= 0x0D)) { start += 1 }
        while end > start && (raw[end - 1] == 0x20 || (raw[end - 1] >= 0x09 && raw[end - 1] <= 0x0D)) { end -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: raw[start..<end])
        guard hasBreak else { return String(decoding: trimmed, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: trimmed.count) { output in
            var written = 0
            for byte in trimmed where byte != 0x0A && byte != 0x0D {
                output[written] = byte
                written += 1
            }
            return written
        }
    }
}
