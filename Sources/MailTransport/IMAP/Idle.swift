/// IDLE (RFC 2177): wait for the server to report changes, for a time limit, or for a wake-up.
extension IMAPConnection {
    /// Idles in the selected mailbox until it changes, `timeoutSeconds` pass, or `wakeFileDescriptor` is readable.
    /// The wake descriptor (a pipe or eventfd) is only polled, never read: the caller drains it.
    /// Waits longer than 28 minutes are cut short, because servers may end IDLE after 29 (RFC 2177).
    public func idle(timeoutSeconds: Int, wakeFileDescriptor: Int32?) throws(TransportFailure) -> IdleOutcome {
        let tag = exchange.nextTag()
        try exchange.sendLine("\(tag) IDLE")
        try awaitIdleStart(exchange: exchange)
        let deadline = Monotonic.milliseconds() + min(timeoutSeconds, Self.longestIdleSeconds) * 1000
        let outcome = try waitForNews(exchange: exchange, deadline: deadline, wake: wakeFileDescriptor)
        try exchange.sendLine("DONE")
        let changedMeanwhile = try awaitCompletion(tag: tag, exchange: exchange)
        return outcome == .timedOut && changedMeanwhile ? .mailboxChanged : outcome
    }

    private func waitForNews(exchange: CommandExchange, deadline: Int, wake: Int32?) throws(TransportFailure) -> IdleOutcome {
        while true {
            while let response = try exchange.nextBufferedResponse() {
                if let outcome = try idleNews(response) { return outcome }
            }
            // Drain libcurl (TLS may hold bytes) before sleeping in poll().
            if try exchange.receive() { continue }
            let remaining = deadline - Monotonic.milliseconds()
            guard remaining > 0 else { return .timedOut }
            switch try exchange.wait(milliseconds: remaining, wake: wake) {
            case .readable: continue
            case .woken: return .woken
            case .timedOut: return .timedOut
            }
        }
    }

    /// The longest single IDLE, safely below the 29 minutes after which servers may drop the client.
    static var longestIdleSeconds: Int { 28 * 60 }

    private func awaitIdleStart(exchange: CommandExchange) throws(TransportFailure) {
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
    private func idleNews(_ response: Response) throws(TransportFailure) -> IdleOutcome? {
        switch response {
        case .untagged(let untagged) where Self.changeKeywords.contains(untagged.keyword):
            return .mailboxChanged
        case .untagged, .continuation:
            return nil
        case .tagged(_, let completion):
            throw .protocolError("the server ended IDLE by itself: \(completion.summary)")
        }
    }

    /// Reads up to IDLE's completion; true when a change was reported on the way (just before DONE arrived).
    private func awaitCompletion(tag: String, exchange: CommandExchange) throws(TransportFailure) -> Bool {
        var changed = false
        while true {
            let response = try exchange.readResponse()
            if case .tagged(let completedTag, let completion) = response, completedTag == tag {
                guard completion.isOK else { throw .protocolError("IDLE ended with \(completion.summary)") }
                return changed
            }
            if case .untagged(let untagged) = response, Self.changeKeywords.contains(untagged.keyword) { changed = true }
        }
    }

    /// Untagged responses that mean the selected mailbox changed.
    static var changeKeywords: Set<String> { ["EXISTS", "EXPUNGE", "RECENT", "FETCH"] }
}
