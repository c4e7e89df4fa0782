import ComplaintCore

/// Which way a case message went (`case_messages.direction`).
public enum MessageDirection: String, Sendable {
    case incoming = "in"
    case outgoing = "out"
}

/// Who a case message is from (incoming) or for (outgoing) (`case_messages.role`).
public enum MessageRole: String, Sendable {
    case complainant, handler, quality, management, safeguarding
    case safeguardingDeputy = "safeguarding-deputy"
    /// An auto-reply or other robot mail kept on the case.
    case automatic
    /// A delivery report about one of our mails.
    case bounce
    /// The complainant's name from an address the case does not know.
    case otherAddress = "other-address"
    /// The quality staff at the command line.
    case `operator`
    /// A sender who is none of these (an unverified message from a stranger).
    case other

    /// The role of a follow-up's sender.
    public init(_ role: FollowUpPlan.Role) {
        switch role {
        case .complainant: self = .complainant
        case .handler: self = .handler
        case .quality: self = .quality
        case .safeguarding: self = .safeguarding
        case .automatic: self = .automatic
        case .otherAddress: self = .otherAddress
        }
    }

    /// The role of a mail's audience.
    public init(_ audience: Audience) {
        switch audience {
        case .complainant: self = .complainant
        case .handler: self = .handler
        case .quality: self = .quality
        case .management: self = .management
        case .safeguarding: self = .safeguarding
        case .safeguardingDeputy: self = .safeguardingDeputy
        }
    }

    /// The role of a staff member who may command.
    public init(_ role: CommandRole) {
        switch role {
        case .handler: self = .handler
        case .quality: self = .quality
        case .safeguarding: self = .safeguarding
        case .management: self = .management
        case .operator: self = .operator
        }
    }
}
