/// What the daemon established about a mail to the desk: the staff token and the server's verdict.
public struct DeskEvidence: Sendable, Equatable {
    /// The mail went to `klachten+staff.<token>@` (any token).
    public var tokenPresented = false
    /// That token is the one we gave this sender (an HMAC of their address).
    public var tokenVerified = false
    /// `[authentication] authserv_id` is set and DKIM or SPF passed for the From domain.
    public var serverVouches = false
    /// Why the server's verdict does not satisfy `[authentication]`; nil when it does or none is required.
    public var authenticationFailure: String?

    public init(tokenPresented: Bool = false, tokenVerified: Bool = false, serverVouches: Bool = false,
                authenticationFailure: String? = nil) {
        self.tokenPresented = tokenPresented
        self.tokenVerified = tokenVerified
        self.serverVouches = serverVouches
        self.authenticationFailure = authenticationFailure
    }
}

/// A verified desk command from the quality staff or management.
public struct StaffDeskPlan: Sendable, Equatable {
    public var sender: String
    public var role: CommandRole
    public var reading: StaffCommandParser.Reading

    public init(sender: String, role: CommandRole, reading: StaffCommandParser.Reading) {
        self.sender = sender
        self.role = role
        self.reading = reading
    }
}

/// Decides whether a mail to the complaints address is a desk command, and whether it counts.
///
/// Runs before the case routing: a mail about no case (not to a case's plus address, not in a
/// case's thread) from a quality or management address whose first line is a desk word, or
/// any mail to `klachten+staff.<token>@`. It counts with a staff token that verifies for the
/// sender, or, with `[authentication] authserv_id` set, with DKIM or SPF passing for the From
/// domain; and never when the server's verdict fails the settings. Anything else is kept and
/// shown to the quality staff, with no reply to the claimed sender (no backscatter).
public enum StaffDeskRouting {
    public static let unverifiedReason = "an unverified staff command"

    public static func decide(_ message: InboundMessage, context: IntakeContext) -> IntakeDecision? {
        guard message.form == nil, let sender = message.from?.address.lowercased() else { return nil }
        if context.addressedCase != nil { return viaCaseAddress(message, sender: sender, context: context) }
        let evidence = context.deskEvidence
        let reading = StaffCommandParser.parse(message.replyText ?? message.text ?? "")
        guard evidence.tokenPresented || reading != nil else { return nil }
        // A reply in a case's thread with no desk token is the case's business (StaffMessageRouting, follow-ups).
        if context.threadCase != nil, !evidence.tokenPresented { return nil }
        let organisation = context.organisation
        let role: CommandRole? = organisation.quality.contains(sender) ? .quality
            : organisation.management.contains(sender) ? .management : nil
        guard let role else {
            // A parent who happens to start with "#zaken" writes to us like anyone else; only a
            // stranger using the staff address is kept apart.
            return evidence.tokenPresented ? .keptForQuality(reason: unverifiedReason) : nil
        }
        guard (evidence.tokenVerified || evidence.serverVouches), evidence.authenticationFailure == nil else {
            return .keptForQuality(reason: unverifiedReason)
        }
        guard let reading else { return nil }
        return .staffDesk(StaffDeskPlan(sender: sender, role: role, reading: reading))
    }

    /// Desk words that are no case command: they also count in a reply to a mail about a case,
    /// on that case's verified token, so the staff need not look for a mail about no case.
    /// `#help` and `#jaarverslag` stay the case's (their case commands share the word).
    static let wordsOnCaseAddress: Set<StaffCommand.Word> = [.cases, .caseFile, .register, .onBehalf, .quarterlyOverview]

    private static func viaCaseAddress(_ message: InboundMessage, sender: String, context: IntakeContext) -> IntakeDecision? {
        let organisation = context.organisation
        let role: CommandRole? = organisation.quality.contains(sender) ? .quality
            : organisation.management.contains(sender) ? .management : nil
        let text = message.replyText ?? message.text ?? ""
        guard let role, let word = StaffCommandParser.word(text), wordsOnCaseAddress.contains(word),
              let reading = StaffCommandParser.parse(text) else { return nil }
        let evidence = context.senderEvidence
        guard evidence.tokenPresented, evidence.tokenVerified, evidence.authenticationFailure == nil else { return nil }
        return .staffDesk(StaffDeskPlan(sender: sender, role: role, reading: reading))
    }
}
