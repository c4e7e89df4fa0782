/// A framed server response, classified by its first token (RFC 3501 §7).
enum Response {
    /// `+ ...`: the server is ready for a literal or for IDLE's DONE.
    case continuation
    /// `* ...`: data or status not ending a command.
    case untagged(UntaggedResponse)
    /// `tag OK|NO|BAD ...`: the end of the command with that tag.
    case tagged(tag: String, ResponseText)

    /// Classifies the bytes of one response from `ResponseReader`.
    init(_ bytes: [UInt8]) throws(TransportFailure) {
        var tokens = ResponseTokenizer(bytes)
        guard let first = try tokens.next(), case .atom(let word) = first else {
            throw .protocolError("response without a tag: \(ASCII.text(bytes.prefix(80)))")
        }
        if word.elementsEqual([ASCII.plus]) {
            self = .continuation
        } else if word.elementsEqual([ASCII.star]) {
            self = .untagged(try UntaggedResponse(bytes: bytes, tokens: tokens))
        } else {
            self = .tagged(tag: ASCII.text(word), try ResponseText(parsing: &tokens))
        }
    }
}

/// `* [number] KEYWORD ...`, with a tokenizer positioned after the keyword.
struct UntaggedResponse {
    let bytes: [UInt8]
    /// The message number or count before the keyword (`* 3 EXISTS`, `* 7 FETCH`), if any.
    let number: UInt32?
    /// The keyword, uppercased: OK, NO, BAD, BYE, CAPABILITY, SEARCH, EXISTS, FETCH, …
    let keyword: String
    /// Tokens after the keyword.
    let payload: ResponseTokenizer

    init(bytes: [UInt8], tokens: ResponseTokenizer) throws(TransportFailure) {
        var tokens = tokens
        var word = try tokens.expectToken("an untagged response")
        var number: UInt32?
        if case .atom(let digits) = word, let value = ASCII.uint32(digits) {
            number = value
            word = try tokens.expectToken("an untagged response")
        }
        guard let keyword = word.string(uppercased: true) else {
            throw .protocolError("untagged response without a keyword")
        }
        self.bytes = bytes
        self.number = number
        self.keyword = keyword
        self.payload = tokens
    }

    /// The status text of `* OK|NO|BAD|BYE ...`, or nil for data responses.
    var statusText: ResponseText? {
        guard ["OK", "NO", "BAD", "BYE", "PREAUTH"].contains(keyword) else { return nil }
        var tokens = payload
        return ResponseText(status: keyword, parsingTextFrom: &tokens)
    }
}
