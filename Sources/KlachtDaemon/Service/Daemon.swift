import CaseStore
import Foundation
import KlachtConfig
import MailTransport

/// The long-running service: one loop that fetches, decides, marks and sends, then waits.
///
/// Single-threaded on purpose: every libcurl and SQLite call blocks, and one loop that owns
/// its connections and its database needs no locks. Signals arrive through `SignalPipe`.
public final class Daemon {
    private var runtime: Runtime
    private let configPath: String
    private var store: CaseStore
    private var sync: MailboxSync
    private var sender: OutboxSender
    private var authentication: MailAuthentication
    private var imapBackoff = Backoff()
    private var imapRetryAt = Date.distantPast
    private var stopping = false
    private let notifier = SystemdNotifier()

    public init(configPath: String, logger: Logger) throws {
        self.configPath = configPath
        runtime = try Runtime(configuration: try ConfigurationLoader.load(path: configPath), logger: logger)
        store = try runtime.openStore()
        authentication = MailAuthentication(runtime: runtime)
        sync = MailboxSync(runtime: runtime, store: store, authentication: authentication)
        sender = OutboxSender(runtime: runtime, store: store, authentication: authentication)
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
        if now >= imapRetryAt {
            do {
                let fetched = try sync.fetchNew()
                if fetched > 0 { log.info("fetched \(fetched) new message(s)") }
                imapBackoff.reset()
            } catch {
                sync.disconnect()
                let delay = imapBackoff.nextDelay()
                imapRetryAt = now.addingTimeInterval(delay)
                log.warning("IMAP: \(error); retrying in \(Int(delay)) s")
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
        do {
            try sender.sendDue()
        } catch {
            log.warning("SMTP: \(error); the outbox keeps the mail and retries")
        }
        notifier.notify("WATCHDOG=1")
    }

    private func waitForWork() {
        let poll = Double(runtime.configuration.imap.pollIntervalSeconds)
        let watchdog = SystemdNotifier.watchdogInterval().map { $0 / 2 } ?? poll
        let seconds = min(poll, watchdog)
        if runtime.clock.now() >= imapRetryAt {
            do {
                if try sync.idle(seconds: Int(max(1, seconds)), wake: SignalPipe.fileDescriptor) { return }
            } catch {
                sync.disconnect()
                runtime.logger.warning("IMAP IDLE: \(error)")
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
