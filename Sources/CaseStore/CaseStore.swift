import Foundation

/// The daemon's whole state in one SQLite file: raw messages, cases, events, outbox.
///
/// One instance per thread of work (the daemon loop, a CLI command); SQLite's WAL lets
/// a `klachtd cases` read while the daemon writes.
public final class CaseStore {
    public let db: SQLiteDatabase

    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        db = try SQLiteDatabase(path: path)
        try Migrator.migrate(db)
    }

    /// Runs `body` in one transaction: the case's changes and its mails land together or not at all.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try db.transaction(body)
    }

    /// `PRAGMA integrity_check`'s answer: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try db.queryOne("PRAGMA integrity_check")?.string("integrity_check") ?? "no answer"
    }
}

/// Timestamps are stored as ISO 8601 in UTC: sortable as text and readable in the sqlite3 shell.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: TimeZone(identifier: "UTC") ?? .gmt))
    }

    public static func date(_ string: String?) -> Date? {
        guard let string else { return nil }
        return try? Date(string, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: TimeZone(identifier: "UTC") ?? .gmt))
    }
}
