import Foundation

/// A bearer token and its lifetime; printing it shows the times, never the value.
public struct AccessToken: Sendable, Equatable, CustomStringConvertible {
    /// The token itself: only ever handed to libcurl.
    public let value: String
    public let issuedAt: Date
    /// Nil when the source does not say (a token command); the cache then assumes `TokenCache.unknownLifetime`.
    public let expiresAt: Date?

    public init(value: String, issuedAt: Date, expiresAt: Date?) {
        self.value = value
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    public var description: String {
        "access token issued \(issuedAt)" + (expiresAt.map { ", expires \($0)" } ?? "")
    }
}

/// What a token endpoint's grant returned.
public struct TokenGrant: Sendable, Equatable {
    public var accessToken: AccessToken
    /// A new refresh token when the server rotated it.
    public var refreshToken: String?
}
