import KlachtConfig
@testable import KlachtDaemon
import XCTest

/// Authentication-Results (RFC 8601) from the configured server decide whether a staff From is believed.
final class HandlerAuthenticationTests: XCTestCase {
    let settings = AuthenticationSettings(authservID: "mx.example.nl", requireDKIMOrSPF: true, requireDMARCPass: false)

    func testHeaderIsReadWithCommentsAndProperties() throws {
        let results = try XCTUnwrap(AuthenticationResults(
            "mx.example.nl 1; dkim=pass (2048-bit key) header.d=example.nl header.s=s1; spf=fail smtp.mailfrom=x@example.nl"))
        XCTAssertEqual(results.authservID, "mx.example.nl")
        XCTAssertEqual(results.results.map(\.method), ["dkim", "spf"])
        XCTAssertEqual(results.results.first?.properties["header.d"], "example.nl")
        XCTAssertEqual(results.results.last?.result, "fail")
    }

    func testDKIMPassForTheFromDomainIsEnough() {
        XCTAssertNil(SenderAuthentication.failure(headers: ["mx.example.nl; dkim=pass header.d=example.nl; spf=softfail smtp.mailfrom=example.nl"],
                                                  from: "behandelaar@example.nl", settings: settings))
    }

    func testSPFPassForTheFromDomainIsEnough() {
        XCTAssertNil(SenderAuthentication.failure(headers: ["mx.example.nl; spf=pass smtp.mailfrom=bounce@mail.example.nl"],
                                                  from: "behandelaar@example.nl", settings: settings))
    }

    func testPassForAnotherDomainFails() {
        XCTAssertNotNil(SenderAuthentication.failure(headers: ["mx.example.nl; dkim=pass header.d=evil.test; spf=pass smtp.mailfrom=evil.test"],
                                                     from: "behandelaar@example.nl", settings: settings))
    }

    func testHeadersFromAnotherServerAreIgnored() {
        let failure = SenderAuthentication.failure(headers: ["forged.test; dkim=pass header.d=example.nl"],
                                                   from: "behandelaar@example.nl", settings: settings)
        XCTAssertEqual(failure, "geen Authentication-Results van mx.example.nl")
    }

    func testDMARCIsRequiredWhenConfigured() {
        var strict = settings
        strict.requireDMARCPass = true
        let header = "mx.example.nl; dkim=pass header.d=example.nl; dmarc=fail header.from=example.nl"
        XCTAssertNotNil(SenderAuthentication.failure(headers: [header], from: "behandelaar@example.nl", settings: strict))
        XCTAssertNil(SenderAuthentication.failure(headers: [header.replacingOccurrences(of: "dmarc=fail", with: "dmarc=pass")],
                                                  from: "behandelaar@example.nl", settings: strict))
    }

    func testNoAuthservIDMeansNoCheck() {
        XCTAssertNil(SenderAuthentication.failure(headers: [], from: "behandelaar@example.nl", settings: AuthenticationSettings()))
    }
}
