import CaseStore
import ComplaintCore
import Foundation

/// The quality staff are told once when the mailbox could not be read for
/// `outage_alert_seconds`, and once when it can again; the facts outlive a worker
/// (see `restoreOutageClock`).
extension Daemon {
    /// The mailbox answered: if the quality staff were told of an outage, tell them it is over.
    func pollSucceeded(at now: Date) {
        defer { lastSuccessfulPoll = now }
        guard outageNoticeSent else { return }
        outageNoticeSent = false
        recordOutageNotice(nil, now: now)
        let minutes = Int(now.timeIntervalSince(lastSuccessfulPoll) / 60)
        queueNotice(.mailboxRecoveredNotice, values: ["outage": ["minutes": .string(String(minutes))]])
        runtime.logger.notice("\(runtime.mailboxProtocol) reachable again after about \(minutes) minutes")
    }

    /// No poll succeeded for the configured time: the quality staff are told once.
    func pollFailed(at now: Date, error: Error) {
        let limit = Double(runtime.configuration.outageAlertSeconds)
        guard !outageNoticeSent, now.timeIntervalSince(lastSuccessfulPoll) >= limit else { return }
        outageNoticeSent = true
        recordOutageNotice(now, now: now)
        queueNotice(.mailboxOutageNotice, values: ["outage": [
            "since": .string(CivilText.time(lastSuccessfulPoll, runtime.civil)), "error": .string(String(describing: error)),
        ]])
        runtime.logger.error("no successful \(runtime.mailboxProtocol) poll for \(Int(limit)) s; the quality staff are told")
    }

    func queueNotice(_ template: TemplateName, values: MailRenderer.Extra) {
        do {
            try store.transaction {
                try MailRenderer(runtime: runtime, store: store).enqueueNotice(template, values: values)
            }
        } catch {
            runtime.logger.error("could not queue a notice for the quality staff: \(error)")
        }
    }
}
