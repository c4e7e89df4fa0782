import MailTransport
@testable import Supervision
import XCTest

/// The hand-over from worker to supervisor: what is sent must come back whole, and what
/// cannot be sent on one line must not be sent at all.
final class WatchPlanTests: XCTestCase {
    private func plan(password: String? = "geheim=wachtwoord", token: String? = nil) -> WatchPlan {
        WatchPlan(wakeAt: 1_795_000_000,
                  endpoint: MailServerEndpoint(url: "imap://127.0.0.1:10143/INBOX", username: "klachten@example.test", password: password,
                                               bearerToken: token, requireStartTLS: true, caFile: "/etc/klachtd/ca.pem", timeoutSeconds: 30,
                                               saslMechanism: token == nil ? nil : "XOAUTH2"),
                  mailbox: "Klachten ouders", uidValidity: 1_700_000_001, lastUID: 4_294_967_295, pollSeconds: 60)
    }

    func testAPlanSurvivesTheSocket() throws {
        let sent = plan()
        let text = try XCTUnwrap(sent.encoded())
        XCTAssertTrue(text.hasPrefix("KLACHTD_HANDOFF=1\n"))
        XCTAssertEqual(WatchPlan(datagram: text), sent)
        let endpoint = try XCTUnwrap(WatchPlan(datagram: text)).endpoint
        XCTAssertEqual(endpoint.password, "geheim=wachtwoord", "only the first = separates key and value")
        XCTAssertEqual(endpoint.caFile, "/etc/klachtd/ca.pem")
        XCTAssertEqual(endpoint.mailbox, "INBOX")
    }

    func testATokenPlanKeepsTheMechanismAndNoPassword() throws {
        let sent = plan(password: nil, token: "eyJ0eXAiOiJKV1Qi.payload.signature")
        let received = try XCTUnwrap(WatchPlan(datagram: try XCTUnwrap(sent.encoded())))
        XCTAssertEqual(received, sent)
        XCTAssertNil(received.endpoint.password)
        XCTAssertEqual(received.endpoint.bearerToken, "eyJ0eXAiOiJKV1Qi.payload.signature")
        XCTAssertEqual(received.endpoint.saslMechanism, "XOAUTH2")
    }

    func testAValueWithALineBreakIsNotSent() {
        XCTAssertNil(plan(password: "one\ntwo").encoded())
        XCTAssertNil(plan(password: "cr\rhere").encoded())
    }

    func testNotificationsAndBrokenPlansAreNotPlans() {
        XCTAssertNil(WatchPlan(datagram: "READY=1\nSTATUS=polling"))
        XCTAssertNil(WatchPlan(datagram: "KLACHTD_HANDOFF=1\nURL=imap://h/INBOX\nMAILBOX=INBOX"), "required fields missing")
        let text = plan().encoded()!.replacingOccurrences(of: "LAST_UID=4294967295", with: "LAST_UID=-1")
        XCTAssertNil(WatchPlan(datagram: text), "a number out of range is refused, not wrapped")
    }
}
