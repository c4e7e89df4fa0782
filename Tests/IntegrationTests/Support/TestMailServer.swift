import Foundation
import MailParser
import MailTransport
import XCTest

/// The project's private Dovecot + Postfix (deploy/testmail), found through the environment
/// that `deploy/testmail/env.sh` prints. Tests that need it skip, saying how to start it.
struct TestMailServer {
    let directory: String
    let imapPort: Int
    let smtpPort: Int
    let caFile: String
    let password: String
    static let domain = "example.test"

    static func require() throws -> TestMailServer {
        let environment = ProcessInfo.processInfo.environment
        guard let directory = environment["KLACHTD_TEST_MAILDIR"], FileManager.default.fileExists(atPath: directory + "/dovecot.conf") else {
            throw XCTSkip("no test mail server: run deploy/scripts/test.sh, or start one with deploy/testmail/start.sh DIR and eval \"$(deploy/testmail/env.sh DIR)\"")
        }
        return TestMailServer(directory: directory,
                              imapPort: Int(environment["KLACHTD_TEST_IMAP_PORT"] ?? "") ?? 10143,
                              smtpPort: Int(environment["KLACHTD_TEST_SMTP_PORT"] ?? "") ?? 10025,
                              caFile: environment["KLACHTD_TEST_CA_FILE"] ?? directory + "/ca.pem",
                              password: environment["KLACHTD_TEST_PASSWORD"] ?? "secret")
    }

    static let users = ["klachten", "kwaliteit", "directie", "aandacht", "behandelaar1", "behandelaar2", "behandelaar3"]
        + (1...9).map { "ouder\($0)" }

    /// Sends a message through the real Postfix, as a parent's mail client would.
    func send(from: String, to: [String], _ raw: String) throws {
        let smtp = SMTPConnection(endpoint: MailServerEndpoint(url: "smtp://127.0.0.1:\(smtpPort)", requireStartTLS: false))
        try smtp.send(from: from, recipients: to, message: Array(raw.utf8))
    }

    /// Every message in a user's INBOX, parsed, oldest first.
    func inbox(_ user: String) throws -> [ParsedMessage] {
        let imap = try IMAPConnection(endpoint: MailServerEndpoint(
            url: "imap://127.0.0.1:\(imapPort)/INBOX", username: address(user), password: password, requireStartTLS: true, caFile: caFile))
        defer { imap.logout() }
        _ = try imap.select("INBOX")
        let uids = try imap.uidsAbove(0)
        return try imap.fetch(uids: uids).map { MessageParser.parse($0.bytes) }
    }

    /// Waits until a user's INBOX holds at least `count` messages; returns them.
    @discardableResult
    func waitForInbox(_ user: String, count: Int, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) throws -> [ParsedMessage] {
        var messages: [ParsedMessage] = []
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            messages = try inbox(user)
            if messages.count >= count { return messages }
            Thread.sleep(forTimeInterval: 0.2)
        } while Date() < deadline
        XCTFail("\(user) has \(messages.count) message(s) after \(Int(timeout)) s, expected \(count): \(messages.map { $0.subject ?? "" })", file: file, line: line)
        return messages
    }

    /// Empties every test user's INBOX, so each test starts from a known mailbox.
    func emptyAllMailboxes() throws {
        for user in Self.users {
            try run(["doveadm", "-c", directory + "/dovecot.conf", "expunge", "-u", address(user), "mailbox", "*", "all"])
        }
    }

    func address(_ user: String) -> String { user.contains("@") ? user : "\(user)@\(Self.domain)" }

    /// The klachtd configuration for this server; `extra` is appended (more sections or keys).
    func configuration(database: String, secretFile: String, extra: String = "") -> String {
        """
        [organisation]
        name = Kinderopvang De Vlinder
        address = klachten@example.test
        quality = kwaliteit@example.test
        management = directie@example.test
        safeguarding = aandacht@example.test
        timezone = Europe/Amsterdam
        language = nl
        [imap]
        url = imap://127.0.0.1:\(imapPort)/INBOX
        username = klachten@example.test
        password_file = \(secretFile)
        starttls = required
        ca_file = \(caFile)
        poll_interval = 2
        [smtp]
        url = smtp://127.0.0.1:\(smtpPort)
        starttls = no
        [storage]
        database = \(database)
        [location "Morel"]
        handler = behandelaar1@example.test
        aliases = morel, bso morel
        regime = wko
        [location "De Boomgaard"]
        handler = behandelaar2@example.test
        aliases = boomgaard, kdv de boomgaard
        regime = wkkgz
        \(extra)
        """
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(arguments)
        guard result.status == 0 else {
            throw NSError(domain: "TestMailServer", code: Int(result.status),
                          userInfo: [NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")) failed: \(result.error)"])
        }
        return result.output
    }
}
