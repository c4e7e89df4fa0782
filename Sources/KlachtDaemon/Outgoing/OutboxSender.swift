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
    let authentication: MailAuthentication
    private var connection: SMTPConnection?

    public init(runtime: Runtime, store: CaseStore, authentication: MailAuthentication? = nil) {
        self.runtime = runtime
        self.store = store
        self.authentication = authentication ?? MailAuthentication(runtime: runtime)
    }

    /// Sends every due mail; returns how many were sent. Stops at the first connection-level failure.
    @discardableResult
    public func sendDue() throws -> Int {
        var sent = 0
        for mail in try store.dueOutbox(now: runtime.clock.now()) {
            try store.markSending(id: mail.id)
            do {
                try send(mail)
            } catch let error as TransportFailure {
                try handle(error, for: mail)
                if isPermanent(error) { continue }
                connection = nil
                break
            } catch {
                // No token (or no password) to log in with: the mail waits in the queue.
                try store.markRetry(id: mail.id, error: "\(error)", next: runtime.clock.now().addingTimeInterval(60))
                connection = nil
                throw error
            }
            try store.markSent(id: mail.id, now: runtime.clock.now())
            sent += 1
            runtime.logger.info("sent \(mail.kind) for case \(mail.caseID.map(String.init) ?? "-") (outbox \(mail.id))")
        }
        return sent
    }

    /// Sends over the open connection, or logs in anew (a refused OAuth2 token is refreshed once).
    private func send(_ mail: OutboxRecord) throws {
        if let connection {
            try connection.send(from: mail.mailFrom, recipients: mail.recipients, message: mail.bytes)
            return
        }
        connection = try authentication.login(.smtp, store: store) { endpoint in
            let made = SMTPConnection(endpoint: endpoint)
            try made.send(from: mail.mailFrom, recipients: mail.recipients, message: mail.bytes)
            return made
        }
    }

    /// A refused OAuth2 login is the token's fault, not the mail's: the mail stays queued.
    private func isPermanent(_ error: TransportFailure) -> Bool {
        error.isPermanent && !(MailAuthentication.isRefusal(error) && authentication.usesOAuth(.smtp))
    }

    private func handle(_ error: TransportFailure, for mail: OutboxRecord) throws {
        let now = runtime.clock.now()
        if isPermanent(error) {
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
}

/// Configuration to transport endpoints, with secrets read only here; `token` is the OAuth2 access token
/// for a server with `auth = xoauth2` or `oauthbearer` (see `MailAuthentication`).
enum Endpoints {
    static func smtp(_ configuration: Configuration, token: String? = nil) throws(ConfigError) -> MailServerEndpoint {
        try endpoint(configuration.smtp, section: "smtp", configuration, token: token)
    }

    static func imap(_ configuration: Configuration, token: String? = nil) throws(ConfigError) -> MailServerEndpoint {
        try endpoint(configuration.imap.server, section: "imap", configuration, token: token)
    }

    private static func endpoint(_ server: ServerSettings, section: String, _ configuration: Configuration,
                                 token: String?) throws(ConfigError) -> MailServerEndpoint {
        guard server.authentication == .password else {
            return MailServerEndpoint(url: server.url, username: server.username, bearerToken: token,
                                      requireStartTLS: server.requireStartTLS, caFile: server.caFile, timeoutSeconds: server.timeoutSeconds,
                                      saslMechanism: server.authentication.saslMechanism)
        }
        return MailServerEndpoint(url: server.url, username: server.username,
                                  password: try SecretReader.read(server.password, section: section, configFile: configuration.file),
                                  requireStartTLS: server.requireStartTLS, caFile: server.caFile, timeoutSeconds: server.timeoutSeconds)
    }
}
