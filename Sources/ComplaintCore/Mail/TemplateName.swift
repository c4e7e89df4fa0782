/// The name of a mail text in `Templates/` (`acknowledgement`, `handler-reminder`), as the core
/// chooses it and the renderer loads it.
///
/// A struct with known values rather than an enum, like `CaseFlag`: an organisation may add
/// its own text, and an outbox row an older or newer klachtd wrote keeps its name as it is.
/// The constants make a typo in a name a compile error; `MailTemplateCatalog.knownPaths`
/// (in MailTemplates, which does not depend on the core) lists the same names with their
/// variables, and a test keeps the two lists equal.
public struct TemplateName: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The file name without language folder or extension, e.g. `acknowledgement`.
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    /// The HTML version of the same mail (`desk-case-html` beside `desk-case`), sent with it when the templates have it.
    public var htmlVersion: TemplateName { TemplateName(rawValue: rawValue + "-html") }

    /// Every name below, for the test that compares them with the catalog.
    public static let known: Set<TemplateName> = [
        .acknowledgement,
        .neutralReceipt,
        .handlerAssignment,
        .questionReceipt,
        .improvementReceipt,
        .suggestionReceipt,
        .questionNotice,
        .improvementNotice,
        .suggestionNotice,
        .complimentNotice,
        .kindReview,
        .managementAssignment,
        .qualityUnassigned,
        .safeguardingAlert,
        .safeguardingFollowUp,
        .staffSafeguardingNotice,
        .seriousAlert,
        .systemNotice,
        .handlerReminder,
        .overdueEscalation,
        .progressUpdate,
        .progressUpdateNotice,
        .satisfactionQuestion,
        .satisfactionReminder,
        .escalationInformation,
        .dissatisfactionNotice,
        .extensionNotice,
        .judgementLetter,
        .closingLetter,
        .complimentThanks,
        .weeklyDigest,
        .followUpNotice,
        .followUpOtherAddress,
        .handlerMessage,
        .unverifiedMessage,
        .commandReply,
        .releaseAcknowledgement,
        .withdrawalConfirmation,
        .suspensionNotice,
        .resumptionNotice,
        .resolutionLetter,
        .safeguardingReminder,
        .judgementReview,
        .judgementHeld,
        .judgementReturned,
        .reportCycle,
        .quarantineNotice,
        .keptMailNotice,
        .bounceNotice,
        .refusedNotice,
        .heldNotice,
        .incompleteMailNotice,
        .floodHoldNotice,
        .sendingTroubleNotice,
        .mailboxOutageNotice,
        .mailboxRecoveredNotice,
        .parentTextRefusedNotice,
        .judgementNotSentNotice,
        .deskHelp,
        .deskProblem,
        .deskRegistered,
        .deskReport,
        .deskRecorded,
        .deskCases,
        .deskCasesHtml,
        .deskCase,
        .deskCaseHtml,
        .weeklyDigestHtml,
    ]

    public static let acknowledgement = TemplateName(rawValue: "acknowledgement")
    public static let neutralReceipt = TemplateName(rawValue: "neutral-receipt")
    public static let handlerAssignment = TemplateName(rawValue: "handler-assignment")
    public static let questionReceipt = TemplateName(rawValue: "question-receipt")
    public static let improvementReceipt = TemplateName(rawValue: "improvement-receipt")
    public static let suggestionReceipt = TemplateName(rawValue: "suggestion-receipt")
    public static let questionNotice = TemplateName(rawValue: "question-notice")
    public static let improvementNotice = TemplateName(rawValue: "improvement-notice")
    public static let suggestionNotice = TemplateName(rawValue: "suggestion-notice")
    public static let complimentNotice = TemplateName(rawValue: "compliment-notice")
    public static let kindReview = TemplateName(rawValue: "kind-review")
    public static let managementAssignment = TemplateName(rawValue: "management-assignment")
    public static let qualityUnassigned = TemplateName(rawValue: "quality-unassigned")
    public static let safeguardingAlert = TemplateName(rawValue: "safeguarding-alert")
    public static let safeguardingFollowUp = TemplateName(rawValue: "safeguarding-follow-up")
    /// To the safeguarding officer: a colleague's message on an open case has safeguarding words.
    public static let staffSafeguardingNotice = TemplateName(rawValue: "staff-safeguarding-notice")
    public static let seriousAlert = TemplateName(rawValue: "serious-alert")
    public static let systemNotice = TemplateName(rawValue: "system-notice")
    public static let handlerReminder = TemplateName(rawValue: "handler-reminder")
    public static let overdueEscalation = TemplateName(rawValue: "overdue-escalation")
    public static let progressUpdate = TemplateName(rawValue: "progress-update")
    public static let progressUpdateNotice = TemplateName(rawValue: "progress-update-notice")
    public static let satisfactionQuestion = TemplateName(rawValue: "satisfaction-question")
    public static let satisfactionReminder = TemplateName(rawValue: "satisfaction-reminder")
    public static let escalationInformation = TemplateName(rawValue: "escalation-information")
    public static let dissatisfactionNotice = TemplateName(rawValue: "dissatisfaction-notice")
    public static let extensionNotice = TemplateName(rawValue: "extension-notice")
    public static let judgementLetter = TemplateName(rawValue: "judgement-letter")
    public static let closingLetter = TemplateName(rawValue: "closing-letter")
    public static let complimentThanks = TemplateName(rawValue: "compliment-thanks")
    public static let weeklyDigest = TemplateName(rawValue: "weekly-digest")
    public static let followUpNotice = TemplateName(rawValue: "follow-up-notice")
    public static let followUpOtherAddress = TemplateName(rawValue: "follow-up-other-address")
    public static let handlerMessage = TemplateName(rawValue: "handler-message")
    public static let unverifiedMessage = TemplateName(rawValue: "unverified-message")
    public static let commandReply = TemplateName(rawValue: "command-reply")
    public static let releaseAcknowledgement = TemplateName(rawValue: "release-acknowledgement")
    public static let withdrawalConfirmation = TemplateName(rawValue: "withdrawal-confirmation")
    public static let suspensionNotice = TemplateName(rawValue: "suspension-notice")
    public static let resumptionNotice = TemplateName(rawValue: "resumption-notice")
    public static let resolutionLetter = TemplateName(rawValue: "resolution-letter")
    public static let safeguardingReminder = TemplateName(rawValue: "safeguarding-reminder")
    public static let judgementReview = TemplateName(rawValue: "judgement-review")
    public static let judgementHeld = TemplateName(rawValue: "judgement-held")
    public static let judgementReturned = TemplateName(rawValue: "judgement-returned")
    public static let reportCycle = TemplateName(rawValue: "report-cycle")
    public static let quarantineNotice = TemplateName(rawValue: "quarantine-notice")
    public static let keptMailNotice = TemplateName(rawValue: "kept-mail-notice")
    public static let bounceNotice = TemplateName(rawValue: "bounce-notice")
    public static let refusedNotice = TemplateName(rawValue: "refused-notice")
    public static let heldNotice = TemplateName(rawValue: "held-notice")
    public static let incompleteMailNotice = TemplateName(rawValue: "incomplete-mail-notice")
    public static let floodHoldNotice = TemplateName(rawValue: "flood-hold-notice")
    public static let sendingTroubleNotice = TemplateName(rawValue: "sending-trouble-notice")
    public static let mailboxOutageNotice = TemplateName(rawValue: "mailbox-outage-notice")
    public static let mailboxRecoveredNotice = TemplateName(rawValue: "mailbox-recovered-notice")
    public static let parentTextRefusedNotice = TemplateName(rawValue: "parent-text-refused-notice")
    public static let judgementNotSentNotice = TemplateName(rawValue: "judgement-not-sent-notice")
    public static let deskHelp = TemplateName(rawValue: "desk-help")
    public static let deskProblem = TemplateName(rawValue: "desk-problem")
    public static let deskRegistered = TemplateName(rawValue: "desk-registered")
    public static let deskReport = TemplateName(rawValue: "desk-report")
    public static let deskRecorded = TemplateName(rawValue: "desk-recorded")
    public static let deskCases = TemplateName(rawValue: "desk-cases")
    public static let deskCasesHtml = TemplateName(rawValue: "desk-cases-html")
    public static let deskCase = TemplateName(rawValue: "desk-case")
    public static let deskCaseHtml = TemplateName(rawValue: "desk-case-html")
    public static let weeklyDigestHtml = TemplateName(rawValue: "weekly-digest-html")
}
