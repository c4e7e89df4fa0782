import Foundation
import MailParser
import MailTransport
import XCTest

/// The project's private Dovecot + Postfix (deploy/testmail), found through the environment
/// that `deploy/testmail/env.sh` prints; shared by the transport and the integration tests.
/// Tests that need it skip, saying how to start it.
public struct TestMailServer: Sendable {
    public let directory: String
    public let imapPort: Int
    public let imapsPort: Int
    public let smtpPort: Int
    public let submissionPort: Int
    public let password: String
    public let domain = "example.test"

    public var caFile: String { directory + "/ca.pem" }

    /// Every user the test server knows (password `password`).
    public static let users = ["klachten", "kwaliteit", "directie", "aandacht", "behandelaar1", "behandelaar2", "behandelaar3"]
        + (1...9).map { "ouder\($0)" }

    /// The server from `KLACHTD_TEST_*`, or a skipped test saying how to start one.
    public static func require() throws -> TestMailServer {
        let environment = ProcessInfo.processInfo.environment
        guard let directory = environment["KLACHTD_TEST_MAILDIR"], FileManager.default.fileExists(atPath: directory + "/dovecot.conf") else {
            throw XCTSkip("no test mail server: run deploy/scripts/test.sh, or start one with deploy/testmail/start.sh DIR and eval \"$(deploy/testmail/env.sh DIR)\"")
        }
        func port(_ name: String, _ fallback: Int) -> Int { environment[name].flatMap(Int.init) ?? fallback }
        return TestMailServer(directory: directory,
                              imapPort: port("KLACHTD_TEST_IMAP_PORT", 10143), imapsPort: port("KLACHTD_TEST_IMAPS_PORT", 10993),
                              smtpPort: port("KLACHTD_TEST_SMTP_PORT", 10025), submissionPort: port("KLACHTD_TEST_SUBMISSION_PORT", 10587),
                              password: environment["KLACHTD_TEST_PASSWORD"] ?? "secret")
    }

    /// A server that does not exist: for tests that only need a configuration (intake by
    /// `deliver`, mail left waiting in the outbox).
    public static let offline = TestMailServer(directory: "/nonexistent", imapPort: 1, imapsPort: 1, smtpPort: 1,
                                               submissionPort: 1, password: "x")

    /// `user@example.test`, unless it already has a domain.
    public func address(_ user: String) -> String { user.contains("@") ? user : "\(user)@\(domain)" }

    /// An IMAP endpoint for `user` over STARTTLS with the test CA, or implicit TLS when `implicitTLS`.
    public func imap(_ user: String, password: String? = nil, implicitTLS: Bool = false, timeoutSeconds: Int = 10) -> MailServerEndpoint {
        let url = implicitTLS ? "imaps://127.0.0.1:\(imapsPort)/INBOX" : "imap://127.0.0.1:\(imapPort)/INBOX"
        return MailServerEndpoint(url: url, username: address(user), password: password ?? self.password,
                                  requireStartTLS: true, caFile: caFile, timeoutSeconds: timeoutSeconds)
    }

    /// The unauthenticated SMTP endpoint that accepts mail for the test domain.
    public func smtp(requireStartTLS: Bool = false) -> MailServerEndpoint {
        MailServerEndpoint(url: "smtp://127.0.0.1:\(smtpPort)", requireStartTLS: requireStartTLS, caFile: caFile, timeoutSeconds: 10)
    }

    /// Sends a message through the real Postfix, as a parent's mail client would.
    public func send(from: String, to: [String], _ raw: String) throws {
        try SMTPConnection(endpoint: smtp()).send(from: from, recipients: to, message: Array(raw.utf8))
    }

    /// Every message in a user's INBOX, parsed, oldest first.
    public func inbox(_ user: String) throws -> [ParsedMessage] {
        let imap = try IMAPConnection(endpoint: imap(user))
        defer { imap.logout() }
        _ = try imap.select("INBOX")
        return try imap.fetch(uids: try imap.uidsAbove(0)).map { MessageParser.parse($0.bytes) }
    }

    /// Waits until a user's INBOX holds at least `count` messages; returns them.
    @discardableResult
    public func waitForInbox(_ user: String, count: Int, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) throws -> [ParsedMessage] {
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

    /// Waits for a mail in `user`'s INBOX that `matches`: where other mail may arrive first (a
    /// term reminder for a case dated weeks ago, another test's notice), `.first` is not enough.
    public func waitForMail(_ user: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line,
                            where matches: (ParsedMessage) -> Bool) throws -> ParsedMessage? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let found = try inbox(user).first(where: matches) { return found }
            Thread.sleep(forTimeInterval: 0.2)
        } while Date() < deadline
        XCTFail("no such mail for \(user); it has: \(try inbox(user).map { $0.subject ?? "" })", file: file, line: line)
        return nil
    }

    /// Empties every test user's INBOX, so each test starts from a known mailbox.
    public func emptyAllMailboxes() throws {
        for user in Self.users { try doveadm(["expunge", "-u", address(user), "mailbox", "*", "all"]) }
    }

    /// Runs `doveadm -c DIR/dovecot.conf ARGS…` and returns its standard output.
    @discardableResult
    public func doveadm(_ arguments: [String]) throws -> String {
        try run(["doveadm", "-c", directory + "/dovecot.conf"] + arguments)
    }

    /// Runs a program to completion; its standard output, or an error with its standard error.
    @discardableResult
    public func run(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(arguments)
        guard result.status == 0 else {
            throw NSError(domain: "TestMailServer", code: Int(result.status),
                          userInfo: [NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")) failed: \(result.error)"])
        }
        return result.output
    }
}
