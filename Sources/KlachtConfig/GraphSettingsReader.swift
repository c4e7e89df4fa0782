import ComplaintCore

/// Reads `[graph]`. With it, the mailbox and the sending go through Microsoft Graph: `[imap]`
/// and `[smtp]` must be absent (two ways to one mailbox would read and send everything twice)
/// and so must `[oauth]` (the token settings are `[graph]`'s own).
///
/// The rest of klachtd keeps seeing a mailbox and a sending server: `mailboxSettings` and
/// `serverSettings` describe the Graph mailbox in those terms (the mailbox key is
/// `graph:MAILBOX/FOLDER`), and `oauthSettings` the client-credentials token, so the token
/// cache, its status file and the secret-expiry warnings work exactly as for `[oauth]`.
enum GraphSettingsReader {
    static func read(_ reader: SectionReader, databasePath: String) throws(ConfigError) -> GraphSettings? {
        guard let section = reader.optional("graph") else { return nil }
        for other in ["imap", "smtp", "oauth"] {
            if let clash = reader.optional(other) {
                throw ConfigError(file: reader.file, line: clash.line,
                                  problem: "[graph] and [\(other)] are both present",
                                  fix: other == "oauth"
                                    ? "Remove [oauth]: [graph] has its own tenant, client_id and secret or certificate."
                                    : "Remove [\(other)]: with [graph] the mailbox is read and mail is sent through Microsoft Graph only.")
            }
        }
        let secret: SecretSource
        if let file = section.value("client_secret_file") { secret = .file(file) }
        else if let name = section.value("client_secret_env") { secret = .environment(name) }
        else { secret = .none }
        let certificate = section.value("certificate_file")
        if secret == .none, certificate == nil {
            throw ConfigError(file: reader.file, line: section.line, problem: "[graph] has no client_secret_file, client_secret_env or certificate_file",
                              fix: "Add client_secret_file = /etc/klachtd/graph.secret (mode 0640, the secret's Value from Entra ID), or certificate_file = a PEM with the key and the certificate you uploaded.")
        }
        if secret != .none, certificate != nil {
            throw reader.error(section.entry("certificate_file"), "[graph] has both a client secret and certificate_file",
                               "Keep one: the certificate is the safer choice; remove client_secret_file / client_secret_env then.")
        }
        let mailbox = try reader.address(section, "mailbox")
        let expires = section.value("client_secret_expires")
        if let expires, LocalDate(iso: expires) == nil {
            throw reader.error(section.entry("client_secret_expires"), "client_secret_expires = \(expires) is not a date",
                               "Write the expiry shown in Entra ID as YYYY-MM-DD.")
        }
        let settings = GraphSettings(
            tenant: try reader.string(section, "tenant"), clientID: try reader.string(section, "client_id"),
            clientSecret: secret, certificateFile: certificate, mailbox: mailbox,
            folder: section.value("folder") ?? "Inbox",
            pollIntervalSeconds: try reader.int(section, "poll_interval", default: 15, range: 1...3600),
            authority: section.value("authority") ?? "https://login.microsoftonline.com",
            endpoint: section.value("endpoint") ?? "https://graph.microsoft.com/v1.0",
            caFile: section.value("ca_file"),
            timeoutSeconds: try reader.int(section, "timeout", default: 30, range: 1...600),
            category: section.value("category") ?? "klachtd verwerkt",
            moveTo: section.value("move_to"))
        for (key, url) in [("authority", settings.authority), ("endpoint", settings.endpoint)] where !url.hasPrefix("https://") {
            throw reader.error(section.entry(key), "[graph] \(key) = \(url) is not an https:// URL",
                               "Leave \(key) out for Microsoft's global cloud, or give the national cloud's https:// address.")
        }
        return settings
    }

    /// The `[oauth]` the token code uses for `[graph]`: client credentials at the tenant's endpoint.
    static func oauthSettings(_ graph: GraphSettings, _ reader: SectionReader, databasePath: String) throws(ConfigError) -> OAuthSettings {
        let section = reader.optional("graph")
        return OAuthSettings(
            provider: .microsoft, tenant: graph.tenant, clientID: graph.clientID, clientSecret: graph.clientSecret,
            scope: graph.scope, tokenURL: graph.tokenURL, authorizeURL: nil, redirectURI: OAuthSettingsReader.nativeRedirect,
            refreshTokenFile: nil, tokenCommand: nil, commandTimeoutSeconds: 30, caFile: graph.caFile,
            clientSecretExpires: section?.value("client_secret_expires"),
            warnLoginFailureSeconds: try reader.int(section, "warn_login_failure_minutes", default: 30, range: 0...100_000) * 60,
            warnRefreshTokenAgeSeconds: 60 * 86_400,
            warnClientSecretSeconds: try reader.int(section, "warn_client_secret_days", default: 30, range: 0...3650) * 86_400,
            statusFile: section?.value("status_file") ?? databasePath + ".oauth-status.json",
            certificateFile: graph.certificateFile)
    }

    /// The Graph mailbox in `[imap]`'s terms; the URL is the Graph endpoint (never dialled as IMAP).
    static func mailboxSettings(_ graph: GraphSettings) -> MailboxSettings {
        MailboxSettings(server: serverSettings(graph), mailbox: "graph:\(graph.mailbox)/\(graph.folder)",
                        pollIntervalSeconds: graph.pollIntervalSeconds, processedKeyword: graph.category, moveTo: graph.moveTo)
    }

    /// Graph's sending in `[smtp]`'s terms: a token login (`xoauth2` marks "uses the OAuth2 token").
    static func serverSettings(_ graph: GraphSettings) -> ServerSettings {
        ServerSettings(url: graph.endpoint, username: graph.mailbox, password: .none, requireStartTLS: false,
                       caFile: graph.caFile, timeoutSeconds: graph.timeoutSeconds, authentication: .xoauth2)
    }
}
