import Glibc
import MailTransport

/// The supervisor's watch for a `[graph]` mailbox: Graph has no IDLE, so the delta link the
/// worker stored last is asked every `pollSeconds` whether anything changed since.
///
/// It never reads a message and never moves the link on: any change (a new message, or a
/// person reading one) or an expired link (410) starts a worker, which reads the changes from
/// its own stored link. One GET a poll, without Foundation, keeps the resident process small.
enum GraphDeltaWatch {
    /// Waits up to `seconds` (checking every `plan.pollSeconds`) for a change.
    static func wait(_ plan: WatchPlan, seconds: Int, wake: Int32, state: inout Int) throws(TransportFailure) -> MailboxWatch.Outcome {
        let deadline = Monotonic.milliseconds() + seconds * 1000
        while true {
            if Monotonic.milliseconds() >= state, try MailboxWatch.stoppable({ () throws(TransportFailure) in try changed(plan, notBefore: &state) }) {
                return .newMail
            }
            let remaining = deadline - Monotonic.milliseconds()
            if remaining <= 0 { return .quiet }
            var descriptor = pollfd(fd: wake, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, Int32(min(remaining, plan.pollSeconds * 1000))) > 0 { return .signalled }
        }
    }

    /// One GET of the delta link: true when it lists anything or has expired. A 429 or 503
    /// sets `notBefore` (monotonic milliseconds) from `Retry-After`: no request before then.
    static func changed(_ plan: WatchPlan, notBefore: inout Int) throws(TransportFailure) -> Bool {
        let request = HTTPRequest(method: "GET", url: plan.endpoint.url,
                                  headers: ["Authorization: Bearer \(plan.endpoint.bearerToken ?? "")", "Prefer: IdType=\"ImmutableId\""],
                                  caFile: plan.endpoint.caFile, timeoutSeconds: plan.endpoint.timeoutSeconds, responseLimit: 4 << 20)
        let response = try HTTPExchange.perform(request)
        switch response.status {
        case 200: return hasEntries(response.body)
        case 410: return true
        case 429, 503:
            let seconds = response.header("Retry-After").flatMap { Int($0.filter { $0 != " " }) } ?? 30
            notBefore = Monotonic.milliseconds() + seconds * 1000
            return false
        case 401, 403: throw .authentication("\(HTTPExchange.withoutQuery(plan.endpoint.url)): HTTP \(response.status)")
        default: throw .connectionLost("\(HTTPExchange.withoutQuery(plan.endpoint.url)): HTTP \(response.status)")
        }
    }

    /// Whether the reply's top-level `value` array has an element: `"value"`, `:`, `[`, then
    /// anything but `]`. Delta replies put `value` before any message, whose own fields come later.
    static func hasEntries(_ body: [UInt8]) -> Bool {
        let key = Array("\"value\"".utf8)
        guard body.count > key.count else { return false }
        var index = 0
        while index + key.count <= body.count {
            if Array(body[index..<(index + key.count)]) == key {
                var cursor = index + key.count
                func skipSpace() { while cursor < body.count, [0x20, 0x09, 0x0A, 0x0D].contains(body[cursor]) { cursor += 1 } }
                skipSpace()
                guard cursor < body.count, body[cursor] == UInt8(ascii: ":") else { index += 1; continue }
                cursor += 1
                skipSpace()
                guard cursor < body.count, body[cursor] == UInt8(ascii: "[") else { index += 1; continue }
                cursor += 1
                skipSpace()
                return cursor < body.count && body[cursor] != UInt8(ascii: "]")
            }
            index += 1
        }
        return false
    }
}
