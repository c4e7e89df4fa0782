/// What the intake decision needs to know of an existing case.
public struct CaseSnapshot: Sendable, Equatable {
    public var id: Int64
    public var reference: CaseReference
    public var state: CaseState
    public var complainantAddress: String?
    public var handler: String?
    public var location: String?
    /// The complainant's name as recorded: a reply from another address with this name may be theirs.
    public var complainantName: String?

    public init(id: Int64, reference: CaseReference, state: CaseState, complainantAddress: String?, handler: String?, location: String?,
                complainantName: String? = nil) {
        self.id = id
        self.reference = reference
        self.state = state
        self.complainantAddress = complainantAddress?.lowercased()
        self.handler = handler?.lowercased()
        self.location = location
        self.complainantName = complainantName
    }
}

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
