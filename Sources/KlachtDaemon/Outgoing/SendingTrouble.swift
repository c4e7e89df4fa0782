import CaseStore
import Foundation
import MailTransport

/// When the SMTP session itself fails (a wrong password, a server that wants STARTTLS, an outage),
/// no mail is to blame: the outbox waits, nobody is marked as bouncing, and the quality staff are
/// told once per episode, not once per mail. The episode lives in `daemon_state`, so `deliver`,
/// `tick`, case commands and every worker share it and the notice is queued once among them all.
///
/// The notice goes through the same server, so it arrives when sending works again; `klachtd
/// status` shows the trouble at once (and exits 1), and the journal has an error line.
extension OutboxSender {
    /// Records a session failure; queues the one notice when it is a configuration error, or
    /// when the server has been away for `outage_alert_seconds`.
    func sendingFails(_ error: String, configuration: Bool, now: Date) throws {
        let since = try store.transaction { () throws -> Date in
            let recorded = Timestamp.date(try store.daemonState(.smtpFailingSince))
            if recorded == nil { try store.setDaemonState(.smtpFailingSince, Timestamp.string(now), now: now) }
            try store.setDaemonState(.smtpLastError, error, now: now)
            return recorded ?? now
        }
        troubleRecorded = true
        let waited = now.timeIntervalSince(since)
        guard configuration || waited >= Double(runtime.configuration.outageAlertSeconds) else { return }
        let queued = try store.transaction { () throws -> Bool in
            // One notice per episode, also when several processes fail at the same moment.
            guard try store.claimScheduled(caseID: nil, key: "smtp-trouble:\(Timestamp.string(since))", now: now) else { return false }
            let waiting = try store.outboxCounts()[.queued] ?? 0
            try MailRenderer(runtime: runtime, store: store).enqueueNotice(.sendingTroubleNotice, values: ["trouble": [
                "since": .string(CivilText.time(since, runtime.civil)), "error": .string(error), "waiting": .string(String(waiting)),
            ]])
            return true
        }
        if queued { runtime.logger.error("SMTP: sending fails (\(AddressMask.masking(error))); the quality staff are told once") }
    }

    /// A mail went out: an episode of trouble, if one was recorded, is over.
    func sendingWorks() throws {
        if troubleRecorded == nil { troubleRecorded = !(try store.daemonState(.smtpFailingSince) ?? "").isEmpty }
        guard troubleRecorded == true else { return }
        let now = runtime.clock.now()
        let since = Timestamp.date(try store.daemonState(.smtpFailingSince))
        try store.transaction {
            try store.setDaemonState(.smtpFailingSince, "", now: now)
            try store.setDaemonState(.smtpLastError, "", now: now)
        }
        troubleRecorded = false
        let minutes = since.map { Int(now.timeIntervalSince($0) / 60) } ?? 0
        runtime.logger.notice("SMTP: sending works again after about \(minutes) minutes")
    }

    /// A mail refused for its size: shrunk and queued again at once; false when it cannot be made
    /// smaller (it was shrunk before, or has nothing to leave out), and the refusal then stands.
    func shrink(_ mail: OutboxRecord, refusal: TransportFailure) throws -> Bool {
        guard let reduced = MailShrinker.reduce(mail.bytes) else { return false }
        let now = runtime.clock.now()
        var what = reduced.omitted.isEmpty ? "" : "attachments left out: " + reduced.omitted.joined(separator: ", ")
        if reduced.droppedHTML { what += (what.isEmpty ? "" : "; ") + "HTML version left out" }
        if reduced.textCut { what += (what.isEmpty ? "" : "; ") + "text cut to \(MailShrinker.maximumTextBytes / 1000) kB" }
        try store.transaction {
            try store.replaceOutboxBytes(id: mail.id, bytes: reduced.bytes)
            try store.markRetry(id: mail.id, error: refusal.description, next: now, uncounted: true)
            try store.appendEvent(caseID: mail.caseID, actor: "klachtd", action: "mail shrunk", from: nil, to: nil,
                                  reason: "\(mail.kind): too large for the mail server; \(what)", rawMessageID: nil, now: now)
        }
        runtime.logger.warning("outbox \(mail.id) (\(mail.kind)) too large for the server: shrunk from \(mail.bytes.count) "
                               + "to \(reduced.bytes.count) bytes and queued again")
        return true
    }
}
