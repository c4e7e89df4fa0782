/// The decoded parts of one incoming message that a form notification can be read from.
public struct FormInput: Sendable {
    /// The decoded Subject header.
    public var subject: String?
    /// The sender's address (a bare address or `Name <address>`).
    public var fromAddress: String?
    /// The addresses in Reply-To, in header order.
    public var replyTo: [String]
    /// The decoded text/plain body.
    public var plainText: String?
    /// The decoded text/html body.
    public var html: String?

    /// Collects the parts of a message; every part may be absent.
    public init(subject: String? = nil, fromAddress: String? = nil, replyTo: [String] = [],
                plainText: String? = nil, html: String? = nil) {
        self.subject = subject
        self.fromAddress = fromAddress
        self.replyTo = replyTo
        self.plainText = plainText
        self.html = html
    }
}
