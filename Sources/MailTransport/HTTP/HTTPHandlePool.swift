import Synchronization

/// The easy handles `HTTPExchange` keeps between requests, so a run of Graph calls (a delta
/// page, each message's `$value`, its PATCH, the acknowledgement's sendMail) travels over one
/// TLS connection instead of opening one per request: libcurl keeps a handle's connections
/// alive for reuse (closing those idle for `CURLOPT_MAXAGE_CONN`, 118 s by default) and
/// `curl_easy_reset` clears the options but not that connection cache.
///
/// At most `capacity` idle handles are kept (Graph allows four requests in flight per app and
/// mailbox, `Throttle`); a handle is taken out for one request and put back after it, so no two
/// threads ever use one at once.
enum HTTPHandlePool {
    static let capacity = 4

    /// A handle on its way between threads. Safe to send: a handle is only ever in the pool
    /// (guarded by its mutex) or held by the one request that took it out.
    private struct Idle: @unchecked Sendable { let easy: CurlEasy }

    private static let idle = Mutex<[Idle]>([])

    /// A handle with no options set, reused when one is idle.
    static func take() throws(TransportFailure) -> CurlEasy {
        if let reused = idle.withLock({ $0.popLast() })?.easy {
            try reused.reset()
            return reused
        }
        return try CurlEasy()
    }

    /// Keeps `easy` for the next request, unless enough are kept already.
    static func putBack(_ easy: CurlEasy) {
        let kept = Idle(easy: easy)
        idle.withLock { handles in
            if handles.count < capacity { handles.append(kept) }
        }
    }
}
