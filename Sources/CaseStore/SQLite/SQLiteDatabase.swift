import CSQLite
import Foundation

/// An error from SQLite, with the statement that caused it so an operator can act on it.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public var description: String { "database error \(code): \(message)" }
}

/// One SQLite connection, owned by one thread: the daemon's single loop or a CLI command.
///
/// WAL, `synchronous=NORMAL`, foreign keys and a busy timeout, as the transport notes
/// measured; the connection is not `Sendable` because SQLite handles must not be shared.
public final class SQLiteDatabase {
    let handle: OpaquePointer
    public let path: String
    /// Prepared statements by their SQL: the daemon runs the same few dozen statements for
    /// every message, and preparing is most of what a small query costs.
    private var statements: [String: Statement] = [:]
    /// Rows stepped through in full table scans by the queries run so far (SQLite's
    /// FULLSCAN_STEP): what a query reads beyond its indexes. Tests hold the daemon's hot
    /// queries to a bound on it, so a large database costs what its open cases cost.
    public internal(set) var fullScanSteps = 0
    /// Virtual machine steps of those queries: grows with every row visited, index scans included.
    public internal(set) var machineSteps = 0

    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw StoreError(code: rc, message: "\(message) (\(path))")
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, 10_000)
        try execute("PRAGMA foreign_keys = ON")
        if !readOnly {
            try execute("PRAGMA journal_mode = WAL")
            try execute("PRAGMA synchronous = NORMAL")
            // A batch of decisions dirties more pages than the 2 MiB cache holds; spilling them to
            // the WAL mid-transaction wrote most pages twice. So dirty pages stay in memory up to
            // 64 MiB (16,384 pages of 4 KiB) and are freed after commit; past that, as when a
            // batch holds several large messages whose rows are rewritten, SQLite spills again
            // rather than holding a batch of 25 MB messages in memory.
            // The number sets the threshold, but SQLite also reads it as a boolean through a
            // byte (16384 reads as 0, off), so spilling is switched on explicitly after it.
            try execute("PRAGMA cache_spill = 16384; PRAGMA cache_spill = ON")
            // Each message's savepoint keeps the pages it changes in a statement journal; past
            // 64 KiB that journal went to a temporary file, one write per page, for a rollback
            // that almost never comes.
            try execute("PRAGMA temp_store = MEMORY")
        }
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw StoreError(code: rc, message: message)
        }
    }

    /// Prepares a statement; bind values with `Statement.bind`.
    public func prepare(_ sql: String) throws(StoreError) -> Statement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw StoreError(code: rc, message: "\(lastMessage) in: \(sql)")
        }
        return Statement(statement, database: self)
    }

    /// A cached prepared statement for `sql`, reset and ready to bind.
    func cached(_ sql: String) throws(StoreError) -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Runs a statement with values and returns every row.
    @discardableResult
    public func query(_ sql: String, _ values: [SQLValue] = []) throws(StoreError) -> [Row] {
        let statement = try cached(sql)
        try statement.bind(values)
        defer { statement.reset() }
        var rows: [Row] = []
        while let row = try statement.step() { rows.append(row) }
        return rows
    }

    /// Runs a statement and returns the first row, if any.
    public func queryOne(_ sql: String, _ values: [SQLValue] = []) throws(StoreError) -> Row? {
        let statement = try cached(sql)
        try statement.bind(values)
        defer { statement.reset() }
        return try statement.step()
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: all of it is committed or none.
    /// Begin, commit and the savepoints run as cached statements: they come once per message.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try query("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try query("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` under a savepoint inside the current transaction: on an error only its
    /// own changes are undone, and the error is passed on.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try query("SAVEPOINT one_message")
        do {
            let result = try body()
            try query("RELEASE one_message")
            return result
        } catch {
            try? execute("ROLLBACK TO one_message")
            try? execute("RELEASE one_message")
            throw error
        }
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }
}
