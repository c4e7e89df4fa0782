import CivilDays
import ComplaintCore
import Foundation

/// The daemon's whole state in one SQLite file: raw messages, cases, events, outbox.
///
/// One instance per thread of work (the daemon loop, a CLI command); SQLite's WAL lets
/// a `klachtd cases` read while the daemon writes.
public final class CaseStore {
    /// The connection: only the store's own records run SQL; the rest of klachtd asks them.
    let db: SQLiteDatabase

    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try PrivateFile.createFolder(directory)
        }
        try PrivateFile.createEmpty(path, ifMissing: true)
        db = try SQLiteDatabase(path: path)
        try Migrator.migrate(db)
    }

    /// Runs `body` in one transaction: the case's changes and its mails land together or not at all.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try db.transaction(body)
    }

    /// Runs `body` in a savepoint inside the running transaction: when it throws, only its own
    /// changes are undone (one message that fails does not undo the batch).
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try db.savepoint(body)
    }

    /// `PRAGMA integrity_check`'s answer: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try db.queryOne("PRAGMA integrity_check")?.string("integrity_check") ?? "no answer"
    }
}

/// Timestamps are stored as ISO 8601 in UTC: sortable as text and readable in the sqlite3 shell.
///
/// Written and read by hand for the one shape stored (`2026-11-21T06:35:30Z`): every stored
/// row has several, and Foundation's format style was a visible part of each message's cost.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = CivilDays.floorDivision(seconds, 86_400), secondOfDay = CivilDays.floorModulo(seconds, 86_400)
        let civil = LocalDate(dayNumber: days)
        let (year, month, day) = (civil.year, civil.month, civil.day)
        guard (0...9999).contains(year) else { return foundationStyle.format(date) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(20)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4); bytes.append(UInt8(ascii: "-")); digits(month, 2); bytes.append(UInt8(ascii: "-")); digits(day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2); bytes.append(UInt8(ascii: ":")); digits(secondOfDay / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":")); digits(secondOfDay % 60, 2); bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func date(_ string: String?) -> Date? {
        guard let string else { return nil }
        if let date = quickDate(string) { return date }
        return try? Date(string, strategy: foundationStyle)
    }

    private static let foundationStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: false,
                                                                  timeZone: TimeZone(identifier: "UTC") ?? .gmt)

    /// `YYYY-MM-DDTHH:MM:SSZ` exactly, with a valid date and time; nil for anything else.
    private static func quickDate(_ string: String) -> Date? {
        string.utf8.withContiguousStorageIfAvailable { bytes -> Date? in
            guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z") else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<(start + count) {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  case let date = LocalDate(year: year, month: month, day: day), date.isValid,
                  hour < 24, minute < 60, second < 60 else { return nil }
            let days = date.dayNumber
            return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
        } ?? nil
    }
}
