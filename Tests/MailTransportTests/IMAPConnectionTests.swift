import Foundation
@testable import MailTransport
import XCTest
import TestMailSupport

final class IMAPConnectionTests: XCTestCase {
    private var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
    }

    private func uniqueMailbox(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8))"
    }

    func testLoginOverStartTLSWithTheCAFileSelectsInbox() throws {
        let connection = try IMAPConnection(endpoint: server.imap("klachten"))
        defer { connection.logout() }
        XCTAssertTrue(connection.capabilities.contains("IMAP4REV1"))
        XCTAssertTrue(connection.capabilities.contains("IDLE"))
        let status = try connection.select("INBOX")
        XCTAssertGreaterThan(status.uidValidity, 0)
        XCTAssertGreaterThan(status.uidNext, 0)
    }

    func testLoginOverImplicitTLS() throws {
        let connection = try IMAPConnection(endpoint: server.imap("kwaliteit", implicitTLS: true))
        defer { connection.logout() }
        _ = try connection.select("INBOX")
    }

    func testWrongPasswordFailsQuicklyAsAuthentication() throws {
        let start = DispatchTime.now()
        XCTAssertThrowsError(try IMAPConnection(endpoint: server.imap("klachten", password: "wrong-password"))) { error in
            guard case .authentication(let detail) = error as? TransportFailure else {
                return XCTFail("expected .authentication, got \(error)")
            }
            XCTAssertFalse(detail.contains("wrong-password"))
        }
        XCTAssertLessThan(secondsSince(start), 2)
        // A failed login must not slow the next good one down.
        let next = DispatchTime.now()
        try IMAPConnection(endpoint: server.imap("klachten")).logout()
        XCTAssertLessThan(secondsSince(next), 1)
    }

    func testClosedPortFailsAsConnect() {
        let endpoint = MailServerEndpoint(url: "imap://127.0.0.1:1/INBOX", username: "x", password: "y", timeoutSeconds: 5)
        XCTAssertThrowsError(try IMAPConnection(endpoint: endpoint)) { error in
            guard case .connect = error as? TransportFailure else { return XCTFail("expected .connect, got \(error)") }
        }
    }

    func testPlainLoginWhenStartTLSIsNotRequired() throws {
        var endpoint = server.imap("directie")
        endpoint.requireStartTLS = false
        endpoint.caFile = nil
        let connection = try IMAPConnection(endpoint: endpoint)
        defer { connection.logout() }
        _ = try connection.select("INBOX")
    }

    func testSilentServerTimesOutWithinTheTimeout() {
        let silent = SilentServer()
        let endpoint = MailServerEndpoint(url: "imap://127.0.0.1:\(silent.port)/INBOX", username: "x", password: "y",
                                          requireStartTLS: false, timeoutSeconds: 1)
        let start = DispatchTime.now()
        XCTAssertThrowsError(try IMAPConnection(endpoint: endpoint)) { error in
            guard case .timeout = error as? TransportFailure else { return XCTFail("expected .timeout, got \(error)") }
        }
        XCTAssertLessThan(secondsSince(start), 2.5)
    }

    func testSessionEndedByTheServerReportsConnectionLost() throws {
        let connection = try IMAPConnection(endpoint: server.imap("behandelaar3"))
        _ = try connection.select("INBOX")
        try server.doveadm(["kick", "behandelaar3@example.test"])
        XCTAssertThrowsError(try connection.noop()) { error in
            guard case .connectionLost = error as? TransportFailure else {
                return XCTFail("expected .connectionLost, got \(error)")
            }
        }
    }

    func testServerCertificateWithoutTheTestCAIsRefused() {
        var endpoint = server.imap("klachten")
        endpoint.caFile = nil
        XCTAssertThrowsError(try IMAPConnection(endpoint: endpoint)) { error in
            guard case .certificate = error as? TransportFailure else { return XCTFail("expected .certificate, got \(error)") }
        }
    }

    func testSelectingAMissingMailboxFailsAsMailbox() throws {
        let connection = try IMAPConnection(endpoint: server.imap("klachten"))
        defer { connection.logout() }
        XCTAssertThrowsError(try connection.select("Bestaat-Niet")) { error in
            guard case .mailbox = error as? TransportFailure else { return XCTFail("expected .mailbox, got \(error)") }
        }
    }

    func testFetchOfThreeHundredMessagesReturnsExactBytesInUIDOrder() throws {
        let connection = try IMAPConnection(endpoint: server.imap("behandelaar1"))
        defer { connection.logout() }
        let mailbox = uniqueMailbox("Bulk")
        try connection.create(mailbox: mailbox)
        var sent: [[UInt8]] = []
        for index in 0..<300 {
            // Lines that look like IMAP completions must stay message content.
            var message = Array("Subject: bulk \(index)\r\n\r\nK\(index + 4) OK done\r\n* 1 EXISTS\r\n{5}\r\n".utf8)
            message += [UInt8](repeating: UInt8(ascii: "a") + UInt8(index % 26), count: index * 7) + [0x0D, 0x0A]
            sent.append(message)
            try connection.append(message, to: mailbox, flags: [])
        }
        let status = try connection.select(mailbox)
        XCTAssertEqual(status.exists, 300)
        let uids = try connection.uidsAbove(0)
        XCTAssertEqual(uids.count, 300)
        let start = DispatchTime.now()
        let fetched = try connection.fetch(uids: uids)
        let elapsed = secondsSince(start)
        XCTAssertEqual(fetched.map(\.uid), uids)
        XCTAssertEqual(fetched.map(\.bytes), sent)
        XCTAssertTrue(fetched.allSatisfy { !$0.flags.contains("\\Seen") })
        print("fetched 300 messages in \(Int(elapsed * 1000)) ms")
    }

    func testUIDsAboveIgnoresTheHighestUIDWhenItIsBelowTheBound() throws {
        let connection = try IMAPConnection(endpoint: server.imap("behandelaar1"))
        defer { connection.logout() }
        let mailbox = uniqueMailbox("Above")
        try connection.create(mailbox: mailbox)
        try connection.append(Array("Subject: one\r\n\r\nx\r\n".utf8), to: mailbox, flags: [])
        let status = try connection.select(mailbox)
        XCTAssertEqual(try connection.uidsAbove(status.uidNext - 1), [])
        XCTAssertEqual(try connection.uidsAbove(0), [status.uidNext - 1])
    }

    func testInternalDateFlagsAndKeywordsRoundTrip() throws {
        let connection = try IMAPConnection(endpoint: server.imap("behandelaar2"))
        defer { connection.logout() }
        let mailbox = uniqueMailbox("Flags")
        try connection.create(mailbox: mailbox)
        let before = Date().addingTimeInterval(-2)
        try connection.append(Array("Subject: a\r\n\r\na\r\n".utf8), to: mailbox, flags: ["\\Flagged", "$KlachtTest"])
        try connection.append(Array("Subject: b\r\n\r\nb\r\n".utf8), to: mailbox, flags: [])
        _ = try connection.select(mailbox)
        let uids = try connection.uidsAbove(0)
        XCTAssertEqual(uids.count, 2)
        try connection.addFlags(["$KlachtVerwerkt"], uids: [uids[1]])
        let fetched = try connection.fetch(uids: uids)
        // \Recent is per session: whether this session sees it is the server's choice.
        XCTAssertEqual(Set(fetched[0].flags).subtracting(["\\Recent"]), ["\\Flagged", "$KlachtTest"])
        XCTAssertEqual(Set(fetched[1].flags).subtracting(["\\Recent"]), ["$KlachtVerwerkt"])
        let internalDate = Date(timeIntervalSince1970: Double(try XCTUnwrap(fetched[0].internalDateSeconds)))
        XCTAssertGreaterThanOrEqual(internalDate, before.addingTimeInterval(-1))
        XCTAssertLessThanOrEqual(internalDate, Date().addingTimeInterval(2))
        XCTAssertEqual(try connection.uids(withoutKeyword: "$KlachtVerwerkt"), [uids[0]])
    }

    func testCreateIgnoresExistingMailboxAndMoveTransfersOnlyTheGivenUIDs() throws {
        let connection = try IMAPConnection(endpoint: server.imap("behandelaar3"))
        defer { connection.logout() }
        let source = uniqueMailbox("Bron")
        let target = uniqueMailbox("Doel")
        try connection.create(mailbox: source)
        try connection.create(mailbox: source)
        try connection.create(mailbox: target)
        for index in 0..<3 {
            try connection.append(Array("Subject: m\(index)\r\n\r\n\(index)\r\n".utf8), to: source, flags: [])
        }
        _ = try connection.select(source)
        let uids = try connection.uidsAbove(0)
        try connection.move(uids: [uids[0], uids[2]], to: target)
        XCTAssertEqual(try connection.uidsAbove(0), [uids[1]])
        XCTAssertEqual(try connection.select(target).exists, 2)
    }

    func testMoveWithoutTheMOVECapabilityExpungesOnlyTheMovedUIDs() throws {
        let connection = try IMAPConnection(endpoint: server.imap("behandelaar3"))
        defer { connection.logout() }
        connection.capabilities.remove("MOVE")
        let source = uniqueMailbox("Bron")
        let target = uniqueMailbox("Doel")
        try connection.create(mailbox: source)
        try connection.create(mailbox: target)
        for index in 0..<3 {
            try connection.append(Array("Subject: m\(index)\r\n\r\n\(index)\r\n".utf8), to: source, flags: [])
        }
        _ = try connection.select(source)
        let uids = try connection.uidsAbove(0)
        // Someone else marked this one \Deleted; a plain EXPUNGE would remove it too.
        try connection.addFlags(["\\Deleted"], uids: [uids[1]])
        try connection.move(uids: [uids[0], uids[2]], to: target)
        XCTAssertEqual(try connection.uidsAbove(0), [uids[1]])
        XCTAssertEqual(try connection.select(target).exists, 2)
    }

    func testUIDValidityChangeIsVisibleToTheNextSelect() throws {
        let connection = try IMAPConnection(endpoint: server.imap("aandacht"))
        let mailbox = uniqueMailbox("Validity")
        try connection.create(mailbox: mailbox)
        let before = try connection.select(mailbox).uidValidity
        connection.logout()
        try server.doveadm(["mailbox", "update", "-u", "aandacht@example.test", "--uid-validity", String(before + 7), mailbox])
        let again = try IMAPConnection(endpoint: server.imap("aandacht"))
        defer { again.logout() }
        XCTAssertEqual(try again.select(mailbox).uidValidity, before + 7)
    }
}
