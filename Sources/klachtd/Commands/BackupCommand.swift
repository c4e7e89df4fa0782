import Foundation
import KlachtDaemon

struct BackupCommand: Command {
    let summary = "write a consistent copy of the database, also while the daemon runs"
    let usage = """
        Usage: klachtd backup --out FILE [--config FILE]

        Uses SQLite's VACUUM INTO: one consistent snapshot, written to a new file (never
        over an existing one), then checked with PRAGMA integrity_check. Exit 0 when the
        copy is sound. The copy holds personal data: store it as carefully as the original.
        """
    var valuedOptions: Set<String> { ["--config", "--out"] }

    func run(_ arguments: Arguments) throws -> Int32 {
        guard let path = arguments["--out"] else { throw UsageError("--out FILE is required") }
        let runtime = try runtime(arguments)
        let check = try DatabaseBackup.write(from: try runtime.openStore(), to: path)
        Output.out("backup \(path): integrity \(check)")
        return check == "ok" ? 0 : 1
    }
}
