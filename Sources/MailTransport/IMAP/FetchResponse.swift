/// One message as returned by `UID FETCH … (UID FLAGS INTERNALDATE BODY.PEEK[])`.
public struct FetchedMessage: Sendable {
    /// The message's UID in the selected mailbox.
    public var uid: UInt32
    /// When the server received the message, if it said.
    public var internalDateSeconds: Int?
    /// System flags (`\Seen`) and keywords (`$KlachtVerwerkt`) as the server spells them.
    public var flags: [String]
    /// The whole message, exactly as stored.
    public var bytes: [UInt8]

    /// Creates a fetched message.
    public init(uid: UInt32, internalDateSeconds: Int?, flags: [String], bytes: [UInt8]) {
        self.uid = uid
        self.internalDateSeconds = internalDateSeconds
        self.flags = flags
        self.bytes = bytes
    }
}

/// The data items of one `* n FETCH (...)` response (RFC 3501 §7.4.2); absent items stay nil.
struct FetchResponse {
    var uid: UInt32?
    var flags: [String]?
    var internalDateSeconds: Int?
    var body: [UInt8]?
    /// RFC822.SIZE, when asked for.
    var size: Int?

    /// Parses the payload after `* n FETCH`.
    init(_ response: UntaggedResponse) throws(TransportFailure) {
        var tokens = response.payload
        guard try tokens.next() == .listOpen else { throw .protocolError("FETCH response without a list") }
        while true {
            let key = try tokens.expectToken("a FETCH response")
            if key == .listClose { return }
            guard let name = key.string(uppercased: true) else { throw .protocolError("FETCH item without a name") }
            let value = try tokens.expectToken("FETCH item \(name)")
            switch name {
            case "UID":
                guard case .atom(let digits) = value, let uid = ASCII.uint32(digits) else {
                    throw .protocolError("FETCH UID is not a number")
                }
                self.uid = uid
            case "FLAGS":
                flags = try Self.flagList(startingWith: value, tokens: &tokens)
            case "INTERNALDATE":
                guard case .quoted(let text) = value else { throw .protocolError("INTERNALDATE is not a string") }
                internalDateSeconds = InternalDate.parse(text)
            case "RFC822.SIZE":
                guard case .atom(let digits) = value, let octets = ASCII.uint32(digits) else {
                    throw .protocolError("RFC822.SIZE is not a number")
                }
                size = Int(octets)
            case _ where name.hasPrefix("BODY[") || name == "RFC822":
                body = try Self.bodyBytes(value)
            default:
                try tokens.skipValue(value)
            }
        }
    }

    private static func flagList(startingWith first: Token, tokens: inout ResponseTokenizer) throws(TransportFailure) -> [String] {
        guard first == .listOpen else { throw .protocolError("FLAGS is not a list") }
        var flags: [String] = []
        while let token = try tokens.next(), token != .listClose {
            guard let flag = token.string() else { throw .protocolError("nested list in FLAGS") }
            flags.append(flag)
        }
        return flags
    }

    private static func bodyBytes(_ value: Token) throws(TransportFailure) -> [UInt8] {
        switch value {
        case .literal(let bytes): return Array(bytes)
        case .quoted(let bytes): return bytes
        case .atom where value.isNil: return []
        default: throw .protocolError("message body is neither a literal nor a string")
        }
    }
}

/// Collects the FETCH responses of a command into whole messages by UID.
struct FetchCollector {
    private var partial: [UInt32: FetchResponse] = [:]

    /// Takes one untagged response; ignores everything but FETCH.
    mutating func take(_ response: UntaggedResponse) throws(TransportFailure) {
        guard response.keyword == "FETCH" else { return }
        let fetched = try FetchResponse(response)
        guard let uid = fetched.uid else { return }
        var merged = partial[uid] ?? fetched
        merged.flags = fetched.flags ?? merged.flags
        merged.internalDateSeconds = fetched.internalDateSeconds ?? merged.internalDateSeconds
        merged.body = fetched.body ?? merged.body
        partial[uid] = merged
    }

    /// The messages whose body arrived, in UID order.
    var messages: [FetchedMessage] {
        partial.keys.sorted().compactMap { uid in
            guard let response = partial[uid], let body = response.body else { return nil }
            return FetchedMessage(uid: uid, internalDateSeconds: response.internalDateSeconds, flags: response.flags ?? [], bytes: body)
        }
    }
}
