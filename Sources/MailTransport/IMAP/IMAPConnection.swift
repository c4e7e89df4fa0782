import CCurl

/// One logged-in IMAP session; blocking, owned by one thread, not shareable.
///
/// libcurl connects, does TLS (implicit or STARTTLS) and the SASL login with `CONNECT_ONLY`;
/// the IMAP commands after that are spoken here over `curl_easy_send`/`curl_easy_recv`.
/// After any `connectionLost` or `timeout`, drop the object and connect anew.
public final class IMAPConnection {
    /// Kept for its lifetime: `deinit` of the handle closes the connection (`curl_easy_cleanup`).
    private let handle: CurlHandle
    /// Tagged commands over the handle's socket; internal for the IDLE extension in its own file.
    let exchange: CommandExchange
    private let endpoint: MailServerEndpoint
    /// The server's capabilities after login, uppercased (`IDLE`, `MOVE`, `UIDPLUS`, …); tests may narrow them.
    public internal(set) var capabilities: Set<String> = []

    /// Fetches are split into commands of this many UIDs, to bound each response.
    static let fetchChunkSize = 200

    /// Connects and logs in; the mailbox in the URL is not selected (call `select`).
    public init(endpoint: MailServerEndpoint) throws(TransportFailure) {
        self.endpoint = endpoint
        handle = try CurlHandle(endpoint: endpoint, url: endpoint.serverURL + "/")
        try handle.set(CURLOPT_CONNECT_ONLY, 1)
        // CONNECT_ONLY has no later transfer, so the whole connect and login may use the timeout.
        try handle.set(CURLOPT_TIMEOUT, endpoint.timeoutSeconds)
        try handle.perform()
        guard let socket = handle.activeSocket else {
            throw .connectionLost("\(endpoint.serverURL): no socket after login")
        }
        exchange = CommandExchange(stream: CurlStream(handle: handle, socket: socket), timeoutSeconds: endpoint.timeoutSeconds)
        let result = try run("CAPABILITY", failure: TransportFailure.protocolError)
        for response in result.untagged where response.keyword == "CAPABILITY" {
            var tokens = response.payload
            while let token = try tokens.next() {
                if let name = token.string(uppercased: true) { capabilities.insert(name) }
            }
        }
    }

    /// Selects `mailbox` read-write and reports its UIDVALIDITY, UIDNEXT and size.
    public func select(_ mailbox: String) throws(TransportFailure) -> MailboxStatus {
        let result = try run("SELECT \(try Command.mailbox(mailbox))", failure: TransportFailure.mailbox)
        return try MailboxStatus(selectResponses: result.untagged)
    }

    /// Keeps the session alive and lets the server report changes.
    public func noop() throws(TransportFailure) {
        _ = try run("NOOP", failure: TransportFailure.protocolError)
    }

    /// UIDs greater than `uid` in the selected mailbox, ascending; sends NOOP first so new mail is visible.
    public func uidsAbove(_ uid: UInt32) throws(TransportFailure) -> [UInt32] {
        guard uid < UInt32.max else { return [] }
        try noop()
        // `n:*` always includes the highest UID, even when it is below n.
        return try search("UID \(uid + 1):*").filter { $0 > uid }
    }

    /// UIDs of messages in the selected mailbox that do not carry `keyword`, ascending.
    public func uids(withoutKeyword keyword: String) throws(TransportFailure) -> [UInt32] {
        try Command.validateFlag(keyword)
        return try search("UNKEYWORD \(keyword)")
    }

    /// The messages with these UIDs (missing ones are skipped), in UID order, without setting `\Seen`.
    public func fetch(uids: [UInt32]) throws(TransportFailure) -> [FetchedMessage] {
        let sorted = Array(Set(uids)).sorted()
        var messages: [FetchedMessage] = []
        var start = 0
        while start < sorted.count {
            let chunk = Array(sorted[start..<min(start + Self.fetchChunkSize, sorted.count)])
            var collector = FetchCollector()
            _ = try run("UID FETCH \(Command.sequenceSet(chunk)) (UID FLAGS INTERNALDATE BODY.PEEK[])",
                        failure: TransportFailure.protocolError) { response throws(TransportFailure) in
                try collector.take(response)
            }
            let wanted = Set(chunk)
            messages += collector.messages.filter { wanted.contains($0.uid) }
            start += Self.fetchChunkSize
        }
        return messages
    }

