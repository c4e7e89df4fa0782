import Foundation
@testable import OAuthTokens
import XCTest

final class TokenSourceTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "oauth-tokens-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testRefreshTokenFileIsReplacedWholeWithMode0600() throws {
        let file = RefreshTokenFile(path: directory + "/refresh")
        try file.write("rt-one")
        try file.write("rt-two")
        XCTAssertEqual(try file.read(), "rt-two")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["refresh"], "no temporary file is left")
        XCTAssertNotNil(file.renewedAt())
    }

    func testMissingRefreshTokenFileSaysToLogIn() {
        XCTAssertThrowsError(try RefreshTokenFile(path: directory + "/none").read()) { error in
            XCTAssertTrue("\(error)".contains("klachtd oauth login"))
        }
    }

    func testTokenCommandPrintsTheToken() throws {
        let token = try CommandTokenSource(command: "echo ' tok-123 '; echo second line; echo noise >&2", timeoutSeconds: 5)
            .fetch(now: Date())
        XCTAssertEqual(token.value, "tok-123")
        XCTAssertNil(token.expiresAt)
    }

    func testFailingTokenCommandReportsItsExitStatus() {
        XCTAssertThrowsError(try CommandTokenSource(command: "exit 3", timeoutSeconds: 5).fetch(now: Date())) { error in
            XCTAssertEqual(error as? TokenFailure, .command("exit status 3"))
        }
    }

    func testHangingTokenCommandIsKilledAtTheTimeout() {
        let started = Date()
        XCTAssertThrowsError(try CommandTokenSource(command: "sleep 30", timeoutSeconds: 1).fetch(now: Date())) { error in
            XCTAssertEqual(error as? TokenFailure, .command("no answer within 1 s, killed"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testPKCEChallengeIsUnpaddedBase64URLOfSHA256() {
        // SHA-256("abc") is FIPS 180-2's first example: ba7816bf…f20015ad.
        XCTAssertEqual(AuthorizationCodeLogin.challenge("abc"), "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0")
    }

    func testCodeIsReadFromTheBareCodeOrTheRedirectAddress() {
        let login = AuthorizationCodeLogin(authorizeURL: "https://login.example/authorize", endpoint: TokenEndpoint(url: "https://login.example/token"),
                                           clientID: "c", redirectURI: "https://login.microsoftonline.com/common/oauth2/nativeclient", scope: "s")
        XCTAssertEqual(login.code(fromPasted: "  0.AXkA-code \n"), "0.AXkA-code")
        XCTAssertEqual(login.code(fromPasted: "https://login.microsoftonline.com/common/oauth2/nativeclient?code=0.A%2Bb&state=x"), "0.A+b")
        XCTAssertTrue(login.browserURL.hasPrefix("https://login.example/authorize?client_id=c&response_type=code&redirect_uri=https%3A%2F%2F"))
        XCTAssertTrue(login.browserURL.contains("code_challenge_method=S256"))
    }
}
