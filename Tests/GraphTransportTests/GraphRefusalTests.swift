import Foundation
import Synchronization
@testable import GraphTransport
import MailTransport
import XCTest

/// Graph's error replies in words, throttling hints and the token's roles (issue 21); pure, no server.
final class GraphRefusalTests: XCTestCase {
    func reply(_ status: Int, _ code: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers,
                     body: Array(#"{"error":{"code":"\#(code)","message":"Access is denied. Check credentials and try again."}}"#.utf8))
    }

    func testAccessDeniedNamesBothCausesAndTheirFixes() {
        let failure = GraphRefusal.failure(reply(403, "ErrorAccessDenied"), url: "https://graph.microsoft.com/v1.0/users/k@c.nl/messages?$x=1")
        guard case .authentication(let detail) = failure else { return XCTFail("\(failure)") }
        XCTAssertTrue(detail.contains("ErrorAccessDenied"))
        XCTAssertTrue(detail.contains("Mail.ReadWrite") && detail.contains("Mail.Send") && detail.contains("admin consent"), detail)
        XCTAssertTrue(detail.contains("management scope"), detail)
        XCTAssertFalse(detail.contains("$x=1"), "no query string in errors")
    }

    func testExpiredDeltaThrottlingAndServerTroubleAreTold() {
        XCTAssertTrue(GraphRefusal.isExpiredDelta(GraphRefusal.failure(reply(410, "syncStateNotFound"), url: "https://g/delta")))
        XCTAssertFalse(GraphRefusal.isExpiredDelta(GraphRefusal.failure(reply(404, "ErrorItemNotFound"), url: "https://g/x")))
        guard case .connectionLost(let detail) = GraphRefusal.failure(reply(429, "TooManyRequests", headers: ["retry-after": "7"]), url: "https://g/x") else {
            return XCTFail("throttling backs the whole transport off")
        }
        XCTAssertTrue(detail.contains("7 s"), detail)
        XCTAssertEqual(GraphRefusal.retryAfter(HTTPResponse(status: 429, headers: ["retry-after": " 12 "], body: [])), 12)
        XCTAssertNil(GraphRefusal.retryAfter(HTTPResponse(status: 429, body: [])))
        if case .connectionLost = GraphRefusal.failure(reply(503, "ServiceNotAvailable"), url: "https://g/x") {} else { XCTFail("503 is the server's trouble") }
    }

    func testTooLargeIsASizeRefusalSoTheOutboxShrinksTheMail() {
        let failure = GraphRefusal.failure(reply(413, "RequestEntityTooLarge"), url: "https://g/sendMail")
        XCTAssertEqual(failure.smtpScope, .size)
    }

    func testSendMailRefusesAMessageTooLargeForOneRequestWithoutSendingIt() {
        let client = GraphClient(endpoint: GraphEndpoint(base: "https://127.0.0.1:1/v1.0", mailbox: "k@c.nl"), token: "t")
        XCTAssertThrowsError(try client.sendMail([UInt8](repeating: 0x41, count: 3_100_000))) { error in
            guard let failure = error as? TransportFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.smtpScope, .size, "\(failure)")
            XCTAssertTrue(failure.description.contains("too large for Microsoft Graph"), failure.description)
        }
    }

    func testTokenRolesNameWhatIsMissing() {
        func token(_ claims: String) -> String {
            let payload = Data(claims.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            return "eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln"
        }
        XCTAssertEqual(TokenRoles.missing(inToken: token(#"{"roles":["Mail.ReadWrite"]}"#)), ["Mail.Send"])
        XCTAssertEqual(TokenRoles.missing(inToken: token(#"{"roles":["Mail.Send","Mail.ReadWrite"]}"#)), [])
        XCTAssertEqual(TokenRoles.missing(inToken: token(#"{"aud":"x"}"#)), ["Mail.ReadWrite", "Mail.Send"])
        XCTAssertNil(TokenRoles.missing(inToken: "opaque-token"))
    }

    func testPathSegmentsAreEscaped() {
        XCTAssertEqual(GraphPath.escape("klachten@contoso.nl"), "klachten@contoso.nl")
        XCTAssertEqual(GraphPath.escape("AAMk/ab+c="), "AAMk%2Fab%2Bc%3D")
    }
}

/// At most four Graph requests of the process are in flight at once (issue 21).
final class ThrottleTests: XCTestCase {
    func testNoMoreThanFourRequestsRunAtOnce() {
        let throttle = Throttle()
        let state = Mutex<(running: Int, most: Int)>((0, 0))
        let group = DispatchGroup()
        for _ in 0..<12 {
            group.enter()
            // Threads of their own: a pool may run fewer at once than the limit, and prove nothing.
            Thread {
                try? throttle.limitingConcurrency { () throws(TransportFailure) in
                    state.withLock { $0.running += 1; $0.most = max($0.most, $0.running) }
                    Thread.sleep(forTimeInterval: 0.1)
                    state.withLock { $0.running -= 1 }
                }
                group.leave()
            }.start()
        }
        group.wait()
        XCTAssertEqual(state.withLock { $0.most }, 4)
    }

    func testAHoldOffIsWaitedAndALongOneRefusedWithoutSending() throws {
        let throttle = Throttle()
        throttle.holdOff(seconds: 1)
        let start = Date()
        try throttle.waitUntilAllowed(longest: 5)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.9)
        throttle.holdOff(seconds: 30)
        XCTAssertThrowsError(try throttle.waitUntilAllowed(longest: 5)) { error in
            XCTAssertTrue("\(error)".contains("Retry-After"), "\(error)")
        }
    }
}
