import DaemonSupport
import Glibc
import MailTransport

/// The supervisor's one IMAP connection while no worker runs: it waits in IDLE (or polls,
/// when the server has no IDLE) and says when a worker is needed.
///
/// It never reads a message. New mail is decided the worker's way: a UID above the last
/// one the worker stored, in the same UIDVALIDITY. So flag changes by staff reading the
/// shared mailbox, which also wake IDLE, do not start a worker.
final class MailboxWatch {
    enum Outcome: Equatable {
        /// Mail above the worker's last UID, or a changed UIDVALIDITY.
        case newMail
        /// Nothing happened within the time asked for.
        case quiet
        /// The signal pipe became readable.
        case signalled
    }

    let plan: WatchPlan
    private var connection: IMAPConnection?
    private let connect: (MailServerEndpoint) throws(TransportFailure) -> IMAPConnection

    /// `connect` logs in; tests pass one that narrows the server's capabilities.
    init(plan: WatchPlan, connect: @escaping (MailServerEndpoint) throws(TransportFailure) -> IMAPConnection = { endpoint throws(TransportFailure) in
        try IMAPConnection(endpoint: endpoint)
    }) {
        self.plan = plan
        self.connect = connect
    }

    /// Waits up to `seconds` for news; throws when the server cannot be watched (then a
    /// worker takes over, with its backoff and its outage notices).
    func wait(seconds: Int, wake: Int32) throws(TransportFailure) -> Outcome {
        do {
            return try waitOnce(seconds: seconds, wake: wake)
        } catch {
            connection = nil   // a failed connection is never used again
            throw error
        }
    }

    /// With `[graph]`, no Graph request before this (monotonic milliseconds; a `Retry-After`).
    private var graphNotBefore = 0

    private func waitOnce(seconds: Int, wake: Int32) throws(TransportFailure) -> Outcome {
        // A worker for `[graph]` hands over its delta link (https://) instead of an IMAP URL.
        if plan.endpoint.url.hasPrefix("https://") {
            return try GraphDeltaWatch.wait(plan, seconds: seconds, wake: wake, state: &graphNotBefore)
        }
        let imap = try Self.stoppable { () throws(TransportFailure) in try connected() }
        if try Self.stoppable({ () throws(TransportFailure) in try hasNewMail(imap) }) { return .newMail }
        guard imap.capabilities.contains("IDLE") else {
            var descriptor = pollfd(fd: wake, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(seconds, plan.pollSeconds) * 1000))
            if ready > 0 { return .signalled }
            return try Self.stoppable { () throws(TransportFailure) in try hasNewMail(imap) } ? .newMail : .quiet
        }
        switch try imap.idle(timeoutSeconds: seconds, wakeFileDescriptor: wake) {
        case .woken: return .signalled
        case .timedOut: return .quiet
        case .mailboxChanged: return try Self.stoppable { () throws(TransportFailure) in try hasNewMail(imap) } ? .newMail : .quiet
        }
    }

    /// Runs a step that waits for the server without watching the signal pipe (connect, login,
    /// a search: up to the configured timeout each). A stop request meanwhile ends the process
    /// at once: nothing is lost, the supervisor has nothing to finish while no worker runs.
    /// IDLE itself watches the pipe, so a stop there goes the orderly way.
    static func stoppable<Result, Failure: Error>(_ step: () throws(Failure) -> Result) throws(Failure) -> Result {
        SignalPipe.exitImmediatelyOnStop("<5>stopping on a signal while waiting for the IMAP server; klachtd supervisor stopped\n")
        defer { SignalPipe.exitImmediatelyOnStop(nil) }
        return try step()
    }

    /// Logs out; the worker makes its own connections.
    func close() {
        if let connection { Self.stoppable { connection.logout() } }
        connection = nil
    }

    private func connected() throws(TransportFailure) -> IMAPConnection {
        if let connection { return connection }
        let made = try connect(plan.endpoint)
        let status = try made.select(plan.mailbox)
        connection = made
        if status.uidValidity != plan.uidValidity { uidValidityChanged = true }
        return made
    }

    /// Set when SELECT showed another UIDVALIDITY: the worker must rescan.
    private var uidValidityChanged = false

    private func hasNewMail(_ imap: IMAPConnection) throws(TransportFailure) -> Bool {
        if uidValidityChanged { return true }
        return try !imap.uidsAbove(plan.lastUID).isEmpty
    }
}
