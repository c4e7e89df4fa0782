import CaseStore
import DaemonSupport
import Foundation
import KlachtConfig
import MailTransport
import Supervision

/// The long-running service: one loop that fetches, decides, marks and sends, then waits.
///
/// One loop on purpose: every libcurl and SQLite call blocks, and one loop that owns its
/// connections and its database needs no locks. The only other thread is the intake's
/// reader, which parses the next batch of stored messages (pure work, no database) while
/// this loop decides the current one. Signals arrive through `SignalPipe`.
///
/// Started by the supervisor (`klachtd run`), this is the worker: once it has had nothing to
/// do for `[service] worker_linger` seconds, it hands the supervisor a `WatchPlan` and exits,
/// and the supervisor starts a new worker for new mail or at the plan's wake time.
/// Started with `--single-process`, it never exits by itself.
public final class Daemon {
    var runtime: Runtime
    private let configPath: String
    var store: CaseStore
    var sync: MailboxSync
    var sender: OutboxSender
    var authentication: MailAuthentication
    private var imapBackoff = Backoff()
    /// IDLE failures since the last IDLE that ended well: the first reconnects at once.
    private var idleFailuresInARow = 0
    private var imapRetryAt = Date.distantPast
    private var scheduleAt = Date.distantPast
    private var stopping = false
    private let notifier: SystemdNotifier
    let supervisor: SupervisorLink?
    /// The last time the mailbox was read; the outage clock starts at launch (the supervisor's, for a worker).
    var lastSuccessfulPoll = Date()
    var outageNoticeSent = false
    /// The last cycle that did something (or the launch): a worker hands over after `worker_linger` without.
    var lastActivity = Date()
    private var scheduledOnce = false
    /// Set by a cycle whose purge batch left more for the next one.
    private var purgeContinues = false
    var handedOver = false
    /// False while the supervisor lacks the configuration this worker runs with (see `passConfigurationOn`).
    var configurationPassedOn = true
    var handOverNotBefore = Date.distantPast
    /// No SMTP send lasts longer (30 s timeouts per step, a 25 MB upload): a mail claimed longer
    /// ago than this has no live sender, and a worker may put it back in the queue.
    static let longestSendSeconds: Double = 15 * 60

    public init(configPath: String, logger: Logger, supervisor: SupervisorLink? = nil) throws {
        // First of all: a SIGTERM while the database and templates load must stop cleanly too.
        SignalPipe.install()
        self.configPath = configPath
        let loaded = try Self.loadRuntime(path: configPath, supervisor: supervisor, logger: logger)
        runtime = loaded.runtime
        store = try runtime.openStore()
        (authentication, sync, sender) = Self.stages(runtime, store: store)
        imapBackoff = Backoff(maximum: Double(runtime.configuration.reconnectMaxSeconds))
        self.supervisor = supervisor
        notifier = supervisor?.notifier ?? SystemdNotifier()
        try restoreOutageClock()
        passConfigurationOn(loaded.text)
    }

    /// Runs until SIGTERM or SIGINT; returns the process exit code.
    public func run() -> Int32 {
        SignalPipe.install()
        let log = runtime.logger
        do {
            // After a start every earlier sender is gone (a stopped daemon, a crash); a worker
            // started later may run beside `deliver` or a case command that is sending right
            // now, so it puts back only claims that no live send can still hold.
            let firstWorker = supervisor.map { $0.reason == .start } ?? true
            let requeued = try store.requeueInterruptedSends(
                claimedBefore: firstWorker ? nil : runtime.clock.now().addingTimeInterval(-Self.longestSendSeconds))
            if requeued > 0 { log.warning("\(requeued) mail(s) were being sent when klachtd stopped; sending them again") }
        } catch {
            log.error("cannot open the outbox: \(error)")
            return 1
        }
        // The first scheduler pass comes after the first successful poll, so that what waited in the
        // mailbox while klachtd was down (a handler's answer, a parent's reply) is in the cases before
        // terms are judged; a minute at most, when the mailbox cannot be read.
        scheduleAt = runtime.clock.now().addingTimeInterval(60)
        // A worker started only for the scheduler or the outbox need not linger afterwards.
        if supervisor?.reason == .timer { lastActivity = .distantPast }
        let role = supervisor.map { "worker, \($0.reason.rawValue)" } ?? "single process"
        let routine = supervisor?.reason.isRoutine ?? false
        log.log(routine ? .info : .notice, "klachtd started (\(role)): mailbox \(runtime.configuration.imap.mailbox), database \(runtime.configuration.databasePath)")
        for warning in PlaintextRule.warnings(runtime.configuration) { log.log(.warning, warning) }
        notifier.notify("READY=1\nSTATUS=polling")
        while !stopping {
            let calm = cycle()
            handleSignals()
            if stopping { break }
            if calm, handOverIfIdle() { break }
            waitForWork()
            handleSignals()
        }
        if !handedOver { notifier.notify("STOPPING=1") }
        sync.disconnect()
        if handedOver {
            log.info("klachtd worker done: nothing to do, the supervisor watches the mailbox")
        } else {
            log.notice("klachtd stopped")
        }
        return 0
    }

