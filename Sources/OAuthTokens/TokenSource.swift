import Foundation

/// Somewhere an access token comes from: an identity provider, or a command.
public protocol TokenSource: AnyObject {
    /// What kind of source this is, for status output (`microsoft`, `refresh_token`, `command`).
    var kind: String { get }
    /// Fetches a fresh token; blocks.
    func fetch(now: Date) throws(TokenFailure) -> AccessToken
}

/// A token endpoint's address and the TLS trust used for it.
public struct TokenEndpoint: Sendable, Equatable {
    public var url: String
    public var caFile: String?
    public var timeoutSeconds: Int

    public init(url: String, caFile: String? = nil, timeoutSeconds: Int = 30) {
        self.url = url
        self.caFile = caFile
        self.timeoutSeconds = timeoutSeconds
    }

    /// Posts a grant request and reads the reply.
    func request(_ fields: [(String, String)], now: Date) throws(TokenFailure) -> TokenGrant {
        try TokenResponse.grant(from: try FormPost.send(fields, to: url, caFile: caFile, timeoutSeconds: timeoutSeconds), now: now)
    }

    /// Microsoft identity platform's v2.0 token endpoint for a tenant (a GUID or a domain).
    public static func microsoft(tenant: String) -> String {
        "https://login.microsoftonline.com/\(tenant)/oauth2/v2.0/token"
    }
}
