/// In which capacity someone gives a command.
public enum CommandRole: String, Sendable, Equatable {
    case handler, quality, safeguarding
    /// Management: appoints the handler of a complaint that must not go to the location's own (`#toewijzen`).
    case management
    /// The quality staff at the command line: trusted by their access to the server.
    case `operator`
}

/// What the daemon established about a message's origin before the decision.
public struct SenderEvidence: Sendable, Equatable {
    /// The plus address carried a token part (`klachten+REF.token@`).
    public var tokenPresented: Bool
    /// That token is the one we gave this sender for this case.
    public var tokenVerified: Bool
    /// Why the mail server's DKIM/SPF/DMARC verdict does not satisfy the settings; nil when it does or none is required.
    public var authenticationFailure: String?

    public init(tokenPresented: Bool = false, tokenVerified: Bool = false, authenticationFailure: String? = nil) {
        self.tokenPresented = tokenPresented
        self.tokenVerified = tokenVerified
        self.authenticationFailure = authenticationFailure
    }
}

/// Who may give commands on a case: the only place that says so.
public enum CommandAuthorization {
    public enum Verdict: Sendable, Equatable {
        case authorized(CommandRole)
        /// Why not, for the case file and the quality staff; never sent to the claimed sender.
        case refused(String)
    }

    /// The sender must be staff of this case and hold its token, and the mail server must vouch for the From domain.
    public static func check(sender: String?, on snapshot: CaseSnapshot, organisation: OrganisationAddresses,
                             evidence: SenderEvidence) -> Verdict {
        guard let sender = sender?.lowercased(), let role = role(of: sender, on: snapshot, organisation) else {
            return .refused("de afzender \(sender ?? "(geen)") is niet de behandelaar van deze zaak, "
                            + "geen kwaliteitsmedewerker en geen aandachtsfunctionaris")
        }
        guard evidence.tokenPresented else {
            return .refused("het bericht is niet gestuurd aan het antwoordadres met toegangscode van deze zaak")
        }
        guard evidence.tokenVerified else {
            return .refused("de toegangscode in het adres hoort niet bij deze zaak en deze afzender")
        }
        if let failure = evidence.authenticationFailure {
            return .refused("de mailserver bevestigt de afzender niet: \(failure)")
        }
        return .authorized(role)
    }

    /// The staff role of an address on a case; the case's handler first.
    public static func role(of sender: String, on snapshot: CaseSnapshot, _ organisation: OrganisationAddresses) -> CommandRole? {
        if sender == snapshot.handler { return .handler }
        if organisation.safeguarding.contains(sender) { return .safeguarding }
        if organisation.quality.contains(sender) { return .quality }
        if organisation.management.contains(sender) { return .management }
        return nil
    }

    /// Why `role` may not give `command` on a case in `state`; nil when it may.
    public static func refusal(of command: HandlerCommand, role: CommandRole, state: CaseState) -> CommandProblem? {
        if role == .operator || role == .safeguarding { return nil }
        if command.isSafeguardingOnly {
            return CommandProblem("\(command.word) is voorbehouden aan de aandachtsfunctionaris",
                                  english: "\(command.englishWord) is for the safeguarding officer only")
        }
        if role == .management {
            if case .assign = command, state != .safeguarding { return nil }
            if command == .help { return nil }
            return CommandProblem("de directie wijst met #toewijzen een behandelaar aan; andere opdrachten geeft de behandelaar of Kwaliteit",
                                  english: "management appoints a handler with #assign; other commands are given by the handler or Quality")
        }
        if state == .safeguarding, command != .help {
            return CommandProblem("deze zaak valt onder de meldcode; alleen de aandachtsfunctionaris kan er opdrachten voor geven",
                                  english: "this case is under the meldcode; only the safeguarding officer can give commands for it")
        }
        return nil
    }
}
