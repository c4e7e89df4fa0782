import Foundation
import Glibc
import MailTransport
import XCTest
import TestMailSupport

final class IdleTests: XCTestCase {
    private var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
    }

    func testIdleReportsADeliveryWithinASecondAndAHalf() throws {
        try assertIdleReportsDelivery(to: "ouder7", implicitTLS: false)
    }

    func testIdleOverImplicitTLSReportsADelivery() throws {
        try assertIdleReportsDelivery(to: "ouder6", implicitTLS: true)
    }

    private func assertIdleReportsDelivery(to user: String, implicitTLS: Bool) throws {
        let connection = try IMAPConnection(endpoint: server.imap(user, implicitTLS: implicitTLS))
        defer { connection.logout() }
        let before = try connection.select("INBOX")
        let smtp = server.smtp()
        let address = "\(user)@example.test"
        let message = server.message(from: "klachten@example.test", to: address, subject: "idle", body: "idle")
        let sentAt = SentClock()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.3)
            sentAt.mark()
            try? SMTPConnection(endpoint: smtp).send(from: "klachten@example.test", recipients: [address], message: message)
        }
        let outcome = try connection.idle(timeoutSeconds: 10, wakeFileDescriptor: nil)
        let latency = sentAt.secondsSinceMark()
        XCTAssertEqual(outcome, .mailboxChanged)
        XCTAssertLessThan(latency, 1.5)
        print("IDLE (\(implicitTLS ? "imaps" : "STARTTLS")) reported a delivery after \(Int(latency * 1000)) ms")
        XCTAssertFalse(try connection.uidsAbove(before.uidNext - 1).isEmpty)
    }

    func testWakeDescriptorInterruptsIdle() throws {
        let connection = try IMAPConnection(endpoint: server.imap("ouder8"))
        defer { connection.logout() }
        _ = try connection.select("INBOX")
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]); close(fds[1]) }
        let writeEnd = fds[1]
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.2)
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }
        let start = DispatchTime.now()
        XCTAssertEqual(try connection.idle(timeoutSeconds: 10, wakeFileDescriptor: fds[0]), .woken)
        XCTAssertLessThan(secondsSince(start), 1)
        // The session is usable after DONE.
        try connection.noop()
    }

    func testIdleWithoutNewsTimesOutAndMayOutlastTheEndpointTimeout() throws {
        // The endpoint's timeout bounds connecting and each answer, not the session or an IDLE.
        let connection = try IMAPConnection(endpoint: server.imap("ouder9", timeoutSeconds: 1))
        defer { connection.logout() }
        _ = try connection.select("INBOX")
        let start = DispatchTime.now()
        XCTAssertEqual(try connection.idle(timeoutSeconds: 2, wakeFileDescriptor: nil), .timedOut)
        XCTAssertEqual(secondsSince(start), 2, accuracy: 0.5)
        try connection.noop()
    }
}

/// The moment a background thread sent a message, shared with the test's thread under a lock.
private final class SentClock: @unchecked Sendable {
    // Safe: `start` is only read and written while holding `lock`.
    private let lock = NSLock()
    private var start: DispatchTime?

    func mark() {
        lock.withLock { start = .now() }
    }

    func secondsSinceMark() -> Double {
        lock.withLock { start.map(secondsSince) ?? .infinity }
    }
}
