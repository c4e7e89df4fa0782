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
    /// `starttls = no` to a host that is not this machine, allowed by `allow_plaintext = yes`:
    /// check-config and every start warn about it.
    public var plaintextAllowed: Bool = false
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
    /// The file holding the secret that signs the reply tokens of staff mails (`secret_file`).
    public var secretFile: String? = nil
    /// `safeguarding_deputy`: who gets a meldcode alert that was not acted on for two working days.
    public var safeguardingDeputy: [String] = []
    /// `staff`: colleagues' addresses, or `@domain` for a whole domain; their mail opens no case, a parent's mail they forward does.
    public var staff: [String] = []
    /// `type = gastouderbureau` (default `kinderopvang`): the annual report then speaks of the bureau as a whole, never of locations.
    public var gastouderbureau = false
    /// `lrk`: the organisation's own number in the Landelijk Register Kinderopvang (a gastouderbureau has one).
    public var lrk: String? = nil
    /// `address_form`: how Dutch letters address parents, u (the default) or je; a location may set its own.
    public var addressForm: AddressForm = .u
}

/// `[authentication]`: how far the mail server's Authentication-Results are trusted for staff commands.
public struct AuthenticationSettings: Sendable, Equatable {
    /// Only Authentication-Results headers with this authserv-id are read; nil: none are required.
    public var authservID: String? = nil
    public var requireDKIMOrSPF = true
    public var requireDMARCPass = false
    /// Organisational domains (`organisational_domains`): within one, a subdomain's DKIM or SPF
    /// pass aligns with the From domain (DMARC's relaxed mode); elsewhere only the From domain itself does.
    public var organisationalDomains: [String] = []

    public init(authservID: String? = nil, requireDKIMOrSPF: Bool = true, requireDMARCPass: Bool = false,
                organisationalDomains: [String] = []) {
        self.authservID = authservID
        self.requireDKIMOrSPF = requireDKIMOrSPF
        self.requireDMARCPass = requireDMARCPass
        self.organisationalDomains = organisationalDomains
    }
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
    /// Working days without mail to the parent before an automatic progress update; 0 sends none.
    public var progressUpdateWorkingDays = 10
    /// Working days after the judgement before the parent is asked whether they are satisfied; 0 asks nothing.
    public var satisfactionWorkingDays = 5
    /// Working days after the question before its one reminder.
    public var satisfactionReminderWorkingDays = 5
    /// Working days after the reminder before no answer goes to the quality staff.
    public var satisfactionEscalationWorkingDays = 5
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
    /// Words added to the built-in safeguarding vocabulary (`safeguarding_words`, `safeguarding_words_extra`); it is never replaced.
    public var safeguardingWords: [String]
    public var seriousWords: [String]
    public var formSenders: [String]
    /// Extra form label synonyms: mapped field name → labels (`[forms] label.location = ...`).
    public var formLabels: [String: [String]]
    public var maxMessageBytes: Int
    /// `[limits]`: automatic replies (acknowledgements, receipts) per address, so two robots never ping-pong.
    public var autoRepliesPerHour: Int
    public var autoRepliesPerDay: Int
    /// `[limits]`: days an address that bounced gets no automatic mail.
    public var bounceSuppressionDays: Int
    /// `[limits]`: seconds without a successful poll before the quality staff are told.
    public var outageAlertSeconds: Int
    /// `[limits]`: the longest wait between reconnection attempts when a server is away.
    public var reconnectMaxSeconds: Int
    public var authentication = AuthenticationSettings()
    /// `[retention]`: when personal data is deleted.
    public var retention = RetentionSettings()
    /// `[limits] attachment_bytes`: the most of the parent's attachments the handler's assignment
    /// mail carries, in bytes (10 MiB); what does not fit is listed by name instead.
    public var attachmentLimitBytes = 10 * 1024 * 1024
    /// `[metrics] textfile`: where the Prometheus text file is written each cycle; nil for none.
    public var metricsTextfile: String? = nil
    /// `[oauth]`, present when a server logs in with OAuth2 (made from `[graph]` when that is used).
    public var oauth: OAuthSettings? = nil
    /// `[graph]`: the mailbox is read and mail sent through Microsoft Graph; `imap` and `smtp`
    /// then describe the Graph mailbox (see `GraphSettingsReader`).
    public var graph: GraphSettings? = nil
    /// `[service]`: when the worker hands over to the supervisor, and how often it is woken.
    public var service = ServiceSettings()
    /// `[limits]`: how much automatic mail klachtd sends to addresses it never wrote to, and follow-up collecting.
    public var floodLimits = FloodLimits()
    /// `[procedure] review_judgements`: a judgement letter goes to the quality staff first, and to the parent on `#akkoord`.
    public var reviewJudgements = false
}

/// `[limits]` against floods: automatic mail (acknowledgements, receipts) to addresses klachtd
/// never mailed before is limited for the whole organisation, since anyone can put a stranger's
/// address in a From line or a form; a parent writing many times gets one notice to the handler
/// per `followUpCollectMinutes`, not one per message.
public struct FloodLimits: Sendable, Equatable {
    public var newAddressMailsPerHour = 30
    public var newAddressMailsPerDay = 200
    public var followUpCollectMinutes = 15

    public init(newAddressMailsPerHour: Int = 30, newAddressMailsPerDay: Int = 200, followUpCollectMinutes: Int = 15) {
        self.newAddressMailsPerHour = newAddressMailsPerHour
        self.newAddressMailsPerDay = newAddressMailsPerDay
        self.followUpCollectMinutes = followUpCollectMinutes
    }
}

/// `[service]`: the supervisor keeps only a small process resident and starts the worker
/// (all of klachtd) when there is work; these say how long a worker stays after its last
/// work and how often one is started anyway, for the scheduler and the outbox's retries.
public struct ServiceSettings: Sendable, Equatable {
    /// Seconds a worker keeps running after its last work, so a burst of mail finds it awake.
    public var workerLingerSeconds = 60
    /// The longest time without a worker: the scheduler's reminders and escalations, the
    /// retention purge and the status file come at least this often (at most 3600).
    public var wakeIntervalSeconds = 300

    public init(workerLingerSeconds: Int = 60, wakeIntervalSeconds: Int = 300) {
        self.workerLingerSeconds = workerLingerSeconds
        self.wakeIntervalSeconds = wakeIntervalSeconds
    }
}

/// `[retention]`: personal data and raw messages are deleted this long after a case closed.
public struct RetentionSettings: Sendable, Equatable {
    /// Months after closing (default 24: the 12-month Geschillencommissie window and the next annual report).
    public var months = 24
    /// Whether the daemon purges once a day by itself (else only `klachtd purge`).
    public var dailyPurge = true

    public init(months: Int = 24, dailyPurge: Bool = true) {
        self.months = months
        self.dailyPurge = dailyPurge
    }
}
