import CaseStore
import Foundation
import KlachtConfig
import MailTransport

/// Sends what the outbox holds: queued → sending → sent, or back to queued for a retry, or failed.
///
/// The 'sending' mark is committed before SMTP starts and 'sent' right after the server's
/// 250, so a crash can at worst send one mail twice (same Message-ID), never lose one.
public final class OutboxSender {
    let runtime: Runtime
    let store: CaseStore
    let retry = RetrySchedule()
    private var connection: SMTPConnection?

    public init(runtime: Runtime, store: CaseStore) {
        self.runtime = runtime
        self.store = store
    }

    /// Sends every due mail; returns how many were sent. Stops at the first connection-level failure.
    @discardableResult
    public func sendDue() throws -> Int {
        var sent = 0
        for mail in try store.dueOutbox(now: runtime.clock.now()) {
            let smtp = try smtpConnection()
            try store.markSending(id: mail.id)
            do {
                try smtp.send(from: mail.mailFrom, recipients: mail.recipients, message: mail.bytes)
            } catch {
                try handle(error, for: mail)
                if error.isPermanent { continue }
                connection = nil
                break
            }
            try store.markSent(id: mail.id, now: runtime.clock.now())
            sent += 1
            runtime.logger.info("sent \(mail.kind) for case \(mail.caseID.map(String.init) ?? "-") (outbox \(mail.id))")
        }
        return sent
    }

    private func handle(_ error: TransportFailure, for mail: OutboxRecord) throws {
        let now = runtime.clock.now()
        if error.isPermanent {
            try store.transaction {
                try store.markFailed(id: mail.id, error: error.description)
                try store.appendEvent(caseID: mail.caseID, actor: "klachtd", action: "mail refused",
                                      from: nil, to: nil, reason: "\(mail.kind): \(error.description)", rawMessageID: nil, now: now)
            }
            runtime.logger.error("outbox \(mail.id) (\(mail.kind)) refused permanently: \(error)")
        } else if let next = retry.nextAttempt(after: mail.attempts + 1, createdAt: mail.createdAt, now: now) {
            try store.markRetry(id: mail.id, error: error.description, next: next)
            runtime.logger.warning("outbox \(mail.id) (\(mail.kind)) not sent, retry at \(Timestamp.string(next)): \(error)")
        } else {
            try store.markFailed(id: mail.id, error: "gave up after 7 days: \(error.description)")
            runtime.logger.error("outbox \(mail.id) (\(mail.kind)) given up after 7 days: \(error)")
        }
    }

    private func smtpConnection() throws -> SMTPConnection {
        if let connection { return connection }
        let made = SMTPConnection(endpoint: try Endpoints.smtp(runtime.configuration))
        connection = made
        return made
    }
}

/// Configuration to transport endpoints, with secrets read only here.
enum Endpoints {
    static func smtp(_ configuration: Configuration) throws(ConfigError) -> MailServerEndpoint {
        try endpoint(configuration.smtp, section: "smtp", configuration)
    }

    static func imap(_ configuration: Configuration) throws(ConfigError) -> MailServerEndpoint {
        try endpoint(configuration.imap.server, section: "imap", configuration)
    }

    private static func endpoint(_ server: ServerSettings, section: String, _ configuration: Configuration) throws(ConfigError) -> MailServerEndpoint {
        MailServerEndpoint(url: server.url, username: server.username,
                           password: try SecretReader.read(server.password, section: section, configFile: configuration.file),
                           requireStartTLS: server.requireStartTLS, caFile: server.caFile, timeoutSeconds: server.timeoutSeconds)
    }
}
