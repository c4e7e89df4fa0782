/// Why talking to a mail server failed, in terms an operator can act on; never carries secrets.
public enum TransportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host name did not resolve.
    case resolve(String)
    /// No TCP connection could be made.
    case connect(String)
    /// TLS could not be set up (handshake, STARTTLS refused or missing).
    case tls(String)
    /// The server's certificate was not trusted, or the CA file is unusable.
    case certificate(String)
    /// The server refused the login.
    case authentication(String)
    /// The server refused an operation on a mailbox (missing, no rights, over quota).
    case mailbox(String)
    /// The server did not answer in time.
    case timeout(String)
    /// The server closed the connection; reconnect with a new connection object.
    case connectionLost(String)
    /// The server said something this client does not understand, or rejected a command as malformed.
    case protocolError(String)
    /// An SMTP 5xx reply: retrying the same message will fail again.
    case permanentRefusal(code: Int, text: String)
    /// An SMTP 4xx reply: the server asks to try again later.
    case transientRefusal(code: Int, text: String)

    /// True only when the server refused this message for good (SMTP 5xx): retrying it unchanged fails again.
    /// Login, certificate and connection failures are not permanent: fixing the configuration or
    /// the network makes a retry succeed, so queued messages must wait, not be given up.
    public var isPermanent: Bool {
        if case .permanentRefusal = self { return true }
        return false
    }

    /// One sentence saying what failed and what to check.
    public var description: String {
        switch self {
        case .resolve(let detail): "Cannot resolve the mail server's host name (\(detail)); check the host in the URL and DNS."
        case .connect(let detail): "Cannot connect to the mail server (\(detail)); check host, port, firewall and that the server runs."
        case .tls(let detail): "TLS with the mail server failed (\(detail)); check the port, the scheme (imaps/smtps vs. STARTTLS) and the server's TLS setup."
        case .certificate(let detail): "The mail server's certificate is not trusted (\(detail)); check the CA file and the host name in the URL."
        case .authentication(let detail): "The mail server refused the login (\(detail)); check user name, password or token."
        case .mailbox(let detail): "The mail server refused a mailbox operation (\(detail)); check the mailbox name and rights."
        case .timeout(let detail): "The mail server did not answer in time (\(detail)); it may be overloaded, or delaying a failed login."
        case .connectionLost(let detail): "The mail server closed the connection (\(detail)); the next attempt reconnects."
        case .protocolError(let detail): "The mail server's answer was not understood (\(detail))."
        case .permanentRefusal(let code, let text): "The mail server refused the message permanently (\(code) \(text)); do not retry unchanged."
        case .transientRefusal(let code, let text): "The mail server refused the message for now (\(code) \(text)); retry later."
        }
    }
}
