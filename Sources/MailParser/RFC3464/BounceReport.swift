/// One recipient of a delivery status notification (RFC 3464 §2.3).
public struct BounceRecipient: Sendable, Equatable {
    public var address: String
    /// "failed", "delayed", "delivered", "relayed" or "expanded".
    public var action: String?
    /// The enhanced status code (RFC 3463), e.g. "5.1.1".
    public var status: String?
    /// The remote server's diagnostic text.
    public var diagnostic: String?

    public init(address: String, action: String?, status: String?, diagnostic: String?) {
        self.address = address
        self.action = action
        self.status = status
        self.diagnostic = diagnostic
    }
}

/// What a bounce says about the message it returns.
public struct BounceReport: Sendable {
    public var recipients: [BounceRecipient]
    /// The Message-ID of the returned message, without angle brackets.
    public var originalMessageID: String?

    public init(recipients: [BounceRecipient], originalMessageID: String?) {
        self.recipients = recipients
        self.originalMessageID = originalMessageID
    }
}
