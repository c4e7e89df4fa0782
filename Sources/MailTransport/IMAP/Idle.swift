/// IDLE (RFC 2177): wait for the server to report changes, for a time limit, or for a wake-up.
extension IMAPConnection {
    /// Idles in the selected mailbox until it changes, `timeoutSeconds` pass, or `wakeFileDescriptor` is readable.
    /// The wake descriptor (a pipe or eventfd) is only polled, never read: the caller drains it.
    public func idle(timeoutSeconds: Int, wakeFileDescriptor: Int32?) throws(TransportFailure) -> IdleOutcome {
        let exchange = idleExchange
        let tag = exchange.nextTag()
        try exchange.sendLine("\(tag) IDLE")
        try awaitIdleStart(tag: tag, exchange: exchange)
        let deadline = Monotonic.milliseconds() + timeoutSeconds * 1000
        var outcome: IdleOutcome?
        while outcome == nil {
            while outcome == nil, let response = try exchange.nextBufferedResponse() {
                outcome = try idleNews(response, tag: tag)
            }
            if outcome != nil { break }
            if try exchange.receive() { continue }
            let remaining = deadline - Monotonic.milliseconds()
            guard remaining > 0 else {
                outcome = .timedOut
                break
            }
            switch try exchange.wait(milliseconds: remaining, wake: wakeFileDescriptor) {
            case .readable: continue
            case .woken: outcome = .woken
            case .timedOut: outcome = .timedOut
            }
        }
        try exchange.sendLine("DONE")
        try awaitCompletion(tag: tag, exchange: exchange)
        return outcome ?? .timedOut
    }

    private func awaitIdleStart(tag: String, exchange: CommandExchange) throws(TransportFailure) {
        while true {
            switch try exchange.readResponse() {
            case .continuation: return
            case .untagged: continue
            case .tagged(_, let completion):
                throw .protocolError("the server refused IDLE: \(completion.summary)")
            }
        }
    }

    /// `.mailboxChanged` for responses that mean the mailbox changed; nil for others (`* OK Still here`).
    private func idleNews(_ response: Response, tag: String) throws(TransportFailure) -> IdleOutcome? {
        switch response {
        case .untagged(let untagged) where ["EXISTS", "EXPUNGE", "RECENT", "FETCH"].contains(untagged.keyword):
            return .mailboxChanged
        case .untagged, .continuation:
            return nil
        case .tagged(_, let completion):
            throw .protocolError("the server ended IDLE by itself: \(completion.summary)")
        }
    }

    private func awaitCompletion(tag: String, exchange: CommandExchange) throws(TransportFailure) {
        while true {
            if case .tagged(let completedTag, let completion) = try exchange.readResponse(), completedTag == tag {
                guard completion.isOK else { throw .protocolError("IDLE ended with \(completion.summary)") }
                return
            }
        }
    }
}
