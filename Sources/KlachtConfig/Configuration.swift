import ComplaintCore

/// Where a password comes from; the value itself is read only when a connection needs it.
public enum SecretSource: Sendable, Equatable {
    case file(String)
    case environment(String)
    case none
}

/// A mail server the daemon talks to: `[imap]` or `[smtp]`.
public struct ServerSettings: Sendable, Equatable {
    public var url: String
    public var username: String?
    public var password: SecretSource
    public var requireStartTLS: Bool
    public var caFile: String?
    public var timeoutSeconds: Int
    /// `auth = password | xoauth2 | oauthbearer`; the OAuth2 methods take their token from `[oauth]`.
    public var authentication: LoginMethod = .password
}

/// `[imap]`: the complaints mailbox and how messages are marked once processed.
public struct MailboxSettings: Sendable, Equatable {
    public var server: ServerSettings
    /// The mailbox path from the URL (`imap://host/INBOX` → `INBOX`).
    public var mailbox: String
    public var pollIntervalSeconds: Int
    /// Keyword set (with `\Seen`) on a message once its case is committed.
    public var processedKeyword: String
    /// When set, processed messages are moved there instead of only flagged.
    public var moveTo: String?
}

/// `[organisation]`: who we are and who the staff are.
public struct OrganisationSettings: Sendable, Equatable {
    public var name: String
    public var address: String
    public var quality: [String]
    public var management: [String]
    public var safeguarding: [String]
    public var timezone: String
    public var language: String
    public var messageIDDomain: String
}

/// `[terms]` as read from the file; the calendar turns them into a `TermPolicy`.
public struct TermSettings: Sendable, Equatable {
    public var acknowledgementWorkingDays = 5
    public var firstContactWorkingDays = 5
    public var solutionTargetWorkingDays: Int? = 15
    public var jeugdwetDecisionWeeks = 6
    public var reminderWeeks = [2, 4, 5]
    public var reminderWorkingDaysBeforeDecision = 2
    public var observeGoodFriday = true
    public var liberationDayEveryYear = false
    /// `YYYY-MM-DD` dates the organisation is closed (not working days).
    public var closingDays: [String] = []
}

/// The whole configuration, validated.
public struct Configuration: Sendable, Equatable {
    public var file: String
    public var organisation: OrganisationSettings
    public var imap: MailboxSettings
    public var smtp: ServerSettings
    public var databasePath: String
    public var templatesDirectory: String?
    public var locations: [LocationProfile]
    public var defaultRegime: Regime
    public var terms: TermSettings
    public var safeguardingWords: [String]
    public var seriousWords: [String]
    public var formSenders: [String]
    /// Extra form label synonyms: mapped field name → labels (`[forms] label.location = ...`).
    public var formLabels: [String: [String]]
    public var maxMessageBytes: Int
    /// `[oauth]`, present when a server logs in with OAuth2.
    public var oauth: OAuthSettings? = nil
}
