import Foundation

/// A Content-Type value (RFC 2045 §5): media type, subtype and parameters.
struct ContentType {
    /// Lowercase `type/subtype`.
    var mimeType: String
    var parameters: ParameterList

    /// The media type: the first non-empty piece before a `/`, found without splitting.
    var type: Substring {
        let utf8 = mimeType.utf8
        guard let start = utf8.firstIndex(where: { $0 != UInt8(ascii: "/") }) else { return "" }
        let end = utf8[start...].firstIndex(of: UInt8(ascii: "/")) ?? utf8.endIndex
        return mimeType[start..<end]
    }
    var isMultipart: Bool { type == "multipart" }
    var charset: String? { parameters["charset"] }
    var boundary: String? { parameters["boundary"] }

    /// The RFC 2045 §5.2 default, used when the field is missing or unreadable.
    static let textPlain = ContentType(mimeType: "text/plain", parameters: ParameterList(parsing: ""))

    /// The implicit type of parts in a multipart/digest (RFC 2046 §5.1.5).
    static let messageRFC822 = ContentType(mimeType: "message/rfc822", parameters: ParameterList(parsing: ""))

    /// Parses a raw (unfolded, not RFC 2047-decoded) value; nil when it has no usable type.
    init?(parsing value: String) {
        if let ascii = value.utf8.withContiguousStorageIfAvailable(ContentType.asciiMimeType), let (parsed, semicolon) = ascii {
            guard let mimeType = parsed else { return nil }
            self.mimeType = mimeType
            let utf8 = value.utf8
            parameters = ParameterList(parsing: semicolon < utf8.count
                ? Substring(utf8[utf8.index(utf8.startIndex, offsetBy: semicolon + 1)...]) : "")
            return
        }
        let semicolon = value.firstIndex(of: ";") ?? value.endIndex
        let typeText = value[..<semicolon].trimmingSpaces().lowercasedFast()
        // Keep the leading token characters only: "text/plain>" still means text/plain.
        let pieces = typeText.split(separator: "/", maxSplits: 1).map {
            String($0.trimmingSpaces().prefix(while: ContentType.isTokenCharacter))
        }
        guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty,
              !pieces[0].utf8.contains(0x20), !pieces[1].utf8.contains(0x20) else { return nil }
        mimeType = pieces[0] + "/" + pieces[1]
        parameters = ParameterList(parsing: semicolon < value.endIndex ? value[value.index(after: semicolon)...] : "")
    }

    /// The media type of a value of printable ASCII and tabs (nearly every one), read on
    /// bytes by the same rules as the Character path: up to the first `;`, trimmed, lower-cased,
    /// split once at a `/` (empty pieces skipped), each piece trimmed and cut at its first
    /// non-token byte. Returns the type (nil when unusable) and the offset of the `;`, or nil
    /// for any other value.
    private static func asciiMimeType(_ bytes: UnsafeBufferPointer<UInt8>) -> (String?, Int)? {
        guard !bytes.contains(where: { $0 >= 0x7F || ($0 < 0x20 && $0 != 0x09) }) else { return nil }
        let semicolon = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = 0
        var end = semicolon
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        // Collection.split(separator: "/", maxSplits: 1): empty pieces are skipped and do not count.
        var pieces: [Range<Int>] = []
        var pieceStart = start
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "/") {
                if index > pieceStart { pieces.append(pieceStart..<index) }
                index += 1
                pieceStart = index
                if pieces.count == 1 { break }
                continue
            }
            index += 1
        }
        if pieceStart < end { pieces.append(pieceStart..<end) }
        guard pieces.count == 2 else { return (nil, semicolon) }
        var names: [String] = []
        for piece in pieces {
            var from = piece.lowerBound
            while from < piece.upperBound && isSpace(bytes[from]) { from += 1 }
            var to = from
            while to < piece.upperBound && bytes[to] > 32 && !tspecials.contains(bytes[to]) { to += 1 }
            guard to > from else { return (nil, semicolon) }
            names.append(String(decoding: bytes[from..<to].map(\.asciiLowercased), as: UTF8.self))
        }
        return (names[0] + "/" + names[1], semicolon)
    }

    /// RFC 2045 token characters: printable ASCII except specials.
    static func isTokenCharacter(_ character: Character) -> Bool {
        guard let value = character.asciiValue, value > 32, value < 127 else { return false }
        return !tspecials.contains(value)
    }

    private static let tspecials = Set("()<>@,;:\\\"/[]?=".utf8)

    init(mimeType: String, parameters: ParameterList) {
        self.mimeType = mimeType
        self.parameters = parameters
    }
}

/// A Content-Disposition value (RFC 2183): inline or attachment, with a filename parameter.
struct ContentDisposition {
    /// Lowercase disposition type.
    var kind: String
    var parameters: ParameterList

    var isAttachment: Bool { kind == "attachment" }

    init(parsing value: String) {
        let semicolon = value.firstIndex(of: ";") ?? value.endIndex
        kind = value[..<semicolon].trimmingSpaces().lowercasedFast()
        parameters = ParameterList(parsing: semicolon < value.endIndex ? value[value.index(after: semicolon)...] : "")
    }
}

/// Content-Transfer-Encoding (RFC 2045 §6).
enum TransferEncoding {
    case identity, base64, quotedPrintable, uuencode

    init(headerValue: String?) {
        let value = headerValue?.trimmingSpaces().lowercasedFast() ?? ""
        switch value {
        case "base64": self = .base64
        case "quoted-printable": self = .quotedPrintable
        case "x-uuencode", "uuencode", "x-uue": self = .uuencode
        default: self = .identity
        }
    }
}
