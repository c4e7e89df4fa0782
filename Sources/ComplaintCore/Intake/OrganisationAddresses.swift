/// The organisation's own addresses: who is staff, and which mail is ours.
public struct OrganisationAddresses: Sendable, Equatable {
    public var mailbox: String
    public var quality: [String]
    public var management: [String]
    public var safeguarding: [String]
    /// The domain after `@` in our Message-IDs; mail whose Message-ID has it is our own.
    public var messageIDDomain: String

    /// `[organisation] staff`: colleagues' addresses, or `@domain` for a whole domain. Their mail
    /// opens no case; a parent's mail they forward does, for the parent.
    public var staff: [String]

    public init(mailbox: String, quality: [String], management: [String], safeguarding: [String], messageIDDomain: String,
                staff: [String] = []) {
        self.staff = staff.map { $0.lowercased() }
        self.mailbox = mailbox.lowercased()
        self.quality = quality.map { $0.lowercased() }
        self.management = management.map { $0.lowercased() }
        self.safeguarding = safeguarding.map { $0.lowercased() }
        self.messageIDDomain = messageIDDomain.lowercased()
    }

    /// The mailbox itself or one of its plus addresses (`klachten+KL-2026-0001.token@…`).
    public func isOurMailbox(_ address: String) -> Bool {
        let address = address.lowercased()
        guard let at = mailbox.firstIndex(of: "@") else { return address == mailbox }
        let local = mailbox[..<at], domain = mailbox[at...]
        return address == mailbox || (address.hasPrefix(local + "+") && address.hasSuffix(domain))
    }
}
