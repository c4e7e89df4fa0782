import Foundation
import MailTransport
import Synchronization

/// Where a Graph mailbox is and how it is reached; the token comes with each call.
public struct GraphEndpoint: Sendable, Equatable {
    /// `https://graph.microsoft.com/v1.0` (no trailing slash).
    public var base: String
    /// The mailbox address (`klachten@contoso.nl`).
    public var mailbox: String
    public var caFile: String?
    public var timeoutSeconds: Int

    public init(base: String, mailbox: String, caFile: String? = nil, timeoutSeconds: Int = 30) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.mailbox = mailbox
        self.caFile = caFile
        self.timeoutSeconds = timeoutSeconds
    }

    /// `{base}/users/{mailbox}` followed by `path`.
    func url(_ path: String) -> String {
        base + "/users/" + GraphPath.escape(mailbox) + path
    }
}

/// Microsoft Graph's REST calls over `HTTPExchange`, with its throttling rules:
///
/// - a 429 or 503 names, in `Retry-After`, how long to wait; no request of this process goes
///   out before that time has passed (`Throttle`), and a short wait is waited here and the
///   request sent again (three times at most);
/// - at most four requests are in flight at once (Microsoft's limit per app and mailbox);
/// - every other refusal becomes a `TransportFailure`, in words (`GraphRefusal`).
public struct GraphClient: Sendable {
    public let endpoint: GraphEndpoint
    let token: String
    /// The longest `Retry-After` waited inside one call; a longer one is left to the caller's backoff.
    static let longestInlineWait = 60

    public init(endpoint: GraphEndpoint, token: String) {
        self.endpoint = endpoint
        self.token = token
    }

    /// Sends a request and returns the reply when its status is 2xx; refusals throw.
    func send(_ method: String, _ url: String, headers: [String] = [], body: [UInt8]? = nil,
              responseLimit: Int = 4 << 20) throws(TransportFailure) -> HTTPResponse {
        var request = HTTPRequest(method: method, url: url, headers: ["Authorization: Bearer \(token)"] + headers, body: body,
                                  caFile: endpoint.caFile, timeoutSeconds: endpoint.timeoutSeconds, responseLimit: responseLimit)
        if body != nil, !headers.contains(where: { $0.lowercased().hasPrefix("content-type:") }) {
            request.headers.append("Content-Type: application/json")
        }
        var attempt = 0
        while true {
            try Throttle.shared.waitUntilAllowed(longest: Self.longestInlineWait)
            let response = try Throttle.shared.limitingConcurrency { () throws(TransportFailure) in try HTTPExchange.perform(request) }
            if (200..<300).contains(response.status) { return response }
            if response.status == 429 || response.status == 503 {
                let seconds = GraphRefusal.retryAfter(response) ?? (response.status == 429 ? 10 : 5)
                Throttle.shared.holdOff(seconds: seconds)
                attempt += 1
                if attempt <= 3, seconds <= Self.longestInlineWait { continue }
            }
            throw GraphRefusal.failure(response, url: url)
        }
    }

    /// A JSON object reply.
    func json(_ method: String, _ url: String, headers: [String] = [], body: Any? = nil) throws(TransportFailure) -> [String: Any] {
        let bytes: [UInt8]? = body.flatMap { (try? JSONSerialization.data(withJSONObject: $0)).map { Array($0) } }
        let response = try send(method, url, headers: headers, body: bytes)
        if response.body.isEmpty { return [:] }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] else {
            throw .protocolError("\(HTTPExchange.withoutQuery(url)): the reply (HTTP \(response.status)) is not a JSON object")
        }
        return object
    }
}

/// The process's shared throttling state: the time before which no request may go out, and
/// the four request slots.
final class Throttle: Sendable {
    static let shared = Throttle()
    private let notBefore = Mutex<Int>(0)   // monotonic milliseconds
    private let slots = DispatchSemaphore(value: 4)

    /// Waits until a `Retry-After` has passed; throws when that is more than `longest` seconds away.
    func waitUntilAllowed(longest: Int) throws(TransportFailure) {
        let remaining = notBefore.withLock { $0 } - Monotonic.milliseconds()
        guard remaining > 0 else { return }
        guard remaining <= longest * 1000 else {
            throw .connectionLost("Microsoft Graph asked to wait \(remaining / 1000 + 1) s more (Retry-After); nothing is sent before then")
        }
        Thread.sleep(forTimeInterval: Double(remaining) / 1000)
    }

    /// No request before `seconds` from now (a later hold-off already set stays).
    func holdOff(seconds: Int) {
        let until = Monotonic.milliseconds() + seconds * 1000
        notBefore.withLock { $0 = max($0, until) }
    }

    /// Runs `work` in one of the four request slots.
    func limitingConcurrency<Result>(_ work: () throws(TransportFailure) -> Result) throws(TransportFailure) -> Result {
        slots.wait()
        defer { slots.signal() }
        return try work()
    }
}

/// Percent-encoding for one path segment (a mailbox address, an id, a folder name).
enum GraphPath {
    private static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~@".utf8)

    static func escape(_ text: String) -> String {
        var out = ""
        let digits = Array("0123456789ABCDEF")
        for byte in text.utf8 {
            if allowed.contains(byte) { out.unicodeScalars.append(Unicode.Scalar(byte)) }
            else { out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)]) }
        }
        return out
    }
}
