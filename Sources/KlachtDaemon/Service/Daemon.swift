import CaseStore
import Foundation
import KlachtConfig
import MailTransport

/// The long-running service: one loop that fetches, decides, marks and sends, then waits.
///
/// One loop on purpose: every libcurl and SQLite call blocks, and one loop that owns its
/// connections and its database needs no locks. The only other thread is the intake's
/// reader, which parses the next batch of stored messages (pure work, no database) while
/// this loop decides the current one. Signals arrive through `SignalPipe`.
public final class Daemon {
    private var runtime: Runtime
    private let configPath: String
    private var store: CaseStore
    private var sync: MailboxSync
    private var sender: OutboxSender
    private var authentication: MailAuthentication
    private var imapBackoff = Backoff()
    private var imapRetryAt = Date.distantPast
    private var scheduleAt = Date.distantPast
    private var stopping = false
    private let notifier = SystemdNotifier()
    /// The last time the mailbox was read; the outage clock starts at launch.
    private var lastSuccessfulPoll = Date()
    private var outageNoticeSent = false

    public init(configPath: String, logger: Logger) throws {
        // First of all: a SIGTERM while the database and templates load must stop cleanly too.
        SignalPipe.install()
        self.configPath = configPath
        runtime = try Runtime(configuration: try ConfigurationLoader.load(path: configPath), logger: logger)
        store = try runtime.openStore()
        authentication = MailAuthentication(runtime: runtime)
        sync = MailboxSync(runtime: runtime, store: store, authentication: authentication)
        sender = OutboxSender(runtime: runtime, store: store, authentication: authentication)
        imapBackoff = Backoff(maximum: Double(runtime.configuration.reconnectMaxSeconds))
    }

    /// Runs until SIGTERM or SIGINT; returns the process exit code.
    public func run() -> Int32 {
        SignalPipe.install()
        let log = runtime.logger
        do {
            let requeued = try store.requeueInterruptedSends()
            if requeued > 0 { log.warning("\(requeued) mail(s) were being sent when klachtd stopped; sending them again") }
        } catch {
            log.error("cannot open the outbox: \(error)")
            return 1
        }
        // The first scheduler pass waits a minute: what waited in the mailbox while the daemon was
        // down (a handler's answer, a parent's reply) is in the cases before terms are judged.
        scheduleAt = runtime.clock.now().addingTimeInterval(60)
        log.notice("klachtd started: mailbox \(runtime.configuration.imap.mailbox), database \(runtime.configuration.databasePath)")
        notifier.notify("READY=1\nSTATUS=polling")
        while !stopping {
            cycle()
            handleSignals()
            if stopping { break }
            waitForWork()
            handleSignals()
        }
        notifier.notify("STOPPING=1")
        sync.disconnect()
        log.notice("klachtd stopped")
        return 0
    }

    /// One round: mailbox → store → decisions → server marks → outbox.
    private func cycle() {
        let log = runtime.logger
        let now = runtime.clock.now()
        var pollError: String?
        let polled = now >= imapRetryAt
        if polled {
            do {
                let fetched = try sync.fetchNew()
                if fetched > 0 { log.info("fetched \(fetched) new message(s)") }
                imapBackoff.reset()
                pollSucceeded(at: now)
            } catch {
                sync.disconnect()
                let delay = imapBackoff.nextDelay()
                imapRetryAt = now.addingTimeInterval(delay)
                log.warning("IMAP: \(error); retrying in \(Int(delay)) s")
                pollFailed(at: now, error: error)
                pollError = "\(error)"
            }
        }
        authentication.review(store: store)
        do {
            try IntakeProcessor(runtime: runtime, store: store).processPending()
        } catch {
            log.error("processing stopped on a database error, will retry: \(error)")
        }
        do {
            try sync.markDecided()
        } catch {
            sync.disconnect()
            log.warning("IMAP: marking processed messages failed, will retry: \(error)")
        }
        if now >= scheduleAt {
            scheduleAt = now.addingTimeInterval(60)
            do {
                try SchedulerRun(runtime: runtime, store: store).run()
            } catch {
                log.error("scheduler pass stopped; the mail that failed was not claimed and is tried again in a minute: \(error)")
            }
        }
        do {
            try sender.sendDue()
        } catch {
            log.warning("SMTP: \(error); the outbox keeps the mail and retries")
        }
        OperationsCycle(runtime: runtime, store: store).afterCycle(polled: polled, pollError: pollError)
        notifier.notify("WATCHDOG=1")
    }

