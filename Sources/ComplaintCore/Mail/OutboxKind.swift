/// What an outgoing mail is (`outbox.kind`): mostly the template it was rendered from, and a
/// few kinds of notice that share one template but must be told apart (an OAuth warning is a
/// `system-notice` text, yet is sent at most once a day).
///
/// A struct with known values rather than an enum, like `CaseFlag`: a row an older or newer
/// klachtd wrote is read and kept with its kind as it is. The limits and the scheduler ask the
/// outbox by kind, so a misspelt kind would silently count nothing; the constants make it a
/// compile error.
public struct OutboxKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The stored text, e.g. `acknowledgement` or `oauth-warning`.
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.rawValue = value }

    /// A mail rendered from `template` and known by its name.
    public init(_ template: TemplateName) { self.rawValue = template.rawValue }

    public var description: String { rawValue }

    // Kinds that are not a template's name; each is sent with another template's text.

    /// An expiring or failing OAuth grant (`CredentialWarnings`), as a `system-notice`.
    public static let oauthWarning = OutboxKind(rawValue: "oauth-warning")
    /// A handler's text for the parent that was refused (`CommandExecutor`).
    public static let parentTextRefused = OutboxKind(rawValue: "parent-text-refused")
    /// A judgement letter that could not be sent after its review (`JudgementReview`).
    public static let judgementNotSent = OutboxKind(rawValue: "judgement-not-sent")
    /// The daily notice that the limit on mail to new addresses held letters (`FirstContactLimit`).
    public static let newAddressLimitNotice = OutboxKind(rawValue: "new-address-limit-notice")

    // Kinds that are a template's name and are asked for by kind.

    /// Any notice to the quality staff that has no kind of its own.
    public static let systemNotice = OutboxKind(.systemNotice)
    /// The weekly digest to the quality staff.
    public static let weeklyDigest = OutboxKind(.weeklyDigest)
    /// A step of the annual report's round (`ReportCycleRun`).
    public static let reportCycle = OutboxKind(.reportCycle)
}
