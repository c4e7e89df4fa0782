/// Why the supervisor started a worker; passed in `KLACHTD_WAKE_REASON` and logged.
public enum WorkerStartReason: String, Sendable {
    /// The supervisor itself just started: every earlier sender is gone.
    case start
    /// A worker ended badly or could not be started, and the backoff passed.
    case restart
    /// SIGHUP: the configuration is read anew.
    case reload
    /// The hand-over plan's wake time (the scheduler, a retry in the outbox).
    case timer
    /// New mail arrived while the supervisor watched the mailbox.
    case mail
    /// Watching the mailbox failed; a worker polls instead.
    case watchFailed = "watch-failed"

    /// A start that happens all day long, logged quietly.
    public var isRoutine: Bool { self == .mail || self == .timer }
}
