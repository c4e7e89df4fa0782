/// What an SMTP failure is about: the session, this one message's size, or this one message.
///
/// The difference decides what klachtd does with the mail. A refusal of the *session* (no
/// connection, TLS, a refused login, `530 Must issue a STARTTLS command first`, `421` and
/// `454`, relaying denied because we are not logged in) says nothing about the mail or its
/// recipients: every mail would get the same answer, so the mail waits for the configuration
/// or the server to be fixed and nobody is marked as bouncing. A refusal for *size* can be
/// cured by sending less. Only what is left is about this message and its recipients.
public enum SMTPFailureScope: Sendable, Equatable {
    /// The connection, TLS, the login or the server as a whole: retry later, mark nobody.
    case session
    /// The message is too large for the server (552, or enhanced status x.3.4).
    case size
    /// This message or its recipients (e.g. `550 5.1.1 User unknown`): the refusal stands.
    case message
}

extension TransportFailure {
    /// Reply codes that refuse the session rather than a message (RFC 5321, 3207, 4954):
    /// 421 service not available, 432 password transition, 454 TLS or authentication not
    /// available now, 530 authentication or STARTTLS required, 534 mechanism too weak,
    /// 535 credentials invalid, 538 encryption required for the mechanism.
    static let sessionReplyCodes: Set<Int> = [421, 432, 454, 530, 534, 535, 538]

    /// Enhanced status codes (RFC 3463, RFC 4954 and Microsoft 365's) that name the session's
    /// security or the client's rights, not a recipient: x.7.8 bad credentials, x.7.9 weak
    /// mechanism, x.7.11 encryption required, x.7.57 client not authenticated, x.7.60 not
    /// allowed to send as this sender, x.7.139 authentication switched off, x.7.3 security
    /// conversion required, x.7.14 trust relationship required.
    static let sessionEnhancedCodes: Set<String> = ["7.8", "7.9", "7.11", "7.57", "7.60", "7.139", "7.3", "7.14"]

    /// Words in a refusal that put the blame on the session whatever its code, e.g. Postfix's
    /// `554 5.7.1 <x@y>: Relay access denied` when the login was skipped.
    static let sessionPhrases = ["starttls", "authentication required", "must authenticate", "not authenticated",
                                 "relay access denied", "relaying denied", "client host rejected", "authentication failed"]

    /// What `SMTPConnection` itself refuses before anything reaches the server (an address that is
    /// not one plain mailbox, no recipient): about this one message, never about the session.
    static let localMessageRefusals = ["is not a plain e-mail address", "needs at least one recipient"]

    /// What this failure is about; every failure that is not a server reply is `.session`, except a
    /// message `SMTPConnection` refused itself (one bad address must not hold up every other mail).
    public var smtpScope: SMTPFailureScope {
        let code: Int, text: String
        switch self {
        case .permanentRefusal(let c, let t), .transientRefusal(let c, let t): (code, text) = (c, t)
        case .protocolError(let detail) where Self.localMessageRefusals.contains(where: { detail.contains($0) }): return .message
        default: return .session
        }
        let lower = text.lowercased()
        let enhanced = Self.enhancedStatus(lower)
        if Self.sessionReplyCodes.contains(code) { return .session }
        if let enhanced, Self.sessionEnhancedCodes.contains(String(enhanced.dropFirst(2))) { return .session }
        if Self.sessionPhrases.contains(where: { lower.contains($0) }) { return .session }
        if let enhanced, enhanced.hasSuffix(".3.4") { return .size }
        if code == 552, lower.contains("size") || lower.contains("too big") || lower.contains("too large") { return .size }
        return .message
    }

    /// The enhanced status code (`5.7.0`) at the start of a reply text, if any.
    static func enhancedStatus(_ text: String) -> String? {
        let first = text.drop { $0 == " " }.prefix { $0 != " " }
        let parts = first.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, ["2", "4", "5"].contains(parts[0]),
              parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }) else { return nil }
        return String(first)
    }
}
