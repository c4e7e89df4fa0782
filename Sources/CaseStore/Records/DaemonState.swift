import Foundation

/// The daemon's own small facts (`daemon_state`): when it last polled, purged, and what failed.
public enum DaemonStateKey: String, Sendable, CaseIterable {
    case lastCycleAt = "last_cycle_at"
    case lastPollOKAt = "last_poll_ok_at"
    case lastPollError = "last_poll_error"
    case lastPurgeAt = "last_purge_at"
    /// When the quality staff were told the mailbox cannot be read; empty once the recovery was told.
    /// Kept in the database so a worker started during an outage still tells them it is over.
    case outageNoticeAt = "outage_notice_at"
    /// Since when the SMTP session fails (login, STARTTLS, outage); empty once a mail went out again.
    case smtpFailingSince = "smtp_failing_since"
    /// The last such failure, for `klachtd status`.
    case smtpLastError = "smtp_last_error"
}

extension CaseStore {
    public func setDaemonState(_ key: DaemonStateKey, _ value: String, now: Date) throws {
        try db.query("""
            INSERT INTO daemon_state (key, value, updated_at) VALUES (?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, [.text(key.rawValue), .text(value), .text(Timestamp.string(now))])
    }

    public func daemonState(_ key: DaemonStateKey) throws -> String? {
        try db.queryOne("SELECT value FROM daemon_state WHERE key = ?", [.text(key.rawValue)])?.string("value")
    }
}
