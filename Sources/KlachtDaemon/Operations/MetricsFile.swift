import CaseStore
import Foundation
import Glibc

/// The status in Prometheus text format (version 0.0.4), for node_exporter's textfile collector.
///
/// Written to a temporary file beside the target and renamed over it, so the collector
/// never reads half a file. Counts only: no addresses, names or references.
public enum MetricsFile {
    public static func render(_ status: ServiceStatus, retentionPending: Int) -> String {
        var lines: [String] = []
        func gauge(_ name: String, _ help: String, _ samples: [(labels: String, value: Double)]) {
            lines.append("# HELP klachtd_\(name) \(help)")
            lines.append("# TYPE klachtd_\(name) gauge")
            for sample in samples { lines.append("klachtd_\(name)\(sample.labels) \(format(sample.value))") }
        }
        func seconds(_ date: Date?) -> Double { date?.timeIntervalSince1970 ?? 0 }
        gauge("last_cycle_timestamp_seconds", "When the daemon last finished a cycle (0: never).", [("", seconds(status.lastCycleAt))])
        gauge("last_successful_poll_timestamp_seconds", "When the mailbox was last read without error (0: never).",
              [("", seconds(status.lastPollOKAt))])
        gauge("last_purge_timestamp_seconds", "When the retention purge last ran (0: never).", [("", seconds(status.lastPurgeAt))])
        gauge("cases", "Cases per state.", status.casesByState.sorted { $0.key < $1.key }.map { ("{state=\"\($0.key)\"}", Double($0.value)) })
        gauge("cases_open", "Cases that still need someone to act.", [("", Double(status.openCases))])
        gauge("cases_overdue_decision", "Open complaints past their decision date without a judgement.", [("", Double(status.overdueDecisions))])
        gauge("cases_overdue_measures", "Cases past the term of their measures.", [("", Double(status.overdueMeasures))])
        gauge("outbox_messages", "Outgoing mails per state.",
              [OutboxState.queued, .sending, .sent, .failed, .held].map { ("{state=\"\($0.rawValue)\"}", Double(status.outbox[$0] ?? 0)) })
        gauge("raw_messages", "Stored incoming messages per status.",
              RawMessageStatus.allCases.map { ("{status=\"\($0.rawValue)\"}", Double(status.rawMessages[$0] ?? 0)) })
        gauge("bouncing_addresses", "Addresses our mail could not reach.", [("", Double(status.bouncingAddresses.count))])
        gauge("retention_purge_pending", "Cases whose personal data is due for deletion.", [("", Double(retentionPending))])
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `text` to `path` atomically (temporary file, fsync, rename).
    public static func write(_ text: String, to path: String) throws {
        let temporary = path + ".tmp.\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o644]) else {
            throw OperationsError("cannot write \(temporary)")
        }
        let fd = open(temporary, O_RDONLY)
        if fd >= 0 { fsync(fd); close(fd) }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw OperationsError("cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// A failure of an operations task (backup, metrics, export), in words an operator can act on.
public struct OperationsError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