    /// Sleeps until new mail (IDLE), a signal, a retry that is due, or the poll interval.
    private func waitForWork() {
        let now = runtime.clock.now()
        let poll = Double(runtime.configuration.imap.pollIntervalSeconds)
        let watchdog = SystemdNotifier.watchdogInterval().map { $0 / 2 } ?? poll
        var seconds = min(poll, watchdog, max(1, scheduleAt.timeIntervalSince(now)))
        for retry in [imapRetryAt, sender.serverAwayUntil] where retry > now {
            seconds = min(seconds, max(0.2, retry.timeIntervalSince(now)))
        }
        if now >= imapRetryAt {
            do {
                // IDLE wakes for new mail; the timeout brings the scheduler and retries round in time.
                if try sync.waitForChange(seconds: Int(max(1, seconds.rounded(.up))), wake: SignalPipe.fileDescriptor) { return }
            } catch {
                sync.disconnect()
                runtime.logger.warning("IMAP IDLE: \(error)")
                imapRetryAt = now.addingTimeInterval(imapBackoff.nextDelay())
            }
        }
        SignalPipe.wait(seconds: seconds)
    }

    /// The mailbox answered: if the quality staff were told of an outage, tell them it is over.
    private func pollSucceeded(at now: Date) {
        defer { lastSuccessfulPoll = now }
        guard outageNoticeSent else { return }
        outageNoticeSent = false
        let minutes = Int(now.timeIntervalSince(lastSuccessfulPoll) / 60)
        queueNotice(subject: "Hersteld: de klachtenmailbox is weer bereikbaar",
                    text: "klachtd kan de klachtenmailbox weer lezen, na ongeveer \(minutes) minuten zonder verbinding. Berichten die in die tijd binnenkwamen, worden nu verwerkt; er is niets verloren gegaan.")
        runtime.logger.notice("IMAP reachable again after about \(minutes) minutes")
    }

    /// No poll succeeded for the configured time: the quality staff are told once.
    private func pollFailed(at now: Date, error: Error) {
        let limit = Double(runtime.configuration.outageAlertSeconds)
        guard !outageNoticeSent, now.timeIntervalSince(lastSuccessfulPoll) >= limit else { return }
        outageNoticeSent = true
        queueNotice(subject: "Storing: klachtd kan de klachtenmailbox niet lezen",
                    text: """
                        Sinds \(CivilText.time(lastSuccessfulPoll, runtime.civil)) is het niet gelukt de klachtenmailbox te lezen. \
                        Nieuwe klachten worden pas verwerkt als de verbinding terug is; klachtd blijft het proberen.

                        Laatste fout: \(error)

                        U krijgt bericht zodra het weer werkt. Controleer zo nodig de mailserver, het wachtwoord of het certificaat.
                        """)
        runtime.logger.error("no successful IMAP poll for \(Int(limit)) s; the quality staff are told")
    }

    private func queueNotice(subject: String, text: String) {
        do {
            try store.transaction {
                try MailRenderer(runtime: runtime, store: store).enqueueSystemNotice(subject: subject, text: text)
            }
        } catch {
            runtime.logger.error("could not queue a notice for the quality staff: \(error)")
        }
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
        do {
            let fresh = try Runtime(configuration: try ConfigurationLoader.load(path: configPath), clock: runtime.clock, logger: runtime.logger)
            runtime = fresh
            sync.disconnect()
            authentication = MailAuthentication(runtime: fresh)
            sync = MailboxSync(runtime: fresh, store: store, authentication: authentication)
            sender = OutboxSender(runtime: fresh, store: store, authentication: authentication)
            runtime.logger.notice("configuration and templates reloaded")
        } catch {
            runtime.logger.error("reload refused, keeping the running configuration: \(error)")
        }
    }
}
