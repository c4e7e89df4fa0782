import DaemonSupport
import Glibc
import MailTransport

/// The supervisor while no worker runs: watching the mailbox, or waiting to restart a worker that failed.
extension Supervisor {
    // MARK: - No worker: watch the mailbox

    func watchMailbox(_ watch: MailboxWatch) {
        let now = Int(time(nil))
        guard now < watch.plan.wakeAt else {
            startWorker(reason: .timer)
            return
        }
        var seconds = watch.plan.wakeAt - now
        if let watchdogSeconds { seconds = min(seconds, max(1, Int(watchdogSeconds / 2))) }
        do {
            let outcome = try watch.wait(seconds: seconds, wake: SignalPipe.fileDescriptor)
            watchFailures = 0
            stayUntil = 0
            lastWatchOK = now
            systemd.notify("WATCHDOG=1")
            switch outcome {
            case .newMail: startWorker(reason: .mail)
            case .quiet: break
            case .signalled: signalsWhileWatching()
            }
        } catch {
            // A worker takes over: it has the backoff, the outage clock and the notices. After
            // the second failure in a row, it is asked to keep running a while before handing back.
            watchFailures += 1
            stayUntil = watchFailures < 2 ? 0 : now + min(3600, 30 << min(watchFailures - 1, 7))
            logger.warning("watching the mailbox failed: \(error); a worker takes over")
            startWorker(reason: .watchFailed)
        }
    }

    func signalsWhileWatching() {
        let signals = SignalPipe.drain()
        if signals.contains(SIGTERM) || signals.contains(SIGINT) {
            logger.notice("stopping on a signal")
            stopping = true
            watch?.close()
            watch = nil
        } else if signals.contains(SIGHUP) {
            // A worker reads the file now: a broken one is reported at once, and the old text kept.
            startWorker(reason: .reload)
        }
    }

    // MARK: - A worker failed: wait, then start another

    func scheduleRestart(reason: WorkerStartReason, because problem: String) {
        let delay = restartBackoff.nextDelay()
        restartAtMilliseconds = Monotonic.milliseconds() + Int(delay * 1000)
        restartReason = reason
        logger.error("\(problem); starting a new worker in \(Int(delay.rounded(.up))) s")
        systemd.notify("STATUS=worker failed, restarting")
    }

    func waitToRestart() {
        let remaining = restartAtMilliseconds - Monotonic.milliseconds()
        guard remaining > 0 else {
            startWorker(reason: restartReason)
            return
        }
        SignalPipe.wait(seconds: min(Double(remaining) / 1000, watchdogSeconds.map { $0 / 2 } ?? 60))
        systemd.notify("WATCHDOG=1")
        for signalNumber in SignalPipe.drain() {
            switch signalNumber {
            case SIGTERM, SIGINT: stopping = true
            case SIGHUP: restartAtMilliseconds = 0
            default: break
            }
        }
    }
}
