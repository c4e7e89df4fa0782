import Foundation

/// The client-credentials grant (RFC 6749 §4.4), as Microsoft Entra ID uses it for app-only IMAP and SMTP.
public final class ClientCredentialsSource: TokenSource {
    public let kind = "microsoft"
    let endpoint: TokenEndpoint
    let clientID: String
    let scope: String
    /// Reads the client secret when a token is needed, so a replaced secret file takes effect without a restart.
    let readSecret: () throws(TokenFailure) -> String

    public init(endpoint: TokenEndpoint, clientID: String, scope: String, readSecret: @escaping () throws(TokenFailure) -> String) {
        self.endpoint = endpoint
        self.clientID = clientID
        self.scope = scope
        self.readSecret = readSecret
    }

    public func fetch(now: Date) throws(TokenFailure) -> AccessToken {
        try endpoint.request([("grant_type", "client_credentials"), ("client_id", clientID),
                              ("client_secret", try readSecret()), ("scope", scope)], now: now).accessToken
    }
}
