import CSQLite
import Glibc

/// A value bound to or read from SQLite.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public static func int(_ value: Int) -> SQLValue { .integer(Int64(value)) }
    public static func optional(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
    public static func optional(_ value: Int64?) -> SQLValue { value.map(SQLValue.integer) ?? .null }
}

/// One result row, read by column name.
public struct Row: Sendable {
    let names: ColumnNames
    let values: [SQLValue]

    public subscript(_ name: String) -> SQLValue {
        guard let index = names.positions[name] else { return .null }
        return values[index]
    }

    public func string(_ name: String) -> String? {
        switch self[name] {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .blob(let b): return String(decoding: b, as: UTF8.self)
        case .null: return nil
        }
    }

    public func int(_ name: String) -> Int64? {
        switch self[name] {
        case .integer(let i): return i
        case .text(let s): return Int64(s)
        case .real(let d): return Int64(d)
        default: return nil
        }
    }

    public func bytes(_ name: String) -> [UInt8]? {
        switch self[name] {
        case .blob(let b): return b
        case .text(let s): return Array(s.utf8)
        default: return nil
        }
    }
}

/// The column names of a result, shared by every row of it: a row is then its values alone.
final class ColumnNames: Sendable {
    let names: [String]
    /// A repeated name finds its last column, as the dictionary once built per row did.
    let positions: [String: Int]
    private let cStrings: [[CChar]]

    init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() { positions[name] = index }
        self.positions = positions
        cStrings = names.map { Array($0.utf8CString) }
    }

    /// Whether these are the statement's column names now; SQLite re-prepares a statement
    /// after a schema change, and `SELECT *` can then name other columns.
    func matches(_ statement: OpaquePointer) -> Bool {
        guard Int(sqlite3_column_count(statement)) == cStrings.count else { return false }
        for (index, expected) in cStrings.enumerated() {
            guard let actual = sqlite3_column_name(statement, Int32(index)),
                  expected.withUnsafeBufferPointer({ buffer in buffer.baseAddress.map { strcmp(actual, $0) == 0 } ?? false })
            else { return false }
        }
        return true
    }
}

/// A prepared statement; finalised when released.
public final class Statement {
    private let statement: OpaquePointer
    private let database: SQLiteDatabase
    /// The names of the last result, reused while they still match.
    private var columnNames: ColumnNames?

    init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    /// Ends a run so the statement holds no read lock while it waits in the cache.
    func reset() {
        database.fullScanSteps += Int(sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1))
        database.machineSteps += Int(sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_VM_STEP, 1))
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    public func bind(_ values: [SQLValue]) throws(StoreError) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(statement, index)
            case .integer(let i): rc = sqlite3_bind_int64(statement, index, i)
            case .real(let d): rc = sqlite3_bind_double(statement, index, d)
            case .text(let s):
                // With its byte length: a length of -1 made SQLite stop at the first NUL and
                // silently store a shortened text.
                var text = s
                rc = text.withUTF8 { utf8 in
                    utf8.withMemoryRebound(to: CChar.self) { chars in
                        guard let base = chars.baseAddress, !chars.isEmpty else {
                            return sqlite3_bind_text(statement, index, "", 0, csqlite_transient())
                        }
                        return sqlite3_bind_text64(statement, index, base, sqlite3_uint64(chars.count),
                                                   csqlite_transient(), UInt8(SQLITE_UTF8))
                    }
                }
            case .blob(let b):
                rc = b.withUnsafeBytes { raw in
                    sqlite3_bind_blob64(statement, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                        sqlite3_uint64(b.count), csqlite_transient())
                }
            }
            guard rc == SQLITE_OK else { throw StoreError(code: rc, message: database.lastMessage) }
        }
    }

    /// Advances to the next row; nil when done.
    public func step() throws(StoreError) -> Row? {
        let rc = sqlite3_step(statement)
        switch rc {
        case SQLITE_ROW:
            let names = currentColumnNames()
            var values: [SQLValue] = []
            values.reserveCapacity(names.names.count)
            for i in 0..<Int32(names.names.count) { values.append(column(i)) }
            return Row(names: names, values: values)
        case SQLITE_DONE:
            return nil
        default:
            throw StoreError(code: rc, message: database.lastMessage)
        }
    }

    private func currentColumnNames() -> ColumnNames {
        if let columnNames, columnNames.matches(statement) { return columnNames }
        let names = ColumnNames((0..<sqlite3_column_count(statement)).map { index in
            sqlite3_column_name(statement, index).map { String(cString: $0) } ?? ""
        })
        columnNames = names
        return names
    }

    private func column(_ i: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, i))
        case SQLITE_TEXT:
            // By byte count, not up to the first NUL, so a stored text comes back whole.
            let count = Int(sqlite3_column_bytes(statement, i))
            guard count > 0, let pointer = sqlite3_column_text(statement, i) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, i))
            guard count > 0, let pointer = sqlite3_column_blob(statement, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
        default: return .null
        }
    }
}
