import CaseStore
import DaemonSupport
import Foundation
import KlachtConfig
import MailTransport

/// Sends what the outbox holds: queued → sending → sent, or back to queued for a retry, or failed.
///
/// The 'sending' mark is committed before SMTP starts and 'sent' right after the server's
/// 250, so a crash can at worst send one mail twice (same Message-ID), never lose one.
/// Three kinds of trouble are kept apart (`SMTPFailureScope`): the session failing (connection,
/// TLS, login, 421, 454, 530, relaying denied) backs off the whole sender, costs no mail an
/// attempt, marks nobody and tells the quality staff once (`SendingTrouble.swift`); a refusal
/// for size shrinks the mail and sends it again; a refusal of one mail (4xx) retries that mail
/// on its own schedule, and a permanent refusal (5xx) is not retried.
public final class OutboxSender {
    let runtime: Runtime
    let store: CaseStore
    let retry = RetrySchedule()
    let authentication: MailAuthentication
    private var connection: SMTPConnection?
    private var backoff = Backoff()
    private(set) var serverAwayUntil = Date.distantPast
    /// Whether `daemon_state` holds an SMTP trouble that a successful send must end; nil until read.
    var troubleRecorded: Bool?

    public init(runtime: Runtime, store: CaseStore, authentication: MailAuthentication? = nil) {
        self.runtime = runtime
        self.store = store
        self.authentication = authentication ?? MailAuthentication(runtime: runtime)
        backoff = Backoff(maximum: Double(runtime.configuration.reconnectMaxSeconds))
    }

    /// Sends every due mail, batch after batch, until none is due or the server is away;
    /// returns how many were sent.
    @discardableResult
    public func sendDue() throws -> Int {
        var sent = 0
        troubleRecorded = nil   // another process may have recorded (or ended) an SMTP trouble since the last call
        while runtime.clock.now() >= serverAwayUntil {
            let batch = try store.dueOutbox(now: runtime.clock.now(), limit: 200)
            if batch.isEmpty { break }
            var progressed = false
            for mail in batch {
                // Another process (a `deliver`, a case command, another worker) may have claimed it.
                guard try store.markSending(id: mail.id, now: runtime.clock.now()) else { continue }
                switch try send(mail) {
                case .serverAway: return sent
                case .sent: sent += 1
                case .notSent: break
                }
                progressed = true
            }
            if !progressed { break }
        }
        return sent
    }

    /// What became of one claimed mail.
    private enum Attempt { case sent, notSent, serverAway }

    /// One claimed mail; `.serverAway` when sending must stop for now.
    private func send(_ mail: OutboxRecord) throws -> Attempt {
        do {
            try transmit(mail)
        } catch let error as TransportFailure {
            switch error.smtpScope {
            case .session:
                // Every mail would get this answer: the mail waits, nobody is marked, the staff hear once.
                try serverAway(error.description, mail: mail, configuration: Self.isConfigurationTrouble(error))
                return .serverAway
            case .size where try shrink(mail, refusal: error):
                return .notSent
            case .size, .message:
                try refused(error, mail: mail)
                return .notSent
            }
        } catch {
            // No token (or no password) to log in with: like a server that is away, the mail waits.
            try serverAway("\(error)", mail: mail, configuration: true)
            return .serverAway
        }
        try store.markSent(id: mail.id, now: runtime.clock.now())
        backoff.reset()
        try sendingWorks()
        runtime.logger.info("sent \(mail.kind) for case \(mail.caseID.map(String.init) ?? "-") (outbox \(mail.id))")
        return .sent
    }

    /// Trouble with the server itself rather than with one mail.
    static func isServerTrouble(_ error: TransportFailure) -> Bool {
        error.smtpScope == .session
    }

    /// Trouble only a person can end (login, certificate, TLS, a server that wants STARTTLS or a
    /// login): the quality staff are told at once instead of after `outage_alert_seconds`.
    static func isConfigurationTrouble(_ error: TransportFailure) -> Bool {
        switch error {
        case .authentication, .certificate, .tls: true
        case .permanentRefusal: true
        default: false
        }
    }

    private func serverAway(_ error: String, mail: OutboxRecord, configuration: Bool) throws {
        connection = nil
        let now = runtime.clock.now()
        let delay = backoff.nextDelay()
        serverAwayUntil = now.addingTimeInterval(delay)
        // Not this mail's fault: it keeps its place and its attempt count, and waits however long the
        // trouble lasts (a letter late is better than a letter lost; the staff are told, see below).
        try store.markRetry(id: mail.id, error: error, next: now, uncounted: true)
        runtime.logger.warning("SMTP: \(AddressMask.masking(error)); the outbox keeps every mail and tries again in \(Int(delay)) s")
        try sendingFails(error, configuration: configuration, now: now)
    }

    private func refused(_ error: TransportFailure, mail: OutboxRecord) throws {
        let now = runtime.clock.now()
        // A message the SMTP client refused itself (a malformed address) fails the same way every time.
        let local = if case .protocolError = error { true } else { false }
        if error.isPermanent || local {
            try store.transaction {
                try store.markFailed(id: mail.id, error: error.description)
                try store.appendEvent(caseID: mail.caseID, actor: "klachtd", action: "mail refused",
                                      from: nil, to: nil, reason: "\(mail.kind): \(error.description)", rawMessageID: nil, now: now)
                // The quality staff hear of it, except about their own notices (no loops).
                if mail.kind != .systemNotice {
                    try MailRenderer(runtime: runtime, store: store).enqueueNotice(.refusedNotice, values: ["mail": [
                        "kind": .string(mail.kind.rawValue), "subject": .string(mail.subject), "error": .string(error.description),
                        "on_case": .bool(mail.caseID != nil),
                    ]], caseID: mail.caseID)
                }
            }
            runtime.logger.error("outbox \(mail.id) (\(mail.kind)) refused permanently: \(AddressMask.masking(error))")
        } else if let next = retry.nextAttempt(after: mail.attempts + 1, createdAt: mail.createdAt, now: now) {
            try store.markRetry(id: mail.id, error: error.description, next: next, uncounted: false)
            runtime.logger.warning("outbox \(mail.id) (\(mail.kind)) refused for now, retry at \(Timestamp.string(next)): \(AddressMask.masking(error))")
        } else {
            try store.markFailed(id: mail.id, error: "gave up after 7 days: \(error.description)")
            runtime.logger.error("outbox \(mail.id) (\(mail.kind)) given up after 7 days: \(AddressMask.masking(error))")
        }
    }

    /// Sends over the open connection, or logs in anew (a refused OAuth2 token is refreshed once).
    private func transmit(_ mail: OutboxRecord) throws {
        if let graph = runtime.configuration.graph {
            // The same MIME bytes SMTP would send; Graph's refusals come as SMTP-like failures (GraphRefusal).
            return try authentication.login(.smtp, store: store) { server in
                try GraphSending.send(mail.bytes, settings: graph, token: server.bearerToken ?? "")
            }
        }
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
}
