import CaseStore
import DaemonSupport
import Foundation
import MailTransport
import Supervision

/// The worker's side of supervision: when to hand over, what to hand over, and the outage
/// facts that must outlive one worker.
extension Daemon {
    /// After a calm cycle: when nothing happened for `[service] worker_linger` seconds, send the
    /// supervisor a plan and return true (the loop then ends and the worker exits).
    func handOverIfIdle() -> Bool {
        guard let supervisor, configurationPassedOn else { return false }
        let now = runtime.clock.now()
        guard now >= handOverAt else { return false }
        do {
            if let plan = try watchPlan(now: now), supervisor.handOver(plan) {
                handedOver = true
                return true
            }
            runtime.logger.warning("could not hand over to the supervisor; this worker keeps running and tries again later")
        } catch {
            runtime.logger.warning("not handing over to the supervisor, trying again later: \(error)")
        }
        // Not at every cycle: a refused hand-over (no token, say) is tried again after a linger.
        handOverNotBefore = now.addingTimeInterval(max(60, Double(runtime.configuration.service.workerLingerSeconds)))
        return false
    }

    /// The earliest moment to hand over: a linger after the last work, and not before the
    /// supervisor's `stayUntil` or a refused attempt's retry.
    var handOverAt: Date {
        let linger = lastActivity.addingTimeInterval(Double(runtime.configuration.service.workerLingerSeconds))
        let stay = Date(timeIntervalSince1970: Double(supervisor?.stayUntil ?? 0))
        return max(linger, stay, handOverNotBefore)
    }

    /// What the supervisor needs to watch the mailbox, and when it must start a worker anyway:
    /// the next scheduler pass, the outbox's next retry, or an OAuth2 token's renewal,
    /// whichever comes first. Nil before the mailbox was read once.
    func watchPlan(now: Date) throws -> WatchPlan? {
        let mailbox = runtime.configuration.imap.mailbox
        // With [graph] the supervisor watches the stored delta link instead of UIDs (GraphDeltaWatch).
        let graphLink = runtime.configuration.graph == nil ? nil : try store.graphDeltaLink(mailbox: mailbox)
        if runtime.configuration.graph != nil, graphLink == nil { return nil }
        guard let state = try graphLink.map({ _ in (uidValidity: UInt32(0), lastUID: UInt32(0)) }) ?? store.mailboxState(mailbox) else { return nil }
        var wake = now.addingTimeInterval(Double(runtime.configuration.service.wakeIntervalSeconds))
        if let retry = try store.nextOutboxAttempt() { wake = min(wake, max(retry, now.addingTimeInterval(1))) }
        if authentication.usesOAuth(.imap), let renew = authentication.status.tokenRenewAt {
            wake = min(wake, max(renew, now.addingTimeInterval(30)))
        }
        var endpoint = try authentication.endpoint(.imap, store: store)
        if let graphLink {
            endpoint = MailServerEndpoint(url: graphLink, bearerToken: endpoint.bearerToken, caFile: endpoint.caFile,
                                          timeoutSeconds: endpoint.timeoutSeconds)
        }
        return WatchPlan(wakeAt: Int(wake.timeIntervalSince1970.rounded(.up)), endpoint: endpoint, mailbox: mailbox,
                         uidValidity: state.uidValidity, lastUID: state.lastUID, pollSeconds: runtime.configuration.imap.pollIntervalSeconds)
    }

    /// A worker continues the outage clock of the ones before it: the last successful poll
    /// recorded in the database (not earlier than the supervisor's start, so a klachtd that
    /// was stopped for a weekend does not report an outage at once), and whether the quality
    /// staff were already told.
    func restoreOutageClock() throws {
        guard let supervisor else { return }
        let started = supervisor.supervisorStartedAt.map { Date(timeIntervalSince1970: Double($0)) } ?? runtime.clock.now()
        let lastOK = Timestamp.date(try store.daemonState(.lastPollOKAt)) ?? started
        // The supervisor's watch reading the mailbox counts as a successful poll too.
        let watched = supervisor.lastWatchOK.map { Date(timeIntervalSince1970: Double($0)) } ?? started
        lastSuccessfulPoll = max(lastOK, started, watched)
        outageNoticeSent = !(try store.daemonState(.outageNoticeAt) ?? "").isEmpty
    }

    /// Records that the outage notice went out (`at`), or that the recovery notice did (nil).
    func recordOutageNotice(_ at: Date?, now: Date) {
        do {
            try store.setDaemonState(.outageNoticeAt, at.map(Timestamp.string) ?? "", now: now)
        } catch {
            runtime.logger.warning("could not record the outage notice: \(error)")
        }
    }
}
