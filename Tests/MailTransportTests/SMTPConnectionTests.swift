import Foundation
import MailTransport
import XCTest
import TestMailSupport

final class SMTPConnectionTests: XCTestCase {
    private var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
    }

    /// Waits up to three seconds for a message containing `token` above `uid` in `user`'s INBOX.
    private func awaitDelivery(to user: String, above uid: UInt32, containing token: String) throws -> FetchedMessage? {
        let connection = try IMAPConnection(endpoint: server.imap(user))
        defer { connection.logout() }
        _ = try connection.select("INBOX")
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            let found = try connection.fetch(uids: try connection.uidsAbove(uid))
            if let message = found.first(where: { String(decoding: $0.bytes, as: UTF8.self).contains(token) }) {
                return message
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    private func inboxUIDNext(_ user: String) throws -> UInt32 {
        let connection = try IMAPConnection(endpoint: server.imap(user))
        defer { connection.logout() }
        return try connection.select("INBOX").uidNext
    }

    func testSentMessageAppearsInTheRecipientsInboxWithCRLFLines() throws {
        let uidNext = try inboxUIDNext("ouder1")
        let token = UUID().uuidString
        let sender = SMTPConnection(endpoint: server.smtp())
        let start = DispatchTime.now()
        try sender.send(from: "kwaliteit@example.test", recipients: ["ouder1@example.test"],
                        message: server.message(from: "kwaliteit@example.test", to: "ouder1@example.test",
                                                subject: "Ontvangstbevestiging", body: "\(token)\n.\n..twee punten\n"))
        let delivered = try XCTUnwrap(try awaitDelivery(to: "ouder1", above: uidNext - 1, containing: token))
        print("SMTP send to IMAP-visible: \(Int(secondsSince(start) * 1000)) ms")
        let text = String(decoding: delivered.bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("Subject: Ontvangstbevestiging\r\n"))
        XCTAssertTrue(text.contains("\(token)\r\n.\r\n..twee punten\r\n"), "dot-stuffing must be undone exactly")
        XCTAssertFalse(delivered.bytes.enumerated().contains { $0.element == 0x0A && ($0.offset == 0 || delivered.bytes[$0.offset - 1] != 0x0D) })
    }

    func testPlusAddressedMailLandsInTheComplaintsInbox() throws {
        let uidNext = try inboxUIDNext("klachten")
        let token = UUID().uuidString
        let recipient = "klachten+KL-2026-0001.abc123@example.test"
        try SMTPConnection(endpoint: server.smtp(requireStartTLS: true)).send(
            from: "ouder2@example.test", recipients: [recipient],
            message: server.message(from: "ouder2@example.test", to: recipient, subject: "Re: KL-2026-0001", body: token))
        XCTAssertNotNil(try awaitDelivery(to: "klachten", above: uidNext - 1, containing: token))
    }

    func testOneConnectionSendsManyMessages() throws {
        let sender = SMTPConnection(endpoint: server.smtp())
        let start = DispatchTime.now()
        for index in 0..<20 {
            try sender.send(from: "directie@example.test", recipients: ["ouder3@example.test", "ouder4@example.test"],
                            message: server.message(from: "directie@example.test", to: "ouder3@example.test",
                                                    subject: "Bericht \(index)", body: "nummer \(index)"))
        }
        print("20 SMTP sends on one handle: \(Int(secondsSince(start) * 1000)) ms")
    }

    func testUnknownRecipientIsAPermanentRefusal() {
        let sender = SMTPConnection(endpoint: server.smtp())
        XCTAssertThrowsError(try sender.send(from: "klachten@example.test", recipients: ["onbekend@example.test"],
                                             message: server.message(from: "klachten@example.test", to: "onbekend@example.test",
                                                                     subject: "x", body: "x"))) { error in
            guard case .permanentRefusal(let code, let text) = error as? TransportFailure else {
                return XCTFail("expected .permanentRefusal, got \(error)")
            }
            XCTAssertEqual(code, 550)
            XCTAssertTrue(text.contains("onbekend@example.test"), text)
            XCTAssertTrue((error as? TransportFailure)?.isPermanent ?? false)
        }
        // The same sender keeps working after a refusal.
        XCTAssertNoThrow(try sender.send(from: "klachten@example.test", recipients: ["ouder5@example.test"],
                                         message: server.message(from: "klachten@example.test", to: "ouder5@example.test",
                                                                 subject: "y", body: "y")))
    }

    func testSubmissionPortWithLoginOverStartTLS() throws {
        var endpoint = server.smtp(requireStartTLS: true)
        endpoint.url = "smtp://127.0.0.1:\(server.submissionPort)"
        endpoint.username = "klachten@example.test"
        endpoint.password = server.password
        try SMTPConnection(endpoint: endpoint).send(
            from: "klachten@example.test", recipients: ["ouder6@example.test"],
            message: server.message(from: "klachten@example.test", to: "ouder6@example.test", subject: "z", body: "z"))
        endpoint.password = "wrong-password"
        XCTAssertThrowsError(try SMTPConnection(endpoint: endpoint).send(
            from: "klachten@example.test", recipients: ["ouder6@example.test"],
            message: server.message(from: "klachten@example.test", to: "ouder6@example.test", subject: "z", body: "z"))) { error in
            guard case .authentication = error as? TransportFailure else { return XCTFail("expected .authentication, got \(error)") }
        }
    }

    func testAddressesThatCouldInjectCommandsAreRefusedBeforeConnecting() {
        let sender = SMTPConnection(endpoint: server.smtp())
        XCTAssertThrowsError(try sender.send(from: "a@example.test", recipients: ["b@example.test>\r\nRCPT TO:<c@example.test"],
                                             message: [])) { error in
            guard case .protocolError = error as? TransportFailure else { return XCTFail("expected .protocolError, got \(error)") }
        }
    }

    func testSilentServerTimesOut() {
        let silent = SilentServer()
        let sender = SMTPConnection(endpoint: MailServerEndpoint(url: "smtp://127.0.0.1:\(silent.port)", requireStartTLS: false,
                                                                 timeoutSeconds: 1))
        let start = DispatchTime.now()
        XCTAssertThrowsError(try sender.send(from: "a@example.test", recipients: ["b@example.test"], message: [])) { error in
            guard case .timeout = error as? TransportFailure else { return XCTFail("expected .timeout, got \(error)") }
        }
        XCTAssertLessThan(secondsSince(start), 2.5)
    }

    func testClosedPortFailsAsConnect() {
        let sender = SMTPConnection(endpoint: MailServerEndpoint(url: "smtp://127.0.0.1:1", requireStartTLS: false, timeoutSeconds: 5))
        XCTAssertThrowsError(try sender.send(from: "a@example.test", recipients: ["b@example.test"], message: [])) { error in
            guard case .connect = error as? TransportFailure else { return XCTFail("expected .connect, got \(error)") }
        }
    }
}
