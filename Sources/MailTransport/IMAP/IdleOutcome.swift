/// Why `IMAPConnection.idle` returned.
public enum IdleOutcome: Sendable, Equatable {
    /// The server reported new, expunged or changed messages: look with `uidsAbove`.
    case mailboxChanged
    /// The time was up without news; IDLE should be re-issued (before 29 minutes).
    case timedOut
    /// The wake file descriptor became readable; the caller drains it.
    case woken
}
