/// `[graph]`: the complaints mailbox read and sent through Microsoft Graph with an app
/// registration (client credentials), in place of `[imap]` and `[smtp]` (issue 21).
public struct GraphSettings: Sendable, Equatable {
    /// The Directory (tenant) ID or a verified domain (`contoso.onmicrosoft.com`).
    public var tenant: String
    public var clientID: String
    /// The client secret's file or variable; `.none` when a certificate signs the assertion.
    public var clientSecret: SecretSource
    /// A PEM file with the private key and the certificate uploaded to the app registration.
    public var certificateFile: String?
    /// The mailbox read and sent from (`klachten@contoso.nl`).
    public var mailbox: String
    /// The folder read: a well-known name (`Inbox`) or a folder id.
    public var folder: String
    public var pollIntervalSeconds: Int
    /// `https://login.microsoftonline.com`, or a national cloud's (or a test stand-in's).
    public var authority: String
    /// `https://graph.microsoft.com/v1.0`, or a national cloud's (or a test stand-in's).
    public var endpoint: String
    public var caFile: String?
    public var timeoutSeconds: Int
    /// The category put on a processed message (it is also marked read).
    public var category: String
    /// When set, a processed message is moved to this folder (created when missing) as well.
    public var moveTo: String?

    /// The token endpoint: `{authority}/{tenant}/oauth2/v2.0/token`.
    public var tokenURL: String { trimmed(authority) + "/" + tenant + "/oauth2/v2.0/token" }
    /// The scope of an app-only Graph token: every application permission granted.
    public var scope: String { Self.graphResource(endpoint) + "/.default" }

    /// `https://graph.microsoft.com` from `https://graph.microsoft.com/v1.0`: the resource a token is for.
    static func graphResource(_ endpoint: String) -> String {
        guard let scheme = endpoint.range(of: "://") else { return endpoint }
        let rest = endpoint[scheme.upperBound...]
        return String(endpoint[..<scheme.upperBound]) + String(rest.prefix { $0 != "/" })
    }

    private func trimmed(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }
}
