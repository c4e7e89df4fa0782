import CProcessControl
import DaemonSupport
import Glibc

/// The worker's end of the supervisor's socket pair, found through the environment.
///
/// Over it the worker says what it would tell systemd (`READY=1`, `WATCHDOG=1`, `STATUS=…`)
/// and, when it has nothing left to do, hands over a `WatchPlan` and exits.
public struct SupervisorLink: Sendable {
    /// Environment variables the supervisor sets for its worker.
    public enum Variable {
        /// The inherited socket's descriptor number.
        public static let socket = "KLACHTD_SUPERVISOR_FD"
        /// The supervisor's PID, to check the parent is still the one that started us.
        public static let pid = "KLACHTD_SUPERVISOR_PID"
        /// When the supervisor started (seconds since 1970): the outage clock starts no earlier.
        public static let startedAt = "KLACHTD_SUPERVISOR_STARTED"
        /// Why this worker was started: `start`, `mail`, `timer`, `reload`, `watch-failed`, `restart`.
        public static let reason = "KLACHTD_WAKE_REASON"
        /// Do not hand over before this moment (seconds since 1970): set after a watch failed,
        /// so a supervisor that cannot watch does not start a worker every few seconds.
        public static let stayUntil = "KLACHTD_STAY_UNTIL"
        /// The descriptor of a sealed in-memory file holding the configuration text the last
        /// worker loaded at a start or reload, and its length in bytes. Workers started for
        /// mail or the timer use it, so an edited file takes effect on reload, as it always did,
        /// and a file broken on disk does not stop intake. A file, not an environment string:
        /// a 900-location configuration is 130 KiB, more than one environment string may hold.
        public static let configurationDescriptor = "KLACHTD_CONFIG_FD"
        public static let configurationBytes = "KLACHTD_CONFIG_BYTES"
        /// When the supervisor's watch last worked (seconds since 1970): the mailbox was readable.
        public static let lastWatchOK = "KLACHTD_LAST_WATCH_OK"
    }

    /// The datagram line that marks a configuration snapshot: a `BYTES=` line follows, and the
    /// text itself comes as a sealed in-memory file attached to the datagram (SCM_RIGHTS), so
    /// its size is bounded by nothing but memory, never by a datagram or a receive buffer.
    static let configurationMarker = "KLACHTD_CONFIG=1"
    /// The descriptor number the worker finds the configuration snapshot on.
    static let inheritedConfigurationDescriptor: Int32 = 4

    public let socket: Int32
    public let supervisorStartedAt: Int?
    public let reason: WorkerStartReason
    public let stayUntil: Int
    /// The configuration text to use instead of reading the file (see `Variable.configurationDescriptor`).
    public let configurationSnapshot: String?
    /// Why the snapshot the supervisor passed could not be read (then the file is read instead).
    public let configurationSnapshotProblem: String?
    public let lastWatchOK: Int?

    /// The link when this process was started by the supervisor; nil when run by hand.
    /// Also arranges to die with the supervisor: a worker must never outlive it, or a new
    /// supervisor's worker would share the outbox with an orphan.
    public static func fromEnvironment() -> SupervisorLink? {
        guard let fd = Environment.value(Variable.socket).flatMap({ Int32($0) }),
              let parent = Environment.value(Variable.pid).flatMap({ pid_t($0) }) else { return nil }
        _ = klachtd_set_parent_death_signal(SIGKILL)
        // The parent may have died before the line above took effect.
        guard getppid() == parent else { exit(70) }
        var snapshot: String?
        var problem: String?
        if let bytes = Environment.value(Variable.configurationBytes).flatMap({ Int($0) }) {
            switch ConfigurationSnapshot.read(descriptor: inheritedConfigurationDescriptor, bytes: bytes) {
            case .success(let text): snapshot = text
            case .failure(let error): problem = error.description
            }
        }
        let link = SupervisorLink(socket: fd, supervisorStartedAt: Environment.value(Variable.startedAt).flatMap { Int($0) },
                                  reason: Environment.value(Variable.reason).flatMap(WorkerStartReason.init(rawValue:)) ?? .start,
                                  stayUntil: Environment.value(Variable.stayUntil).flatMap { Int($0) } ?? 0,
                                  configurationSnapshot: snapshot, configurationSnapshotProblem: problem,
                                  lastWatchOK: Environment.value(Variable.lastWatchOK).flatMap { Int($0) })
        // Nothing this worker starts (an OAuth2 token command) may inherit the link.
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        for name in [Variable.socket, Variable.pid, Variable.startedAt, Variable.reason, Variable.stayUntil,
                     Variable.configurationDescriptor, Variable.configurationBytes, Variable.lastWatchOK] {
            unsetenv(name)
        }
        return link
    }

    /// The datagram that says a SIGHUP reached this worker (whether or not the reload worked).
    static let reloadReceivedLine = "KLACHTD_RELOAD_RECEIVED=1"

    /// Tells the supervisor the reload it passed on arrived, so it need not start another worker for it.
    public func reloadReceived() {
        _ = sendDatagram(Self.reloadReceivedLine)
    }

    /// Tells the supervisor which configuration text this worker runs with, whatever its size.
    /// Throws when it cannot: then the supervisor would start later workers with an older
    /// text, so the caller must say so loudly and not hand over.
    public func sendConfiguration(_ text: String) throws(SupervisorError) {
        try ConfigurationSnapshot.send(text, socket: socket)
    }

    /// Notifications for the supervisor instead of systemd.
    public var notifier: SystemdNotifier { SystemdNotifier(connectedSocket: socket) }

    /// Sends the plan; false when it could not be sent (then the worker keeps running).
    public func handOver(_ plan: WatchPlan) -> Bool {
        guard let text = plan.encoded() else { return false }
        return sendDatagram(text)
    }

    /// One datagram to the supervisor; true when all of it went.
    private func sendDatagram(_ text: String) -> Bool {
        text.withCString { send(socket, $0, strlen($0), Int32(MSG_NOSIGNAL)) } == text.utf8.count
    }
}
