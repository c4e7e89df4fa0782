/// One lexical item of a framed IMAP response (RFC 3501 §4).
enum Token: Equatable {
    /// An atom or number; `BODY[...]` sections are kept whole, brackets and spaces included.
    case atom(ArraySlice<UInt8>)
    /// A quoted string, unescaped.
    case quoted([UInt8])
    /// The bytes of a `{N}` or `{N+}` literal.
    case literal(ArraySlice<UInt8>)
    /// `(`
    case listOpen
    /// `)`
    case listClose

    /// The token as a string (atom, quoted or literal), uppercased when `uppercased`.
    func string(uppercased: Bool = false) -> String? {
        let text: String
        switch self {
        case .atom(let bytes), .literal(let bytes): text = ASCII.text(bytes)
        case .quoted(let bytes): text = ASCII.text(bytes)
        case .listOpen, .listClose: return nil
        }
        return uppercased ? text.uppercased() : text
    }

    /// True for the atom NIL.
    var isNil: Bool { string(uppercased: true) == "NIL" && !isQuoted }

    private var isQuoted: Bool {
        if case .quoted = self { return true }
        return false
    }
}

/// Splits one framed response into tokens, reading literals by their byte count.
struct ResponseTokenizer {
    let bytes: [UInt8]
    private(set) var position: Int

    /// Starts at `position` of a response returned by `ResponseReader`.
    init(_ bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The next token, or nil at the end of the response.
    mutating func next() throws(TransportFailure) -> Token? {
        while position < bytes.count && bytes[position] == ASCII.space { position += 1 }
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case ASCII.carriageReturn, ASCII.lineFeed:
            return nil
        case ASCII.openParen:
            position += 1
            return .listOpen
        case ASCII.closeParen:
            position += 1
            return .listClose
        case ASCII.quote:
            return .quoted(try quoted())
        case ASCII.openBrace:
            return .literal(try literal())
        default:
            return .atom(atom())
        }
    }

    /// The next token, which must exist.
    mutating func expectToken(_ context: String) throws(TransportFailure) -> Token {
        guard let token = try next() else { throw .protocolError("response ended early in \(context)") }
        return token
    }

    /// Skips one value: an atom, string, literal or a whole parenthesised list.
    mutating func skipValue(_ first: Token) throws(TransportFailure) {
        guard first == .listOpen else { return }
        var depth = 1
        while depth > 0 {
            switch try expectToken("a list") {
            case .listOpen: depth += 1
            case .listClose: depth -= 1
            default: break
            }
        }
    }

    /// The rest of the line as text (for `resp-text` after a status).
    mutating func remainingText() -> String {
        while position < bytes.count && bytes[position] == ASCII.space { position += 1 }
        var end = bytes.count
        while end > position && (bytes[end - 1] == ASCII.lineFeed || bytes[end - 1] == ASCII.carriageReturn) { end -= 1 }
        defer { position = bytes.count }
        return position < end ? ASCII.text(bytes[position..<end]) : ""
    }

    private mutating func atom() -> ArraySlice<UInt8> {
        let begin = position
        var bracketDepth = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.openBracket { bracketDepth += 1 }
            if byte == ASCII.closeBracket && bracketDepth > 0 { bracketDepth -= 1 }
            if bracketDepth == 0 && (byte == ASCII.space || byte == ASCII.openParen || byte == ASCII.closeParen
                                     || byte == ASCII.carriageReturn || byte == ASCII.lineFeed || byte == ASCII.quote) {
                break
            }
            position += 1
        }
        return bytes[begin..<position]
    }

    private mutating func quoted() throws(TransportFailure) -> [UInt8] {
        var value: [UInt8] = []
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case ASCII.quote:
                return value
            case ASCII.backslash where position < bytes.count:
                value.append(bytes[position])
                position += 1
            case ASCII.carriageReturn, ASCII.lineFeed:
                throw .protocolError("line break inside a quoted string")
            default:
                value.append(byte)
            }
        }
        throw .protocolError("unterminated quoted string")
    }

    private mutating func literal() throws(TransportFailure) -> ArraySlice<UInt8> {
        guard let lineFeed = bytes[position...].firstIndex(of: ASCII.lineFeed),
              let length = ResponseReader.literalLength(in: bytes, lineFeedAt: lineFeed) else {
            throw .protocolError("malformed literal")
        }
        let begin = lineFeed + 1
        guard begin + length <= bytes.count else { throw .protocolError("literal longer than its response") }
        position = begin + length
        return bytes[begin..<position]
    }
}
