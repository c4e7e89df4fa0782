import CaseStore
import Foundation
import Glibc

/// A consistent copy of the live database, taken while the daemon keeps writing.
///
/// `VACUUM INTO` reads one snapshot inside a read transaction (WAL lets the daemon write
/// meanwhile) and writes a compact new file; the copy is then opened read-only and checked.
public enum DatabaseBackup {
    /// Writes the copy to `path` (which must not exist) and returns its `PRAGMA integrity_check`.
    public static func write(from store: CaseStore, to path: String) throws -> String {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw OperationsError("\(path) already exists; choose a new file name (klachtd never overwrites a backup)")
        }
        // Created empty with mode 0600 first (VACUUM INTO fills an empty file): a copy of
        // personal data must not get the shell's umask, and O_EXCL refuses a file or a link
        // that appeared since the check above.
        try PrivateFile.createEmpty(path)
        do {
            try store.copy(into: path)
        } catch {
            unlink(path)
            throw error
        }
        return try CaseStore.integrityCheck(ofFileAt: path)
    }
}
