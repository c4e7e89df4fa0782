import MailTransport

/// What a worker hands the supervisor when it has nothing left to do: how to watch the
/// mailbox for new mail, and when to start a worker again regardless.
///
/// The worker read the configuration (with Foundation); the supervisor must not, to stay
/// small. So the worker resolves everything the watch needs (the URL, the password or a
/// current OAuth2 token, the CA file) and sends it over the private socket pair.
public struct WatchPlan: Sendable, Equatable {
    /// Start a worker at this moment (seconds since 1970) even when no mail came: the
    /// scheduler's next pass, an outbox retry, or an access token about to expire.
    public var wakeAt: Int
    /// The IMAP server and login, resolved by the worker (never logged).
    public var endpoint: MailServerEndpoint
    public var mailbox: String
    /// The mailbox state the worker stored: mail above `lastUID` in this UIDVALIDITY is new.
    public var uidValidity: UInt32
    public var lastUID: UInt32
    /// Seconds between checks when the server has no IDLE.
    public var pollSeconds: Int

    public init(wakeAt: Int, endpoint: MailServerEndpoint, mailbox: String, uidValidity: UInt32, lastUID: UInt32, pollSeconds: Int) {
        self.wakeAt = wakeAt
        self.endpoint = endpoint
        self.mailbox = mailbox
        self.uidValidity = uidValidity
        self.lastUID = lastUID
        self.pollSeconds = pollSeconds
    }

    /// The marker line that makes a datagram a hand-over rather than a systemd-style notification.
    static let marker = "KLACHTD_HANDOFF=1"

    /// `KEY=VALUE` lines, as systemd's notifications are; nil when a value cannot be carried
    /// on one line (then the worker keeps running instead of handing over).
    public func encoded() -> String? {
        var fields: [(String, String?)] = [
            ("WAKE_AT", String(wakeAt)), ("URL", endpoint.url), ("USERNAME", endpoint.username), ("PASSWORD", endpoint.password),
            ("BEARER_TOKEN", endpoint.bearerToken), ("SASL", endpoint.saslMechanism), ("STARTTLS", endpoint.requireStartTLS ? "1" : "0"),
            ("CA_FILE", endpoint.caFile), ("TIMEOUT", String(endpoint.timeoutSeconds)), ("MAILBOX", mailbox),
            ("UIDVALIDITY", String(uidValidity)), ("LAST_UID", String(lastUID)), ("POLL_SECONDS", String(pollSeconds)),
        ]
        fields = fields.filter { $0.1 != nil }
        var text = Self.marker + "\n"
        for case let (key, value?) in fields {
            guard !value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0 }) else { return nil }
            text += key + "=" + value + "\n"
        }
        return text
    }

    /// True when the datagram is a hand-over (readable or not): such a datagram carries a
    /// password or token and is never passed on to systemd.
    static func isHandOver(_ datagram: String) -> Bool {
        datagram.utf8.starts(with: (marker + "\n").utf8)
    }

    /// Reads a hand-over datagram; nil when it is not one or misses a required field.
    /// Split on bytes, so no value can merge with `=` or a line break into one character.
    public init?(datagram: String) {
        guard Self.isHandOver(datagram) else { return nil }
        var fields: [String: String] = [:]
        for line in datagram.utf8.split(separator: UInt8(ascii: "\n")).dropFirst() {
            guard let equals = line.firstIndex(of: UInt8(ascii: "=")) else { continue }
            fields[String(decoding: line[..<equals], as: UTF8.self)] = String(decoding: line[line.index(after: equals)...], as: UTF8.self)
        }
        guard let wakeAt = fields["WAKE_AT"].flatMap({ Int($0) }), let url = fields["URL"], let mailbox = fields["MAILBOX"],
              let uidValidity = fields["UIDVALIDITY"].flatMap({ UInt32($0) }), let lastUID = fields["LAST_UID"].flatMap({ UInt32($0) }),
              let timeout = fields["TIMEOUT"].flatMap({ Int($0) }), let poll = fields["POLL_SECONDS"].flatMap({ Int($0) }) else { return nil }
        let endpoint = MailServerEndpoint(url: url, username: fields["USERNAME"], password: fields["PASSWORD"],
                                          bearerToken: fields["BEARER_TOKEN"], requireStartTLS: fields["STARTTLS"] != "0",
                                          caFile: fields["CA_FILE"], timeoutSeconds: timeout, saslMechanism: fields["SASL"])
        self.init(wakeAt: wakeAt, endpoint: endpoint, mailbox: mailbox, uidValidity: uidValidity, lastUID: lastUID, pollSeconds: poll)
    }
}
