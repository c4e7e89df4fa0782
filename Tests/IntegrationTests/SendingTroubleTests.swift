import CaseStore
import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 17 finding 8: a submission server that refuses klachtd itself (STARTTLS required, a wrong
/// password) is a configuration error, not a bounce: every mail waits in the outbox, nobody is
/// marked as bouncing, and the quality staff are told once, however many mails wait.
final class SendingTroubleTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    /// `starttls = no` against the test Postfix's submission port: `530 5.7.0 Must issue a STARTTLS command first`.
    func testSubmissionWithoutStartTLSKeepsEveryMailQueuedMarksNobodyAndTellsTheStaffOnce() throws {
        try assertSessionTroubleWaits(smtp: """
            url = smtp://127.0.0.1:\(server.submissionPort)
            username = klachten@example.test
            password_file = SECRET
            starttls = no
            """)
    }

    /// STARTTLS as required, but the password is wrong: `535 5.7.8 authentication failed`.
    func testWrongSubmissionPasswordKeepsEveryMailQueuedMarksNobodyAndTellsTheStaffOnce() throws {
        try assertSessionTroubleWaits(smtp: """
            url = smtp://127.0.0.1:\(server.submissionPort)
            username = klachten@example.test
            password_file = WRONG
            starttls = required
            ca_file = \(server.caFile)
            """)
    }

    private func assertSessionTroubleWaits(smtp broken: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let daemon = try DaemonFixture(server: server)
        let wrong = daemon.directory + "/smtp-wrong.secret"
        try "not-the-password\n".write(toFile: wrong, atomically: true, encoding: .utf8)
        let working = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        let plain = "[smtp]\nurl = smtp://127.0.0.1:\(server.smtpPort)\nstarttls = no\n"
        XCTAssertTrue(working.contains(plain), file: file, line: line)
        let brokenSection = "[smtp]\n" + broken.replacingOccurrences(of: "SECRET", with: daemon.directory + "/imap.secret")
            .replacingOccurrences(of: "WRONG", with: wrong) + "\n"
        try working.replacingOccurrences(of: plain, with: brokenSection).write(toFile: daemon.configPath, atomically: true, encoding: .utf8)

        let now = ISO8601DateFormatter().string(from: Date())
        for n in 5...7 {
            try daemon.deliver(complaintMail(from: "ouder\(n)@example.test", name: "Ouder \(n)", subject: "Klacht BSO Morel",
                                             body: "Goedemorgen,\n\nBij BSO Morel is de tas van mijn dochter kwijtgeraakt.\n\nMet vriendelijke groet"),
                               at: now, file: file, line: line)
        }
        let store = try CaseStore(path: daemon.databasePath)
        let outbox = try store.outbox(caseID: nil)
        XCTAssertGreaterThanOrEqual(outbox.count, 6, "acknowledgements and assignments", file: file, line: line)
        XCTAssertEqual(Set(outbox.map(\.state)), [.queued], "every mail waits for the server: \(outbox.map { ($0.kind, $0.state, $0.lastError) })",
                       file: file, line: line)
        XCTAssertTrue(try store.suppressedAddresses(now: Date()).isEmpty, file: file, line: line)
        let status = try daemon.klachtd(["status"])
        XCTAssertEqual(status.status, 1, file: file, line: line)
        XCTAssertTrue(status.output.contains("bouncing addresses:    none"), status.output, file: file, line: line)
        XCTAssertTrue(status.output.contains("sending:               FAILS since"), status.output, file: file, line: line)
        let notices = outbox.filter { $0.kind == "system-notice" && $0.subject.hasPrefix("Storing: klachtd kan geen e-mail versturen") }
        XCTAssertEqual(notices.count, 1, "one notice for three deliveries and their six mails", file: file, line: line)

        // The configuration is put right: everything goes out, and the staff have the one notice.
        try working.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.tick(at: now, file: file, line: line)
        for n in 5...7 { try server.waitForInbox("ouder\(n)", count: 1, file: file, line: line) }
        let quality = try server.waitForInbox("kwaliteit", count: 1, file: file, line: line)
        XCTAssertEqual(quality.filter { $0.subject?.hasPrefix("Storing: klachtd kan geen e-mail versturen") ?? false }.count, 1,
                       "\(quality.map(\.subject))", file: file, line: line)
        XCTAssertTrue(try store.outbox(caseID: nil).allSatisfy { $0.state == .sent }, file: file, line: line)
        XCTAssertFalse(try daemon.klachtd(["status"]).output.contains("FAILS"), file: file, line: line)
    }
}
