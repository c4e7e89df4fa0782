import Foundation

/// Keeps one access token until shortly before it expires, then fetches the next.
///
/// Refreshing ahead (at the later of 80 % of the lifetime and 5 minutes before expiry) means
/// a login never starts with a token about to lapse; `invalidate()` is for a refused login.
public final class TokenCache {
    /// How long a token without a stated expiry (a token command's) is used.
    public static let unknownLifetime: TimeInterval = 300

    public let source: TokenSource
    public private(set) var current: AccessToken?

    public init(source: TokenSource) {
        self.source = source
    }

    /// The cached token, or a fresh one when it is due for renewal.
    public func token(now: Date) throws(TokenFailure) -> AccessToken {
        if let current, now < Self.renewalTime(of: current) { return current }
        let fresh = try source.fetch(now: now)
        current = fresh
        return fresh
    }

    /// Forgets the cached token, so the next `token(now:)` fetches one.
    public func invalidate() {
        current = nil
    }

    /// When a token should be replaced: 20 % of its lifetime before expiry, at most 5 minutes before.
    public static func renewalTime(of token: AccessToken) -> Date {
        let expiry = token.expiresAt ?? token.issuedAt.addingTimeInterval(unknownLifetime)
        let lifetime = max(0, expiry.timeIntervalSince(token.issuedAt))
        return expiry.addingTimeInterval(-min(300, lifetime * 0.2))
    }
}
