import ComplaintCore
import Foundation

/// Reads and validates the configuration file: every error names the file, the line and the fix.
public enum ConfigurationLoader {
    /// `--config FILE`, else `$KLACHTD_CONFIG`, else `/etc/klachtd/klachtd.conf`.
    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        explicit ?? environment["KLACHTD_CONFIG"] ?? "/etc/klachtd/klachtd.conf"
    }

    public static func load(path: String) throws(ConfigError) -> Configuration {
        try parse(try readText(path: path), file: path)
    }

    /// The file's text, for `parse`; the supervisor keeps the last text that loaded.
    public static func readText(path: String) throws(ConfigError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, problem: "the configuration file cannot be read",
                              fix: "Create it (see deploy/klachtd.conf.example) or name another with --config FILE or KLACHTD_CONFIG.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, problem: "the file is not UTF-8 text", fix: "Save it as UTF-8.")
        }
        return text
    }

    public static func parse(_ text: String, file: String) throws(ConfigError) -> Configuration {
        let reader = SectionReader(sections: try ConfigFileParser.parse(text, file: file), file: file)
        try reader.rejectUnknownSections()
        let organisation = try readOrganisation(reader)
        let storage = try reader.required("storage")
        let graph = try GraphSettingsReader.read(reader, databasePath: try reader.string(storage, "database"))
        let imap: MailboxSettings, smtp: ServerSettings
        if let graph {
            imap = GraphSettingsReader.mailboxSettings(graph)
            smtp = GraphSettingsReader.serverSettings(graph)
        } else {
            imap = try readMailbox(reader)
            smtp = try readServer(reader.required("smtp"), reader, defaultPort: 25, scheme: "smtp")
        }
        let locations = try readLocations(reader)
        let forms = reader.optional("forms")
        var formLabels: [String: [String]] = [:]
        for entry in forms?.entries ?? [] where entry.key.hasPrefix("label.") {
            formLabels[String(entry.key.dropFirst("label.".count))] = SectionReader.list(entry.value)
        }
        let triage = reader.optional("triage")
        let limits = reader.optional("limits")
        let databasePath = try reader.string(storage, "database")
        let oauth: OAuthSettings?
        if let graph { oauth = try GraphSettingsReader.oauthSettings(graph, reader, databasePath: databasePath) }
        else { oauth = try OAuthSettingsReader.read(reader, databasePath: databasePath) }
        if oauth == nil, let server = [imap.server, smtp].first(where: { $0.authentication != .password }) {
            throw ConfigError(file: file, line: nil, problem: "auth = \(server.authentication.rawValue) for \(server.url) needs an [oauth] section",
                              fix: "Add [oauth] with provider = microsoft, refresh_token or command (see deploy/klachtd.conf.example).")
        }
        var configuration = Configuration(
            file: file, organisation: organisation, imap: imap, smtp: smtp,
            databasePath: databasePath,
            templatesDirectory: reader.optional("templates")?.value("directory"),
            locations: locations,
            defaultRegime: try reader.regime(reader.optional("terms"), "default_regime") ?? .wko,
            terms: try readTerms(reader),
            safeguardingWords: (triage.flatMap { SectionReader.listValue($0, "safeguarding_words") } ?? [])
                + (triage.flatMap { SectionReader.listValue($0, "safeguarding_words_extra") } ?? []),
            seriousWords: (triage.flatMap { SectionReader.listValue($0, "serious_words") } ?? WordScreen.defaultSerious)
                + (triage.flatMap { SectionReader.listValue($0, "serious_words_extra") } ?? []),
            formSenders: forms.flatMap { SectionReader.listValue($0, "senders") } ?? [],
            formLabels: formLabels,
            maxMessageBytes: try reader.int(limits, "max_message_bytes", default: 25 * 1024 * 1024, range: 1024...(1 << 31)),
            autoRepliesPerHour: try reader.int(limits, "auto_replies_per_hour", default: 3, range: 1...10_000),
            autoRepliesPerDay: try reader.int(limits, "auto_replies_per_day", default: 10, range: 1...100_000),
            bounceSuppressionDays: try reader.int(limits, "bounce_suppression_days", default: 7, range: 0...365),
            outageAlertSeconds: try reader.int(limits, "outage_alert_seconds", default: 1800, range: 10...604_800),
            reconnectMaxSeconds: try reader.int(limits, "reconnect_max_seconds", default: 300, range: 2...3600),
            authentication: try readAuthentication(reader))
        if let retention = reader.optional("retention") {
            configuration.retention = RetentionSettings(months: try reader.int(retention, "months", default: 24, range: 1...600),
                                                        dailyPurge: try reader.bool(retention, "daily_purge", default: true))
        }
        configuration.attachmentLimitBytes = try reader.int(limits, "attachment_bytes", default: 10 * 1024 * 1024, range: 0...(1 << 30))
        configuration.metricsTextfile = reader.optional("metrics")?.value("textfile")
        let service = reader.optional("service")
        configuration.service = ServiceSettings(workerLingerSeconds: try reader.int(service, "worker_linger", default: 60, range: 0...86_400),
                                                wakeIntervalSeconds: try reader.int(service, "wake_interval", default: 300, range: 5...3600))
        configuration.oauth = oauth
        configuration.graph = graph
        configuration.floodLimits = FloodLimits(
            newAddressMailsPerHour: try reader.int(limits, "new_address_mails_per_hour", default: 30, range: 1...100_000),
            newAddressMailsPerDay: try reader.int(limits, "new_address_mails_per_day", default: 200, range: 1...1_000_000),
            followUpCollectMinutes: try reader.int(limits, "follow_up_collect_minutes", default: 15, range: 0...1440))
        if let procedure = reader.optional("procedure") {
            configuration.reviewJudgements = try reader.bool(procedure, "review_judgements", default: false)
        }
        try reader.rejectUnknownKeys(prefixes: ["forms": ["label."]])
        return configuration
    }

    private static func readOrganisation(_ reader: SectionReader) throws(ConfigError) -> OrganisationSettings {
        let section = try reader.required("organisation")
        let address = try reader.address(section, "address")
        let language = section.value("language") ?? "nl"
        guard ["nl", "en"].contains(language) else {
            throw reader.error(section.entry("language"), "language '\(language)' is not supported", "Use nl or en.")
        }
        let timezone = section.value("timezone") ?? "Europe/Amsterdam"
        guard TimeZone(identifier: timezone) != nil else {
            throw reader.error(section.entry("timezone"), "unknown time zone '\(timezone)'", "Use an IANA name such as Europe/Amsterdam.")
        }
        let domain = address.split(separator: "@").last.map(String.init) ?? "localhost"
        var settings = OrganisationSettings(
            name: try reader.string(section, "name"), address: address,
            quality: try reader.addresses(section, "quality", required: true),
            management: try reader.addresses(section, "management", required: false),
            safeguarding: try reader.addresses(section, "safeguarding", required: true),
            timezone: timezone, language: language,
            messageIDDomain: section.value("message_id_domain") ?? domain,
            secretFile: section.value("secret_file"),
            safeguardingDeputy: try reader.addresses(section, "safeguarding_deputy", required: false))
        settings.staff = try readStaff(section, reader)
        let type = section.value("type") ?? "kinderopvang"
        guard ["kinderopvang", "gastouderbureau"].contains(type) else {
            throw reader.error(section.entry("type"), "type '\(type)' is not known", "Use kinderopvang (the default) or gastouderbureau.")
        }
        settings.gastouderbureau = type == "gastouderbureau"
        settings.lrk = try lrkNumber(section, reader)
        settings.addressForm = try reader.addressForm(section) ?? .u
        return settings
    }

    /// `lrk = 123456789`: a number in the Landelijk Register Kinderopvang, nine digits.
    private static func lrkNumber(_ section: ConfigSection, _ reader: SectionReader) throws(ConfigError) -> String? {
        guard let value = nonEmpty(section.value("lrk")) else { return nil }
        guard value.count == 9, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw reader.error(section.entry("lrk"), "lrk '\(value)' is not an LRK number", "Write the nine digits of the Landelijk Register Kinderopvang, e.g. lrk = 123456789.")
        }
        return value
    }

    /// `staff = a@example.nl, @example.nl`: addresses, or `@domain` for everyone at a domain.
    private static func readStaff(_ section: ConfigSection, _ reader: SectionReader) throws(ConfigError) -> [String] {
        let entries = SectionReader.listValue(section, "staff") ?? []
        for entry in entries {
            let domainOnly = entry.hasPrefix("@") && entry.dropFirst().contains(".") && !entry.dropFirst().contains("@")
            guard domainOnly || IntakeDecider.isUsableAddress(entry) else {
                throw reader.error(section.entry("staff"), "staff has '\(entry)', which is neither an address nor @domain",
                                   "List addresses or whole domains, e.g. staff = m.jansen@example.nl, @example.nl")
            }
        }
        return entries.map { $0.lowercased() }
    }

    private static func readAuthentication(_ reader: SectionReader) throws(ConfigError) -> AuthenticationSettings {
        guard let section = reader.optional("authentication") else { return AuthenticationSettings() }
        return AuthenticationSettings(authservID: section.value("authserv_id"),
                                      requireDKIMOrSPF: try reader.bool(section, "require_dkim_or_spf", default: true),
                                      requireDMARCPass: try reader.bool(section, "require_dmarc_pass", default: false),
                                      organisationalDomains: (SectionReader.listValue(section, "organisational_domains") ?? []).map { $0.lowercased() })
    }

    private static func readMailbox(_ reader: SectionReader) throws(ConfigError) -> MailboxSettings {
        let section = try reader.required("imap")
        let server = try readServer(section, reader, defaultPort: 143, scheme: "imap")
        let path = urlPath(server.url)
        return MailboxSettings(
            server: server, mailbox: path.isEmpty ? "INBOX" : path,
            pollIntervalSeconds: try reader.int(section, "poll_interval", default: 60, range: 1...86_400),
            processedKeyword: section.value("processed_keyword") ?? "$KlachtdProcessed",
            moveTo: section.value("move_to"))
    }

    private static func readServer(_ section: ConfigSection, _ reader: SectionReader, defaultPort: Int, scheme: String) throws(ConfigError) -> ServerSettings {
        let url = try reader.string(section, "url")
        guard url.hasPrefix(scheme + "://") || url.hasPrefix(scheme + "s://") else {
            throw reader.error(section.entry("url"), "url '\(url)' is not \(scheme):// or \(scheme)s://",
                               "Write it as \(scheme)://host:port\(scheme == "imap" ? "/INBOX" : "") (or \(scheme)s:// for implicit TLS).")
        }
        let password: SecretSource
        let passwordFile = section.value("password_file"), passwordEnvironment = section.value("password_env")
        if let file = passwordFile { password = .file(file) }
        else if let name = passwordEnvironment { password = .environment(name) }
        else { password = .none }
        let method = section.value("auth") ?? "password"
        guard let authentication = LoginMethod(rawValue: method) else {
            throw reader.error(section.entry("auth"), "auth = \(method) is not understood", "Use auth = password, xoauth2 or oauthbearer.")
        }
        if authentication != .password, section.value("username") == nil {
            throw reader.error(section.entry("auth"), "[\(section.name)] auth = \(method) needs a username",
                               "Add username = the mailbox address the token is for.")
        }
        if authentication == .password, section.value("username") != nil, password == .none {
            throw reader.error(section.entry("username"), "[\(section.name)] has a username but no password_file or password_env",
                               "Add password_file = /etc/klachtd/\(section.name).secret (or password_env = NAME).")
        }
        let starttls = section.value("starttls") ?? "required"
        guard ["required", "no"].contains(starttls) else {
            throw reader.error(section.entry("starttls"), "starttls = \(starttls) is not understood", "Use starttls = required or starttls = no.")
        }
        let plaintext = starttls == "no" && !url.hasPrefix(scheme + "s://")
        let allowPlaintext = try reader.bool(section, "allow_plaintext", default: false)
        if plaintext, !allowPlaintext, !PlaintextRule.isLoopback(url: url) {
            throw reader.error(section.entry("starttls"),
                               "[\(section.name)] starttls = no would send the login and every complaint unencrypted to \(PlaintextRule.host(of: url))",
                               "Use starttls = required (or \(scheme)s:// for implicit TLS). Only on a network you trust, add allow_plaintext = yes to [\(section.name)].")
        }
        return ServerSettings(url: url, username: section.value("username"), password: authentication == .password ? password : .none,
                              requireStartTLS: starttls == "required" && !url.hasPrefix(scheme + "s://"),
                              caFile: section.value("ca_file"),
                              timeoutSeconds: try reader.int(section, "timeout", default: 30, range: 1...600),
                              authentication: authentication,
                              plaintextAllowed: plaintext && !PlaintextRule.isLoopback(url: url))
    }

    private static func readLocations(_ reader: SectionReader) throws(ConfigError) -> [LocationProfile] {
        var seen: Set<String> = []
        var locations: [LocationProfile] = []
        for section in reader.sections where section.name == "location" {
            guard let name = section.label, !name.isEmpty else {
                throw ConfigError(file: reader.file, line: section.line, problem: "a [location] without a name",
                                  fix: "Write it as [location \"Name\"].")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw ConfigError(file: reader.file, line: section.line, problem: "location '\(name)' is defined twice", fix: "Merge the two sections.")
            }
            let handler = section.entry("handler") == nil ? nil : try reader.address(section, "handler")
            locations.append(LocationProfile(
                name: name, aliases: SectionReader.listValue(section, "aliases") ?? [], handler: handler,
                regime: try reader.regime(section, "regime") ?? .wko, language: section.value("language"),
                handlerName: nonEmpty(section.value("handler_name")), handlerRole: nonEmpty(section.value("handler_role")),
                handlerPhone: nonEmpty(section.value("handler_phone")), lrk: try lrkNumber(section, reader)))
            locations[locations.count - 1].addressForm = try reader.addressForm(section)
        }
        return locations
    }

    /// A setting's text, or nil when it is absent or blank: a blank name must not reach a letter.
    private static func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    private static func readTerms(_ reader: SectionReader) throws(ConfigError) -> TermSettings {
        var terms = TermSettings()
        guard let section = reader.optional("terms") else { return terms }
        terms.acknowledgementWorkingDays = try reader.int(section, "acknowledgement_working_days", default: 5, range: 0...60)
        terms.firstContactWorkingDays = try reader.int(section, "first_contact_working_days", default: 5, range: 0...60)
        if section.value("solution_target_working_days") == "none" { terms.solutionTargetWorkingDays = nil }
        else { terms.solutionTargetWorkingDays = try reader.int(section, "solution_target_working_days", default: 15, range: 1...120) }
        terms.jeugdwetDecisionWeeks = try reader.int(section, "jeugdwet_decision_weeks", default: 6, range: 1...52)
        terms.reminderWorkingDaysBeforeDecision = try reader.int(section, "reminder_working_days_before_decision", default: 2, range: 0...20)
        if let weeks = SectionReader.listValue(section, "reminder_weeks") {
            terms.reminderWeeks = try weeks.map { (w: String) throws(ConfigError) -> Int in
                guard let n = Int(w), (1...5).contains(n) else {
                    throw reader.error(section.entry("reminder_weeks"), "reminder_weeks has '\(w)'", "Use whole weeks from 1 to 5, e.g. reminder_weeks = 2, 4, 5.")
                }
                return n
            }
        }
        terms.observeGoodFriday = try reader.bool(section, "good_friday", default: true)
        let liberation = section.value("liberation_day") ?? "lustrum"
        guard ["lustrum", "every-year"].contains(liberation) else {
            throw reader.error(section.entry("liberation_day"), "liberation_day = \(liberation)", "Use lustrum (every 5 years, the default) or every-year.")
        }
        terms.liberationDayEveryYear = liberation == "every-year"
        terms.progressUpdateWorkingDays = try reader.int(section, "progress_update_working_days", default: 10, range: 0...60)
        terms.satisfactionWorkingDays = try reader.int(section, "satisfaction_working_days", default: 5, range: 0...60)
        terms.satisfactionReminderWorkingDays = try reader.int(section, "satisfaction_reminder_working_days", default: 5, range: 1...60)
        terms.satisfactionEscalationWorkingDays = try reader.int(section, "satisfaction_escalation_working_days", default: 5, range: 1...60)
        terms.closingDays = SectionReader.listValue(section, "closing_days") ?? []
        for day in terms.closingDays where LocalDate(iso: day) == nil {
            throw reader.error(section.entry("closing_days"), "closing day '\(day)' is not a date", "Write dates as YYYY-MM-DD, separated by commas.")
        }
        return terms
    }

    private static func urlPath(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[rest.index(after: slash)...]).removingPercentEncoding ?? ""
    }
}
