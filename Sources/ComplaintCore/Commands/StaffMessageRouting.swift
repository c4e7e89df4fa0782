/// A staff message about a case whose sender and token verified: a note, and the commands in it.
public struct StaffMessagePlan: Sendable, Equatable {
    public var caseID: Int64
    public var role: CommandRole
    public var sender: String
    public var script: CommandScript
    /// Safeguarding words in the staff member's own text (not the quoted history). Every
    /// incoming message is screened (DOMAIN.md), a colleague's too: a handler who heard of
    /// abuse while talking to the parent writes it here. Empty for the safeguarding officer's
    /// own messages and for a case already under the meldcode.
    public var safeguardingHits: [String]

    public init(caseID: Int64, role: CommandRole, sender: String, script: CommandScript, safeguardingHits: [String] = []) {
        self.caseID = caseID
        self.role = role
        self.sender = sender
        self.script = script
        self.safeguardingHits = safeguardingHits
    }
}

/// A message that gives commands or claims a staff address but did not verify: kept on the case, nothing else.
public struct UnverifiedPlan: Sendable, Equatable {
    public var caseID: Int64
    public var sender: String?
    /// The role the From address would have on the case (complainant, handler, ...), or `other`.
    public var claimedRole: String
    public var reason: String
    /// True when the quality staff are told: commands were given or a wrong token was used.
    public var alertsQuality: Bool

    public init(caseID: Int64, sender: String?, claimedRole: String, reason: String, alertsQuality: Bool) {
        self.caseID = caseID
        self.sender = sender
        self.claimedRole = claimedRole
        self.reason = reason
        self.alertsQuality = alertsQuality
    }
}

/// Decides whether a message on a case is a staff message, and whether it may command.
///
/// Runs before the ordinary follow-up: a parent's plain reply is left to it, but anything
/// with commands, a token, or a staff From address is settled here.
public enum StaffMessageRouting {
    public static func decide(_ message: InboundMessage, context: IntakeContext) -> IntakeDecision? {
        guard let target = context.addressedCase ?? context.threadCase else { return nil }
        let sender = message.from?.address
        let script = CommandParser.parse(message.replyText ?? message.text ?? "")
        let staffRole = sender.flatMap { CommandAuthorization.role(of: $0, on: target, context.organisation) }
        let evidence = context.senderEvidence
        guard staffRole != nil || script.hasCommands || evidence.tokenPresented else { return nil }
        switch CommandAuthorization.check(sender: sender, on: target, organisation: context.organisation, evidence: evidence) {
        case .authorized(let role):
            let screened = role == .safeguarding || target.state == .safeguarding
                ? [] : context.safeguardingScreen.hits(in: message.replyText ?? message.text ?? "")
            return .staffMessage(StaffMessagePlan(caseID: target.id, role: role, sender: sender ?? "", script: script,
                                                  safeguardingHits: screened))
        case .refused(let reason):
            let claimed = staffRole?.rawValue ?? (sender != nil && sender == target.complainantAddress ? "complainant" : "other")
            return .unverified(UnverifiedPlan(caseID: target.id, sender: sender, claimedRole: claimed, reason: reason,
                                              alertsQuality: script.hasCommands || evidence.tokenPresented))
        }
    }
}
