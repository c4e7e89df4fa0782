import DaemonSupport
import Glibc
import MailTransport

/// The small process that stays resident: it starts a worker (`klachtd run` with all of
/// klachtd) when there is work, and between workers only watches the mailbox.
///
/// Postfix's master works the same way: its daemons are started on demand and exit after
/// being idle. Here that keeps the resident process free of Foundation, so it stays small
/// (see the README, "Idle memory"). Everything about mail, cases and outages is the
/// worker's; the supervisor knows three things: start a worker, watch for new mail, and
/// start one again at the time the worker named.
///
/// The worker dies with the supervisor (`PR_SET_PDEATHSIG`), so a crash of either leaves
/// no orphan behind, and crash safety is the worker's as before: a kill at any instant
/// is a kill of one `klachtd run`.
public final class Supervisor {
    let workerCommand: [String]
    let logger: Logger
    let systemd = SystemdNotifier()
    let watchdogSeconds = SystemdNotifier.watchdogInterval()
    let startedAt = Int(time(nil))
    var worker: WorkerProcess?
    /// The plan the running worker sent before exiting.
    var handedOver: WatchPlan?
    var watch: MailboxWatch?
    var restartAtMilliseconds = 0
    var restartReason = WorkerStartReason.start
    var restartBackoff = Backoff(base: 1, maximum: 60)
    var watchFailures = 0
    var stayUntil = 0
    var stopping = false
    var readySent = false
    /// A SIGHUP was passed to a worker that has not said it arrived; if that worker hands
    /// over instead, the reload is done by a new worker.
    var reloadPending = false
    /// The configuration text the last worker loaded at a start or reload (see `ConfigurationSnapshot`).
    var configurationSnapshot: ConfigurationSnapshot?
    /// When watching the mailbox last worked: for the workers' outage clock.
    var lastWatchOK: Int?
    /// Set when the first worker ended before it was ready.
    var firstWorkerFailure: WorkerProcess.ExitStatus?

    /// `workerCommand` is the worker's argv, its first element an absolute path.
    public init(workerCommand: [String], logger: Logger) {
        self.workerCommand = workerCommand
        self.logger = logger
    }

    /// Runs until SIGTERM or SIGINT; returns the exit code.
    public func run() -> Int32 {
        SignalPipe.install(SignalPipe.serviceSignals + [SIGCHLD])
        logger.notice("klachtd supervisor started (pid \(getpid())); workers run \(workerCommand.joined(separator: " "))")
        startWorker(reason: .start)
        while !(stopping && worker == nil) {
            if let failure = firstWorkerFailure {
                // The first worker never got going: the service cannot start; systemd shows why.
                logger.error("the first worker \(failure.description); klachtd does not start")
                return failure.exitCode
            }
            if let worker {
                supervise(worker)
            } else if let watch {
                watchMailbox(watch)
            } else {
                waitToRestart()
            }
        }
        systemd.notify("STOPPING=1")
        logger.notice("klachtd supervisor stopped")
        return 0
    }

    // MARK: - A worker runs

    func startWorker(reason: WorkerStartReason) {
        watch?.close()
        watch = nil
        if reason == .reload { reloadPending = false }
        var environment = [SupervisorLink.Variable.startedAt: String(startedAt), SupervisorLink.Variable.reason: reason.rawValue]
        if stayUntil > Int(time(nil)) { environment[SupervisorLink.Variable.stayUntil] = String(stayUntil) }
        if let lastWatchOK { environment[SupervisorLink.Variable.lastWatchOK] = String(lastWatchOK) }
        do {
            let started = try WorkerProcess(command: workerCommand, extraEnvironment: environment, configuration: configurationSnapshot)
            worker = started
            // Routine starts (new mail, the timer) are many a day; the others are worth a line.
            logger.log(reason.isRoutine ? .debug : .info, "worker \(started.pid) started (\(reason.rawValue))")
        } catch {
            scheduleRestart(reason: .restart, because: "\(error)")
        }
    }

    /// Waits for the worker's messages, signals and its end.
    func supervise(_ worker: WorkerProcess) {
        var descriptors = [pollfd(fd: SignalPipe.fileDescriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: worker.socket, events: Int16(POLLIN), revents: 0)]
        _ = poll(&descriptors, 2, 5000)
        worker.receive().forEach(take)
        for signalNumber in SignalPipe.drain() {
            switch signalNumber {
            case SIGTERM, SIGINT:
                if !stopping { logger.notice("stopping on signal \(signalNumber); the worker finishes its step first") }
                stopping = true
                worker.signal(SIGTERM)
            case SIGHUP:
                reloadPending = true
                worker.signal(SIGHUP)
            default:
                break
            }
        }
        guard worker.reap() else { return }
        worker.receive().forEach(take)   // datagrams sent just before the exit
        finished(worker)
    }

    /// One datagram from the worker: a hand-over, a configuration, or notifications to pass on to systemd.
    func take(_ datagram: ReceivedDatagram) {
        let message = datagram.text
        if ConfigurationSnapshot.isAnnouncement(message) {
            switch ConfigurationSnapshot.received(datagram) {
            case .success(let snapshot):
                configurationSnapshot = snapshot
            case .failure(let problem):
                // Never a silent cut: without a whole text, later workers read the file itself.
                configurationSnapshot = nil
                logger.error("the worker's configuration did not reach the supervisor whole: \(problem); workers started from now on read the file itself until a reload")
            }
            return
        }
        if let descriptor = datagram.descriptor { close(descriptor) }
        if datagram.truncated {
            logger.error("a message from the worker did not fit (\(message.utf8.count) bytes read) and is ignored")
            return
        }
        if WatchPlan.isHandOver(message) {
            // Never passed on: it holds the password. One that cannot be read (a worker of
            // another klachtd version) is treated as no hand-over, and the worker restarted.
            if let plan = WatchPlan(datagram: message) {
                handedOver = plan
            } else {
                logger.warning("the worker's hand-over could not be read; starting a new worker instead")
            }
            return
        }
        var forward: [Substring] = []
        for line in message.split(separator: "\n") {
            if line == SupervisorLink.reloadReceivedLine {
                reloadPending = false
            } else if line == "READY=1" {
                if !readySent { forward.append(line) }
                readySent = true
            } else if line != "STOPPING=1" {
                forward.append(line)
            }
        }
        if !forward.isEmpty { systemd.notify(forward.joined(separator: "\n")) }
    }

    func finished(_ ended: WorkerProcess) {
        worker = nil
        let status = ended.exitStatus.map(String.init(describing:)) ?? "ended"
        let plan = handedOver
        handedOver = nil
        if stopping {
            logger.info("worker \(ended.pid) \(status)")
            return
        }
        if !readySent, let exit = ended.exitStatus {
            firstWorkerFailure = exit
            return
        }
        if ended.exitStatus == .exited(0), plan != nil, reloadPending {
            startWorker(reason: .reload)
        } else if ended.exitStatus == .exited(0), let plan {
            restartBackoff.reset()
            watch = MailboxWatch(plan: plan)
            let seconds = max(0, plan.wakeAt - Int(time(nil)))
            let wait = seconds < 120 ? "\(seconds) s" : "\(seconds / 60) min"
            logger.debug("worker \(ended.pid) had nothing left to do; watching \(plan.mailbox) for new mail, next start in \(wait) at the latest")
            systemd.notify("STATUS=waiting for new mail")
        } else {
            scheduleRestart(reason: .restart, because: "worker \(ended.pid) \(status)")
        }
    }
}
