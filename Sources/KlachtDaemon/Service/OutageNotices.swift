import CaseStore
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
        queueNotice(subject: "Hersteld: de klachtenmailbox is weer bereikbaar",
                    text: "klachtd kan de klachtenmailbox weer lezen, na ongeveer \(minutes) minuten zonder verbinding. Berichten die in die tijd binnenkwamen, worden nu verwerkt; er is niets verloren gegaan.")
        runtime.logger.notice("\(runtime.mailboxProtocol) reachable again after about \(minutes) minutes")
    }

    /// No poll succeeded for the configured time: the quality staff are told once.
    func pollFailed(at now: Date, error: Error) {
        let limit = Double(runtime.configuration.outageAlertSeconds)
        guard !outageNoticeSent, now.timeIntervalSince(lastSuccessfulPoll) >= limit else { return }
        outageNoticeSent = true
        recordOutageNotice(now, now: now)
        queueNotice(subject: "Storing: klachtd kan de klachtenmailbox niet lezen",
                    text: """
                        Sinds \(CivilText.time(lastSuccessfulPoll, runtime.civil)) is het niet gelukt de klachtenmailbox te lezen. \
                        Nieuwe klachten worden pas verwerkt als de verbinding terug is; klachtd blijft het proberen.

                        Laatste fout: \(error)

                        U krijgt bericht zodra het weer werkt. Controleer zo nodig de mailserver, het wachtwoord of het certificaat.
                        """)
        runtime.logger.error("no successful \(runtime.mailboxProtocol) poll for \(Int(limit)) s; the quality staff are told")
    }

    func queueNotice(subject: String, text: String) {
        do {
            try store.transaction {
                try MailRenderer(runtime: runtime, store: store).enqueueSystemNotice(subject: subject, text: text)
            }
        } catch {
            runtime.logger.error("could not queue a notice for the quality staff: \(error)")
        }
    }
}
