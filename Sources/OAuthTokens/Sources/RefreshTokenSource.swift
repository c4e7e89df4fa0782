import Foundation

/// The refresh-token grant (RFC 6749 §6): trades the stored refresh token for an access token,
/// and stores the new refresh token whenever the server rotates it.
public final class RefreshTokenSource: TokenSource {
    public let kind = "refresh_token"
    let endpoint: TokenEndpoint
    let clientID: String
    let scope: String?
    let store: RefreshTokenFile
    /// A confidential client's secret; nil for a public client.
    let readSecret: (() throws(TokenFailure) -> String)?
    /// Called after a rotated refresh token is stored.
    public var onRotation: ((Date) -> Void)?

    public init(endpoint: TokenEndpoint, clientID: String, scope: String?, store: RefreshTokenFile,
                readSecret: (() throws(TokenFailure) -> String)? = nil) {
        self.endpoint = endpoint
        self.clientID = clientID
        self.scope = scope
        self.store = store
        self.readSecret = readSecret
    }

    public func fetch(now: Date) throws(TokenFailure) -> AccessToken {
        let current = try store.read()
        var fields = [("grant_type", "refresh_token"), ("client_id", clientID), ("refresh_token", current)]
        if let scope { fields.append(("scope", scope)) }
        if let readSecret { fields.append(("client_secret", try readSecret())) }
        let grant = try endpoint.request(fields, now: now)
        if let rotated = grant.refreshToken, rotated != current {
            try store.write(rotated)
            onRotation?(now)
        }
        return grant.accessToken
    }
}
