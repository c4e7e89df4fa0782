import ComplaintCore
/// Reads `[oauth]` and checks that the chosen provider has what it needs.
enum OAuthSettingsReader {
    static let microsoftScope = "https://outlook.office365.com/.default"
    static let delegatedScope = "https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access"
    static let nativeRedirect = "https://login.microsoftonline.com/common/oauth2/nativeclient"

    static func read(_ reader: SectionReader, databasePath: String) throws(ConfigError) -> OAuthSettings? {
        guard let section = reader.optional("oauth") else { return nil }
        let raw = try reader.string(section, "provider")
        guard let provider = OAuthSettings.Provider(rawValue: raw) else {
            throw reader.error(section.entry("provider"), "provider = \(raw) is not known",
                               "Use microsoft (client credentials), refresh_token (after klachtd oauth login) or command.")
        }
        let tenant = section.value("tenant")
        let secret: SecretSource
        let secretFile = section.value("client_secret_file"), secretEnvironment = section.value("client_secret_env")
        if let file = secretFile { secret = .file(file) }
        else if let name = secretEnvironment { secret = .environment(name) }
        else { secret = .none }
        let tokenURL = section.value("token_url") ?? tenant.map { "https://login.microsoftonline.com/\($0)/oauth2/v2.0/token" }
        let expires = section.value("client_secret_expires")
        if let expires, LocalDate(iso: expires) == nil {
            throw reader.error(section.entry("client_secret_expires"), "client_secret_expires = \(expires) is not a date",
                               "Write the expiry shown in Entra ID as YYYY-MM-DD.")
        }
        let settings = OAuthSettings(
            provider: provider, tenant: tenant, clientID: section.value("client_id"), clientSecret: secret,
            scope: section.value("scope") ?? (provider == .microsoft ? microsoftScope : provider == .refreshToken ? delegatedScope : nil),
            tokenURL: tokenURL,
            authorizeURL: section.value("authorize_url") ?? tenant.map { "https://login.microsoftonline.com/\($0)/oauth2/v2.0/authorize" },
            redirectURI: section.value("redirect_uri") ?? nativeRedirect,
            refreshTokenFile: section.value("refresh_token_file"), tokenCommand: section.value("token_command"),
            commandTimeoutSeconds: try reader.int(section, "token_command_timeout", default: 30, range: 1...600),
            caFile: section.value("ca_file"), clientSecretExpires: expires,
            warnLoginFailureSeconds: try reader.int(section, "warn_login_failure_minutes", default: 30, range: 0...100_000) * 60,
            warnRefreshTokenAgeSeconds: try reader.int(section, "warn_refresh_token_age_days", default: 60, range: 1...3650) * 86_400,
            warnClientSecretSeconds: try reader.int(section, "warn_client_secret_days", default: 30, range: 0...3650) * 86_400,
            statusFile: section.value("status_file") ?? databasePath + ".oauth-status.json")
        try validate(settings, section, reader)
        return settings
    }

    private static func validate(_ settings: OAuthSettings, _ section: ConfigSection, _ reader: SectionReader) throws(ConfigError) {
        func need(_ key: String, _ value: Any?, _ fix: String) throws(ConfigError) {
            guard value == nil else { return }
            throw ConfigError(file: reader.file, line: section.line, problem: "[oauth] provider = \(settings.provider.rawValue) needs '\(key)'", fix: fix)
        }
        switch settings.provider {
        case .microsoft:
            try need("tenant", settings.tokenURL, "Add tenant = <Directory (tenant) ID> (or token_url = ...).")
            try need("client_id", settings.clientID, "Add client_id = <Application (client) ID>.")
            if settings.clientSecret == .none {
                throw ConfigError(file: reader.file, line: section.line, problem: "[oauth] provider = microsoft needs 'client_secret_file'",
                                  fix: "Add client_secret_file = /etc/klachtd/oauth-client.secret (mode 0640), holding the secret's Value.")
            }
        case .refreshToken:
            try need("token_url", settings.tokenURL, "Add tenant = <Directory (tenant) ID> or token_url = ....")
            try need("client_id", settings.clientID, "Add client_id = <Application (client) ID>.")
            try need("refresh_token_file", settings.refreshTokenFile, "Add refresh_token_file = /var/lib/klachtd/oauth-refresh-token, then run klachtd oauth login.")
        case .command:
            try need("token_command", settings.tokenCommand, "Add token_command = /path/to/command that prints the access token.")
        }
    }
}
