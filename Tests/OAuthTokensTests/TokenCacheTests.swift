import Foundation
@testable import OAuthTokens
import XCTest

/// A source that counts fetches and hands out numbered tokens.
final class CountingSource: TokenSource {
    let kind = "test"
    var fetches = 0
    var lifetime: TimeInterval? = 3600

    func fetch(now: Date) throws(TokenFailure) -> AccessToken {
        fetches += 1
        return AccessToken(value: "token-\(fetches)", issuedAt: now, expiresAt: lifetime.map { now.addingTimeInterval($0) })
    }
}

final class TokenCacheTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func testTokenIsReusedUntilFiveMinutesBeforeAnHourLongExpiry() throws {
        let source = CountingSource()
        let cache = TokenCache(source: source)
        XCTAssertEqual(try cache.token(now: start).value, "token-1")
        XCTAssertEqual(try cache.token(now: start.addingTimeInterval(3299)).value, "token-1")
        XCTAssertEqual(try cache.token(now: start.addingTimeInterval(3300)).value, "token-2")
        XCTAssertEqual(source.fetches, 2)
    }

    func testShortLivedTokenIsRenewedAtEightyPercentOfItsLifetime() {
        let token = AccessToken(value: "x", issuedAt: start, expiresAt: start.addingTimeInterval(10))
        XCTAssertEqual(TokenCache.renewalTime(of: token), start.addingTimeInterval(8))
    }

    func testTokenWithoutExpiryIsKeptForFiveMinutes() throws {
        let source = CountingSource()
        source.lifetime = nil
        let cache = TokenCache(source: source)
        _ = try cache.token(now: start)
        _ = try cache.token(now: start.addingTimeInterval(200))
        XCTAssertEqual(source.fetches, 1)
        _ = try cache.token(now: start.addingTimeInterval(241))
        XCTAssertEqual(source.fetches, 2)
    }

    func testInvalidateForcesAFreshToken() throws {
        let source = CountingSource()
        let cache = TokenCache(source: source)
        _ = try cache.token(now: start)
        cache.invalidate()
        XCTAssertEqual(try cache.token(now: start).value, "token-2")
    }

    func testTokenDescriptionNeverShowsTheValue() {
        let token = AccessToken(value: "very-secret-token", issuedAt: start, expiresAt: nil)
        XCTAssertFalse("\(token)".contains("very-secret"))
    }
}
