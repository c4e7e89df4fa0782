import Foundation

/// Who a mail from the daemon goes to; the daemon turns an audience into addresses.
public enum Audience: String, Sendable, Equatable {
    case complainant, handler, quality, management, safeguarding
    /// The deputy safeguarding officer (or the quality staff when none is set): a meldcode alert nobody acted on.
    case safeguardingDeputy = "safeguarding-deputy"
}

/// A mail the decision wants sent, by template name and audience.
public struct MailIntent: Sendable, Equatable {
    public var template: TemplateName
    public var audience: Audience

    public init(_ template: TemplateName, to audience: Audience) {
        self.template = template
        self.audience = audience
    }
}

/// Everything needed to open a case for a new message.
public struct NewCasePlan: Sendable, Equatable {
    public var kind: MessageKind
    public var complainant: Party?
    public var location: LocationProfile?
    public var handler: String?
    public var regime: Regime
    public var subject: String?
    public var initialState: CaseState
    public var flags: [CaseFlag]
    public var safeguardingHits: [String]
    public var seriousHits: [String]
    public var mails: [MailIntent]
    /// The colleague who forwarded the parent's mail, when it came that way.
    public var forwardedBy: Party? = nil
    /// The forwarded mail's own date, when earlier than its arrival here: the terms run from it.
    public var receivedAt: Date? = nil
    /// The complaint's text when it is not the message's own (the forwarded mail's).
    public var text: String? = nil
    /// The language the parent wrote in ("en", "nl"), nil when unclear: letters to the parent follow it.
    public var language: String? = nil
}

/// A message that belongs to an existing case.
public struct FollowUpPlan: Sendable, Equatable {
    public enum Role: String, Sendable {
        case complainant, handler, quality, safeguarding, automatic
        /// The complainant's name from an address the case does not know: gets nothing until a handler confirms it.
        case otherAddress = "other-address"
    }
    public var caseID: Int64
    public var role: Role
    public var mails: [MailIntent]
    /// Safeguarding signals in the message: the officer is alerted with it, the location team does not get it.
    public var safeguardingHits: [String]
    /// The case goes under the meldcode now (it was not, and its state allows it).
    public var restrictsCase: Bool

    public init(caseID: Int64, role: Role, mails: [MailIntent], safeguardingHits: [String] = [], restrictsCase: Bool = false) {
        self.caseID = caseID
        self.role = role
        self.mails = mails
        self.safeguardingHits = safeguardingHits
        self.restrictsCase = restrictsCase
    }
}

/// What a message means for the cases: the pure answer the daemon carries out.
public enum IntakeDecision: Sendable, Equatable {
    /// Registered, answered to nobody: automatic mail, our own mail come back, a bounce.
    case ignore(reason: String, caseID: Int64?)
    case newCase(NewCasePlan)
    case followUp(FollowUpPlan)
    /// A verified staff message: a note, and the commands in it.
    case staffMessage(StaffMessagePlan)
    /// Commands or a staff claim that did not verify: kept unverified, nothing changes.
    case unverified(UnverifiedPlan)
    /// Our own address's mail, or a colleague's that is no forwarded complaint: no case, no
    /// answer; kept and shown to the quality staff.
    case keptForQuality(reason: String)
    /// A desk command from the quality staff or management that verified (`StaffDeskRouting`).
    case staffDesk(StaffDeskPlan)
}
