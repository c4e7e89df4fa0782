/// A mailbox (RFC 5322 §3.4): an optional display name and an addr-spec.
public struct MailAddress: Sendable, Equatable, Hashable {
    /// The decoded display name, nil when the mailbox has none.
    public var name: String?
    /// The addr-spec, `local@domain`.
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}