    /// Adds flags or keywords to these messages.
    public func addFlags(_ flags: [String], uids: [UInt32]) throws(TransportFailure) {
        guard !uids.isEmpty, !flags.isEmpty else { return }
        _ = try run("UID STORE \(Command.sequenceSet(uids)) +FLAGS.SILENT \(try Command.flagList(flags))",
                    failure: TransportFailure.protocolError)
    }

    /// Moves these messages to `mailbox`: UID MOVE when offered, else COPY, flag and expunge only these UIDs.
    public func move(uids: [UInt32], to mailbox: String) throws(TransportFailure) {
        guard !uids.isEmpty else { return }
        let set = Command.sequenceSet(uids)
        let target = try Command.mailbox(mailbox)
        if capabilities.contains("MOVE") {
            _ = try run("UID MOVE \(set) \(target)", failure: TransportFailure.mailbox)
            return
        }
        guard capabilities.contains("UIDPLUS") else {
            throw .protocolError("\(endpoint.serverURL) offers neither MOVE nor UIDPLUS: moving would expunge other deleted messages too")
        }
        _ = try run("UID COPY \(set) \(target)", failure: TransportFailure.mailbox)
        _ = try run("UID STORE \(set) +FLAGS.SILENT (\\Deleted)", failure: TransportFailure.mailbox)
        _ = try run("UID EXPUNGE \(set)", failure: TransportFailure.mailbox)
    }

    /// Creates `mailbox`; one that already exists is fine.
    public func create(mailbox: String) throws(TransportFailure) {
        let result = try exchange.run("CREATE \(try Command.mailbox(mailbox))")
        if result.completion.isOK || result.completion.codeName == "ALREADYEXISTS" { return }
        if result.completion.status == "NO", try exists(mailbox) { return }
        throw fail(result.completion, command: "CREATE", as: TransportFailure.mailbox)
    }

    /// Stores a message in `mailbox` with these flags (for tests and the demo).
    public func append(_ bytes: [UInt8], to mailbox: String, flags: [String]) throws(TransportFailure) {
        _ = try run("APPEND \(try Command.mailbox(mailbox)) \(try Command.flagList(flags))",
                    literal: bytes, literalPlus: capabilities.contains("LITERAL+"), failure: TransportFailure.mailbox)
    }

    /// Logs out politely; errors are ignored because the connection is finished either way.
    public func logout() {
        _ = try? exchange.run("LOGOUT")
    }

    private func exists(_ mailbox: String) throws(TransportFailure) -> Bool {
        let result = try run("LIST \"\" \(try Command.mailbox(mailbox))", failure: TransportFailure.mailbox)
        return result.untagged.contains { $0.keyword == "LIST" }
    }

    private func search(_ criteria: String) throws(TransportFailure) -> [UInt32] {
        let result = try run("UID SEARCH \(criteria)", failure: TransportFailure.protocolError)
        var uids: [UInt32] = []
        for response in result.untagged where response.keyword == "SEARCH" {
            uids += try SearchResponse.uids(response)
        }
        return uids.sorted()
    }

    /// Runs a command; NO becomes `failure`, BAD a protocol error.
    func run(_ command: String, literal: [UInt8]? = nil, literalPlus: Bool = false, failure: (String) -> TransportFailure,
             onUntagged: (UntaggedResponse) throws(TransportFailure) -> Void = { _ in }) throws(TransportFailure) -> CommandResult {
        let result = try exchange.run(command, literal: literal, literalPlus: literalPlus, onUntagged: onUntagged)
        guard result.completion.isOK else {
            throw fail(result.completion, command: String(command.prefix(40)), as: failure)
        }
        return result
    }

    private func fail(_ completion: ResponseText, command: String, as failure: (String) -> TransportFailure) -> TransportFailure {
        let detail = "\(endpoint.serverURL) answered \(command) with \(completion.summary)"
        return completion.status == "BAD" ? .protocolError(detail) : failure(detail)
    }
}
