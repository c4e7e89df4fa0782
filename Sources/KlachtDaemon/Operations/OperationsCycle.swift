import CaseStore
import Foundation

/// What the daemon does for operations after every cycle: record the poll, write the
/// metrics file, and purge once a day. A failure here is logged and never stops intake.
public struct OperationsCycle {
    let runtime: Runtime
    let store: CaseStore

    public init(runtime: Runtime, store: CaseStore) {
        self.runtime = runtime
        self.store = store
    }

    /// `pollError` is nil when the mailbox was read without error this cycle, or not read at all (`polled` false).
    /// Returns true when a purge is under way and its next batch should follow at once.
    @discardableResult
    public func afterCycle(polled: Bool, pollError: String?) -> Bool {
        var purgeContinues = false
        let now = runtime.clock.now()
        let log = runtime.logger
        do {
            try store.transaction {
                try store.setDaemonState(.lastCycleAt, Timestamp.string(now), now: now)
                if polled, pollError == nil { try store.setDaemonState(.lastPollOKAt, Timestamp.string(now), now: now) }
                if let pollError { try store.setDaemonState(.lastPollError, pollError, now: now) }
            }
            if runtime.configuration.retention.dailyPurge, try purgeIsDue(now: now) {
                // A small batch per cycle: new mail is fetched and acknowledged between batches,
                // and the watchdog is pinged after each (issue 22).
                let batch = try RetentionPurge(store: store, settings: runtime.configuration.retention)
                    .runBatch(now: now, actor: "klachtd")
                purgeContinues = !batch.complete
                if batch.purged > 0 { log.info("retention purge: \(batch.purged) case(s)\(batch.complete ? ", done for today" : ", more follow")") }
            }
            if let path = runtime.configuration.metricsTextfile {
                let pending = try RetentionPurge(store: store, settings: runtime.configuration.retention).dueCount(now: now)
                let status = try ServiceStatus.read(store, today: runtime.civil.localDate(of: now), now: now)
                try MetricsFile.write(MetricsFile.render(status, retentionPending: pending), to: path)
            }
        } catch {
            log.warning("operations (state, purge, metrics) failed, will retry next cycle: \(error)")
        }
        return purgeContinues
    }

    /// Once per local day.
    private func purgeIsDue(now: Date) throws -> Bool {
        guard let last = Timestamp.date(try store.daemonState(.lastPurgeAt)) else { return true }
        return runtime.civil.localDate(of: last) != runtime.civil.localDate(of: now)
    }
}
