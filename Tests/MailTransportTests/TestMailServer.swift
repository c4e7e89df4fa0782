import Foundation
import MailTransport
import XCTest

/// The private Dovecot + Postfix started by `deploy/testmail/start.sh`, found through the environment.
struct TestMailServer {
    let directory: String
    let imapPort: Int
    let imapsPort: Int
    let smtpPort: Int
    let submissionPort: Int
    let password: String
    let domain = "example.test"

    var caFile: String { directory + "/ca.pem" }

    /// The server from `KLACHTD_TEST_*`, or a skipped test saying how to start one.
    static func fromEnvironment() throws -> TestMailServer {
        let environment = ProcessInfo.processInfo.environment
        guard let directory = environment["KLACHTD_TEST_MAILDIR"], !directory.isEmpty else {
            throw XCTSkip("""
                No test mail server: run `deploy/testmail/start.sh DIR` and `eval "$(deploy/testmail/env.sh DIR)"` \
                (KLACHTD_TEST_MAILDIR and the KLACHTD_TEST_*_PORT variables) before `swift test`.
                """)
        }
        func port(_ name: String, _ fallback: Int) -> Int { environment[name].flatMap(Int.init) ?? fallback }
        return TestMailServer(directory: directory,
                              imapPort: port("KLACHTD_TEST_IMAP_PORT", 10143),
                              imapsPort: port("KLACHTD_TEST_IMAPS_PORT", 10993),
                              smtpPort: port("KLACHTD_TEST_SMTP_PORT", 10025),
                              submissionPort: port("KLACHTD_TEST_SUBMISSION_PORT", 10587),
                              password: environment["KLACHTD_TEST_PASSWORD"] ?? "secret")
    }

    /// An IMAP endpoint for `user` over STARTTLS with the test CA, or implicit TLS when `implicitTLS`.
    func imap(_ user: String, password: String? = nil, implicitTLS: Bool = false, timeoutSeconds: Int = 10) -> MailServerEndpoint {
        let url = implicitTLS ? "imaps://127.0.0.1:\(imapsPort)/INBOX" : "imap://127.0.0.1:\(imapPort)/INBOX"
        return MailServerEndpoint(url: url, username: "\(user)@\(domain)", password: password ?? self.password,
                                  requireStartTLS: true, caFile: caFile, timeoutSeconds: timeoutSeconds)
    }

    /// The unauthenticated SMTP endpoint that accepts mail for the test domain.
    func smtp(requireStartTLS: Bool = false) -> MailServerEndpoint {
        MailServerEndpoint(url: "smtp://127.0.0.1:\(smtpPort)", requireStartTLS: requireStartTLS, caFile: caFile, timeoutSeconds: 10)
    }

    /// Runs `doveadm -c DIR/dovecot.conf ARGS…` and returns its standard output.
    @discardableResult
    func doveadm(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/doveadm")
        process.arguments = ["-c", directory + "/dovecot.conf"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TransportFailure.protocolError("doveadm \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A small RFC 5322 message with LF line endings (SMTPConnection must make them CRLF).
    func message(from: String, to: String, subject: String, body: String) -> [UInt8] {
        Array("""
            From: <\(from)>
            To: <\(to)>
            Subject: \(subject)
            Message-ID: <\(UUID().uuidString)@\(domain)>
            Date: Sat, 21 Nov 2026 07:00:00 +0000

            \(body)

            """.utf8)
    }
}

/// Seconds since `start`, on the monotonic clock.
func secondsSince(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}
