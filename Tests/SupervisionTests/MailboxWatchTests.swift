import Foundation
@testable import MailTransport
@testable import Supervision
import TestMailSupport
import XCTest

/// The supervisor's watch against the real Dovecot: what counts as new mail, and polling
/// when the server has no IDLE.
final class MailboxWatchTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    private let message = Array("From: ouder1@example.test\r\nTo: klachten@example.test\r\nSubject: Klacht\r\n\r\nTekst.\r\n".utf8)

    /// A plan as a worker would hand it over after reading the mailbox as it is now.
    private func planForCurrentMailbox(pollSeconds: Int = 60) throws -> WatchPlan {
        let imap = try IMAPConnection(endpoint: server.imap("behandelaar3"))
        defer { imap.logout() }
        let status = try imap.select("INBOX")
        return WatchPlan(wakeAt: Int(Date().timeIntervalSince1970) + 600, endpoint: server.imap("behandelaar3"), mailbox: "INBOX",
                         uidValidity: status.uidValidity, lastUID: status.uidNext - 1, pollSeconds: pollSeconds)
    }

    private func append() throws {
        let imap = try IMAPConnection(endpoint: server.imap("behandelaar3"))
        defer { imap.logout() }
        try imap.append(message, to: "INBOX", flags: [])
    }

    func testOnlyMailAboveTheLastUIDIsNews() throws {
        try append()   // already stored by the worker: below the plan's last UID
        let watch = MailboxWatch(plan: try planForCurrentMailbox())
        defer { watch.close() }
        XCTAssertEqual(try watch.wait(seconds: 1, wake: -1), .quiet)

        // Another client flags the old message: IDLE wakes, but that is no new mail.
        let flagger = try IMAPConnection(endpoint: server.imap("behandelaar3"))
        _ = try flagger.select("INBOX")
        try flagger.addFlags(["\\Seen"], uids: [try XCTUnwrap(flagger.uidsAbove(0).first)])
        flagger.logout()
        XCTAssertEqual(try watch.wait(seconds: 2, wake: -1), .quiet)

        try append()
        let began = Date()
        XCTAssertEqual(try watch.wait(seconds: 20, wake: -1), .newMail)
        XCTAssertLessThan(Date().timeIntervalSince(began), 10, "IDLE reported the new message, not the time limit")
    }

    func testAnotherUIDValidityIsNewsAtOnce() throws {
        var plan = try planForCurrentMailbox()
        plan.uidValidity &+= 1
        let watch = MailboxWatch(plan: plan)
        defer { watch.close() }
        XCTAssertEqual(try watch.wait(seconds: 20, wake: -1), .newMail)
    }

    func testWithoutIdleTheWatchPollsAtThePlansInterval() throws {
        let watch = MailboxWatch(plan: try planForCurrentMailbox(pollSeconds: 1)) { endpoint throws(TransportFailure) in
            let connection = try IMAPConnection(endpoint: endpoint)
            connection.capabilities.remove("IDLE")
            return connection
        }
        defer { watch.close() }
        XCTAssertEqual(try watch.wait(seconds: 5, wake: -1), .quiet, "one poll interval passed without mail")
        // Mail that arrives while the watch sleeps between polls is found at the next poll.
        let endpoint = server.imap("behandelaar3")
        let bytes = message
        let appended = expectation(description: "appended")
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.3)
            if let imap = try? IMAPConnection(endpoint: endpoint) {
                try? imap.append(bytes, to: "INBOX", flags: [])
                imap.logout()
            }
            appended.fulfill()
        }
        XCTAssertEqual(try watch.wait(seconds: 5, wake: -1), .newMail)
        wait(for: [appended], timeout: 10)
    }

    func testAServerThatIsAwayIsAnErrorNotAWait() {
        var plan = WatchPlan(wakeAt: 0, endpoint: server.imap("behandelaar3"), mailbox: "INBOX", uidValidity: 1, lastUID: 0, pollSeconds: 60)
        plan.endpoint.url = "imap://127.0.0.1:1/INBOX"
        let watch = MailboxWatch(plan: plan)
        XCTAssertThrowsError(try watch.wait(seconds: 5, wake: -1))
    }
}
