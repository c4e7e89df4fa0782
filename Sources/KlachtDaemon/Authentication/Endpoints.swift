import KlachtConfig
import MailTransport

/// Configuration to transport endpoints, with secrets read only here; `token` is the OAuth2 access token
/// for a server with `auth = xoauth2` or `oauthbearer` (see `MailAuthentication`).
enum Endpoints {
    static func smtp(_ configuration: Configuration, token: String? = nil) throws(ConfigError) -> MailServerEndpoint {
        try endpoint(configuration.smtp, section: "smtp", configuration, token: token)
    }

    static func imap(_ configuration: Configuration, token: String? = nil) throws(ConfigError) -> MailServerEndpoint {
        try endpoint(configuration.imap.server, section: "imap", configuration, token: token)
    }

    private static func endpoint(_ server: ServerSettings, section: String, _ configuration: Configuration,
                                 token: String?) throws(ConfigError) -> MailServerEndpoint {
        guard server.authentication == .password else {
            return MailServerEndpoint(url: server.url, username: server.username, bearerToken: token,
                                      requireStartTLS: server.requireStartTLS, caFile: server.caFile, timeoutSeconds: server.timeoutSeconds,
                                      saslMechanism: server.authentication.saslMechanism)
        }
        return MailServerEndpoint(url: server.url, username: server.username,
                                  password: try SecretReader.read(server.password, section: section, configFile: configuration.file),
                                  requireStartTLS: server.requireStartTLS, caFile: server.caFile, timeoutSeconds: server.timeoutSeconds)
    }
}
