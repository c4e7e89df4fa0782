import Foundation
@testable import OAuthTokens
import XCTest

final class TokenResponseTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func reply(_ status: Int, _ json: String) -> FormPost.Reply { FormPost.Reply(status: status, body: Array(json.utf8)) }

    func testSuccessCarriesTokenExpiryAndRotatedRefreshToken() throws {
        let grant = try TokenResponse.grant(from: reply(200, #"{"access_token":"at","expires_in":3599,"refresh_token":"rt2","token_type":"Bearer"}"#), now: now)
        XCTAssertEqual(grant.accessToken.value, "at")
        XCTAssertEqual(grant.accessToken.expiresAt, now.addingTimeInterval(3599))
        XCTAssertEqual(grant.refreshToken, "rt2")
    }

    func testMicrosoftInvalidClientNeedsAnOperatorAndSaysWhatToDo() {
        XCTAssertThrowsError(try TokenResponse.grant(from: reply(401, #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1"}"#), now: now)) { error in
            let failure = error as? TokenFailure
            XCTAssertEqual(failure, .refused(status: 401, error: "invalid_client", detail: "AADSTS7000215: Invalid client secret provided."))
            XCTAssertTrue(failure?.needsOperator ?? false)
            XCTAssertTrue(failure?.description.contains("client_secret_file") ?? false)
        }
    }

    func testReplyWithoutTokenIsAProtocolError() {
        XCTAssertThrowsError(try TokenResponse.grant(from: reply(200, "<html>"), now: now)) { error in
            guard case .endpoint(.protocolError, _)? = error as? TokenFailure else { return XCTFail("\(error)") }
        }
    }

    func testFormEncodingEscapesEverythingButUnreservedBytes() {
        XCTAssertEqual(FormEncoding.encode([("scope", "https://outlook.office365.com/.default"), ("a b", "x+y&z=é")]),
                       "scope=https%3A%2F%2Foutlook.office365.com%2F.default&a+b=x%2By%26z%3D%C3%A9")
        XCTAssertEqual(FormEncoding.unescape("x%2By+z"), "x+y z")
    }

    /// A `%` escape is two hex digits (RFC 3986 `pct-encoded`); a sign is not one, though `UInt8(_:radix:)` reads `+f` as 15.
    func testFormUnescapeRefusesASignInAnEscape() {
        XCTAssertEqual(FormEncoding.unescape("code%3dA%2f"), "code=A/", "either case")
        XCTAssertNil(FormEncoding.unescape("code%+f"))
        XCTAssertNil(FormEncoding.unescape("code%-0"))
        XCTAssertNil(FormEncoding.unescape("code%4"))
    }

    func testUnreachableEndpointIsNamedAsTCPWithoutTheSecret() {
        XCTAssertThrowsError(try FormPost.send([("client_secret", "s3cr3t")], to: "http://127.0.0.1:1/token", caFile: nil, timeoutSeconds: 5)) { error in
            guard case .endpoint(.tcp, let detail)? = error as? TokenFailure else { return XCTFail("\(error)") }
            XCTAssertFalse(detail.contains("s3cr3t"))
        }
    }
}

/// Entra ID's AADSTS codes, each with the step that fixes it (issue 21).
final class AADSTSAdviceTests: XCTestCase {
    func testCommonCodesAreExplainedWithTheirFix() {
        func text(_ error: String, _ detail: String) -> String { TokenFailure.refused(status: 400, error: error, detail: detail).description }
        XCTAssertTrue(text("invalid_client", "AADSTS7000215: Invalid client secret provided.").contains("secret's ID was copied instead of its Value"))
        XCTAssertTrue(text("invalid_client", "AADSTS7000222: The provided client secret keys are expired.").contains("has expired"))
        XCTAssertTrue(text("unauthorized_client", "AADSTS700016: Application with identifier 'x' was not found").contains("Application (client) ID"))
        XCTAssertTrue(text("invalid_request", "AADSTS90002: Tenant 'x' not found.").contains("Directory (tenant) ID"))
        XCTAssertTrue(text("invalid_grant", "AADSTS65001: The user or administrator has not consented").contains("Grant admin consent"))
        XCTAssertTrue(text("invalid_client", "something else").contains("client secret is wrong, expired or revoked"), "unknown codes keep the general advice")
    }
}
