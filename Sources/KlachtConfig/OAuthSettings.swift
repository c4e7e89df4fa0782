/// How klachtd logs in to a mail server: `[imap] auth` / `[smtp] auth`.
public enum LoginMethod: String, Sendable, Equatable, CaseIterable {
    case password, xoauth2, oauthbearer

    /// The SASL mechanism name for libcurl's `AUTH=` login option; nil for passwords.
    public var saslMechanism: String? {
        switch self {
        case .password: nil
        case .xoauth2: "XOAUTH2"
        case .oauthbearer: "OAUTHBEARER"
        }
    }
}

/// `[oauth]`: where access tokens come from, and when to warn before they stop coming.
public struct OAuthSettings: Sendable, Equatable {
    /// `microsoft` (client credentials), `refresh_token` (after `klachtd oauth login`) or `command`.
    public enum Provider: String, Sendable, Equatable, CaseIterable {
        case microsoft
        case refreshToken = "refresh_token"
        case command
    }

    public var provider: Provider
    public var tenant: String?
    public var clientID: String?
    public var clientSecret: SecretSource
    public var scope: String?
    public var tokenURL: String?
    public var authorizeURL: String?
    public var redirectURI: String
    public var refreshTokenFile: String?
    public var tokenCommand: String?
    public var commandTimeoutSeconds: Int
    /// A PEM file to trust for the token endpoint instead of the system's CAs.
    public var caFile: String?
    /// `YYYY-MM-DD`: when the client secret expires (Entra ID shows it under Certificates & secrets).
    public var clientSecretExpires: String?
    /// Warn when logins have failed for this long.
    public var warnLoginFailureSeconds: Int
    /// Warn when the refresh token has not been renewed for this long.
    public var warnRefreshTokenAgeSeconds: Int
    /// Warn this long before `clientSecretExpires`.
    public var warnClientSecretSeconds: Int
    /// Where the token facts for `klachtd status` are written (no token in it).
    public var statusFile: String
    /// A PEM file with a private key and its certificate: the client proves itself with a signed
    /// assertion instead of a secret (`[graph] certificate_file`).
    public var certificateFile: String? = nil
}
