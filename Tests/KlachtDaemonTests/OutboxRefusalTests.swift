@testable import CaseStore
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailParser
import XCTest

/// Issue 17 finding 8: a server that refuses a mail for its size (552 5.3.4) gets it again without
/// its attachments, which the text then lists; a mail that cannot be made smaller stays refused.
final class OutboxRefusalTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-size-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func process(port: Int) throws -> (Runtime, CaseStore) {
        let configuration = try unitTestConfiguration(directory: directory, smtp: "url = smtp://127.0.0.1:\(port)\nstarttls = no",
                                                      sections: """
            [location "Morel"]
            handler = behandelaar1@example.test
            aliases = morel
            regime = wko
            """)
        let runtime = try Runtime(configuration: configuration, clock: Clock(fixed: Date()))
        return (runtime, try runtime.openStore())
    }

    /// An assignment mail to the handler with the parent's photo attached, as Outlook sends such mail.
    private func assignmentWithPhoto(messageID: String, photoBytes: Int) -> [UInt8] {
        var random = SystemRandomNumberGenerator()
        let photo = Data((0..<photoBytes).map { _ in UInt8.random(in: 0...255, using: &random) }).base64EncodedString(options: .lineLength76Characters)
        let text = "Beste collega,\r\n\r\nEr is een nieuwe klacht over BSO Morel: Mijn dochter stond om 18:15 nog alleen bij de deur.\r\n"
        return Array("""
            From: Kinderopvang De Vlinder <klachten@example.test>\r
            To: behandelaar1@example.test\r
            Subject: Nieuwe klacht [KL-2026-0001]\r
            Date: Mon, 16 Nov 2026 10:00:00 +0000\r
            Message-ID: <\(messageID)>\r
            Auto-Submitted: auto-generated\r
            X-Klachtd-Loop: klachten@example.test\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="=_deel1"\r
            \r
            --=_deel1\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            \(text)\r
            --=_deel1\r
            Content-Type: image/jpeg; name="foto-gang.jpg"\r
            Content-Disposition: attachment; filename="foto-gang.jpg"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(photo.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))\r
            --=_deel1--\r

            """.utf8)
    }

    func testASizeRefusalSendsTheMailAgainWithoutItsAttachmentsListed() throws {
        let server = ScriptedSMTPServer(sizeLimit: 20_000)
        let (runtime, store) = try process(port: server.port)
        let messageID = "klachtd.KL-2026-0001.size@example.test"
        let original = assignmentWithPhoto(messageID: messageID, photoBytes: 60_000)
        let id = try store.enqueue(OutgoingMail(caseID: nil, kind: "handler-assignment", messageID: messageID, mailFrom: "klachten@example.test",
                                                recipients: ["behandelaar1@example.test"], subject: "Nieuwe klacht [KL-2026-0001]",
                                                bytes: original), now: runtime.clock.now())

        XCTAssertEqual(try OutboxSender(runtime: runtime, store: store).sendDue(), 1)

        XCTAssertEqual(server.refusals, 1, "the server refused the full mail once")
        let received = try XCTUnwrap(server.accepted.first)
        XCTAssertLessThan(received.count, 20_000)
        let parsed = MessageParser.parse(received)
        XCTAssertEqual(parsed.messageID, messageID, "the same mail: threads and bounces still find it")
        XCTAssertTrue(parsed.attachments.isEmpty)
        let text = try XCTUnwrap(parsed.text)
        XCTAssertTrue(text.contains("alleen bij de deur"), text)
        XCTAssertTrue(text.contains("foto-gang.jpg (80 kB)") || text.contains("foto-gang.jpg (60 kB)"), text)
        XCTAssertTrue(text.contains("te groot"), text)
        let row = try XCTUnwrap(try store.outbox(caseID: nil).first { $0.id == id })
        XCTAssertEqual(row.state, .sent)
        let events = try store.db.query("SELECT reason FROM events WHERE action = 'mail shrunk'").compactMap { $0.string("reason") }
        XCTAssertEqual(events.count, 1)
        XCTAssertTrue(events.first?.contains("foto-gang.jpg") ?? false, events.first ?? "")
    }

    func testAMailWithNothingToLeaveOutStaysRefused() throws {
        let server = ScriptedSMTPServer(sizeLimit: 300)
        let (runtime, store) = try process(port: server.port)
        let bytes = Array(("From: klachten@example.test\r\nTo: behandelaar1@example.test\r\nSubject: Herinnering\r\n"
            + "Message-ID: <klachtd.mail.small@example.test>\r\n\r\n" + String(repeating: "Een herinnering over de klacht.\r\n", count: 40)).utf8)
        let id = try store.enqueue(OutgoingMail(caseID: nil, kind: "handler-reminder", messageID: "klachtd.mail.small@example.test",
                                                mailFrom: "klachten@example.test", recipients: ["behandelaar1@example.test"],
                                                subject: "Herinnering", bytes: bytes), now: runtime.clock.now())
        XCTAssertEqual(try OutboxSender(runtime: runtime, store: store).sendDue(), 0)
        let row = try XCTUnwrap(try store.outbox(caseID: nil).first { $0.id == id })
        XCTAssertEqual(row.state, .failed, "a refusal that shrinking cannot cure stands")
        XCTAssertEqual(row.bytes, bytes, "nothing was changed")
    }

    /// A mail the SMTP client refuses itself (an address with a space) fails alone; the mails behind it go out.
    func testAMalformedAddressFailsThatMailOnlyAndTheQueueMovesOn() throws {
        let server = ScriptedSMTPServer(sizeLimit: 1_000_000)
        let (runtime, store) = try process(port: server.port)
        func mail(_ to: String, _ id: String) -> OutgoingMail {
            OutgoingMail(caseID: nil, kind: "acknowledgement", messageID: id, mailFrom: "klachten@example.test", recipients: [to],
                         subject: "Ontvangstbevestiging", bytes: Array("From: klachten@example.test\r\nTo: \(to)\r\nMessage-ID: <\(id)>\r\n\r\nOntvangen.\r\n".utf8))
        }
        let bad = try store.enqueue(mail("ouder een@example.test", "klachtd.mail.bad@example.test"), now: runtime.clock.now())
        let good = try store.enqueue(mail("ouder2@example.test", "klachtd.mail.good@example.test"), now: runtime.clock.now())
        let sender = OutboxSender(runtime: runtime, store: store)
        XCTAssertGreaterThanOrEqual(try sender.sendDue(), 1)
        let rows = try store.outbox(caseID: nil)
        XCTAssertEqual(rows.first { $0.id == bad }?.state, .failed)
        XCTAssertEqual(rows.first { $0.id == good }?.state, .sent, "one bad address does not hold up the queue")
        XCTAssertEqual(sender.serverAwayUntil, .distantPast, "nothing is wrong with the server")
        XCTAssertNil(try store.daemonState(.smtpFailingSince))
    }
}
