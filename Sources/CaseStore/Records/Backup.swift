import Foundation

extension CaseStore {
    /// Writes a consistent copy of the database into the empty file at `path` while others keep writing.
    ///
    /// `VACUUM INTO` reads one snapshot inside a read transaction (WAL lets the daemon write
    /// meanwhile) and writes a compact new file.
    public func copy(into path: String) throws {
        try db.query("VACUUM INTO ?", [.text(path)])
    }

    /// `PRAGMA integrity_check` of the database file at `path`, opened read-only: "ok" when sound.
    public static func integrityCheck(ofFileAt path: String) throws -> String {
        try SQLiteDatabase(path: path, readOnly: true).queryOne("PRAGMA integrity_check")?.string("integrity_check") ?? "no answer"
    }
}