    /// One round: mailbox → store → decisions → server marks → outbox. True when the round
    /// found nothing to do and no trouble: the mailbox read, nothing new, nothing sent.
    @discardableResult
    private func cycle() -> Bool {
        let log = runtime.logger
        let now = runtime.clock.now()
        var pollError: String?
        var calm = true
        let polled = now >= imapRetryAt
        if polled {
            do {
                let fetched = try sync.fetchNew()
                if fetched > 0 { log.info("fetched \(fetched) new message(s)") }
                calm = fetched == 0
                imapBackoff.reset()
                pollSucceeded(at: now)
                if !scheduledOnce { scheduleAt = min(scheduleAt, now) }
            } catch {
                sync.disconnect()
                let delay = imapBackoff.nextDelay()
                imapRetryAt = now.addingTimeInterval(delay)
                log.warning("\(runtime.mailboxProtocol): \(error); retrying in \(Int(delay)) s")
                pollFailed(at: now, error: error)
                pollError = "\(error)"
            }
        }
        calm = calm && polled && pollError == nil
        authentication.review(store: store)
        do {
            if try IntakeProcessor(runtime: runtime, store: store).processPending() > 0 { calm = false }
        } catch {
            calm = false
            log.error("processing stopped on a database error, will retry: \(error)")
        }
        do {
            try sync.markDecided()
        } catch {
            calm = false
            sync.disconnect()
            log.warning("\(runtime.mailboxProtocol): marking processed messages failed, will retry: \(error)")
        }
        // What intake queued (a parent's acknowledgement) goes out before the scheduler's pass.
        if !sendDue() { calm = false }
        if now >= scheduleAt {
            scheduleAt = now.addingTimeInterval(60)
            scheduledOnce = true
            do {
                if try !SchedulerRun(runtime: runtime, store: store).run().isEmpty {
                    calm = false
                    _ = sendDue()
                }
            } catch {
                calm = false
                log.error("scheduler pass stopped; the mail that failed was not claimed and is tried again in a minute: \(error)")
            }
        }
        if OperationsCycle(runtime: runtime, store: store).afterCycle(polled: polled, pollError: pollError) {
            calm = false
            purgeContinues = true
        }
        notifier.notify("WATCHDOG=1")
        calm = calm && scheduledOnce && !outageNoticeSent && sender.serverAwayUntil <= now
        if !calm { lastActivity = now }
        return calm
    }

    /// Sends what is due; true when nothing was sent and nothing failed.
    private func sendDue() -> Bool {
        do {
            return try sender.sendDue() == 0
        } catch {
            runtime.logger.warning("SMTP: \(error); the outbox keeps the mail and retries")
            return false
        }
    }

    /// Sleeps until new mail (IDLE), a signal, a retry that is due, or the poll interval.
    /// While a purge is under way, not at all: its next batch follows the next fetch.
    private func waitForWork() {
        if purgeContinues {
            purgeContinues = false
            return
        }
        let now = runtime.clock.now()
        let poll = Double(runtime.configuration.imap.pollIntervalSeconds)
        let watchdog = SystemdNotifier.watchdogInterval().map { $0 / 2 } ?? poll
        var seconds = min(poll, watchdog, max(1, scheduleAt.timeIntervalSince(now)))
        for retry in [imapRetryAt, sender.serverAwayUntil] where retry > now {
            seconds = min(seconds, max(0.2, retry.timeIntervalSince(now)))
        }
        if supervisor != nil {
            // Wake when the linger is over, to hand over then.
            seconds = min(seconds, max(1, handOverAt.timeIntervalSince(now)))
        }
        if now >= imapRetryAt {
            do {
                // IDLE wakes for new mail; the timeout brings the scheduler and retries round in time.
                if try sync.waitForChange(seconds: Int(max(1, seconds.rounded(.up))), wake: SignalPipe.fileDescriptor) {
                    idleFailuresInARow = 0
                    return
                }
            } catch {
                sync.disconnect()
                runtime.logger.warning("IMAP IDLE: \(error)")
                // A server that ends the IDLE connection (a restart; Microsoft 365 drops idle
                // connections routinely) gets a reconnect at once, whose poll also fetches what
                // came meanwhile; only a failure in a row waits for the backoff.
                idleFailuresInARow += 1
                if idleFailuresInARow == 1 { return }
                imapRetryAt = now.addingTimeInterval(imapBackoff.nextDelay())
            }
        }
        SignalPipe.wait(seconds: seconds)
    }

    private func handleSignals() {
        for signalNumber in SignalPipe.drain() {
            switch signalNumber {
            case SIGTERM, SIGINT:
                runtime.logger.notice("stopping on signal \(signalNumber)")
                stopping = true
            case SIGHUP:
                reload()
            default:
                break
            }
        }
    }

    /// SIGHUP: read the configuration and templates again; a broken file keeps the old ones.
    private func reload() {
        supervisor?.reloadReceived()
        do {
            let text = try ConfigurationLoader.readText(path: configPath)
            runtime = try Runtime(text: text, file: configPath, clock: runtime.clock, logger: runtime.logger)
            sync.disconnect()
            (authentication, sync, sender) = Self.stages(runtime, store: store)
            passConfigurationOn(text)
            runtime.logger.notice("configuration and templates reloaded")
        } catch {
            runtime.logger.error(Self.reloadRefused(error))
        }
    }

    /// The stages that hold the runtime, made at the start and again on every reload.
    private static func stages(_ runtime: Runtime, store: CaseStore) -> (MailAuthentication, MailboxSync, OutboxSender) {
        let authentication = MailAuthentication(runtime: runtime)
        return (authentication, MailboxSync(runtime: runtime, store: store, authentication: authentication),
                OutboxSender(runtime: runtime, store: store, authentication: authentication))
    }
}
