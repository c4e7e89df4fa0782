import Foundation
import Glibc

/// The secret that signs staff reply tokens when `[organisation] secret_file` is not set, so that
/// commands by email work out of the box: made once from the system's random source and kept
/// beside the database as `<database>.reply-secret` (mode 0600). Never logged.
///
/// Several processes (workers, `deliver`, the CLI) may start at once: the secret is written to a
/// private temporary file and hard-linked into place, which fails for all but the first, who
/// then read the winner's secret. A directory klachtd cannot write leaves commands by email off.
public enum GeneratedReplySecret {
    /// Where the generated secret lives for a database at `databasePath`.
    public static func path(databasePath: String) -> String { databasePath + ".reply-secret" }

    static func loadOrCreate(databasePath: String) -> [UInt8]? {
        let path = path(databasePath: databasePath)
        if let existing = read(path) { return existing }
        var random = SystemRandomNumberGenerator()
        let secret = Array((0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &random)) }.joined().utf8)
        let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max, using: &random)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        defer { unlink(temporary) }
        let line = secret + [0x0A]
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == line.count, synced else { return nil }
        if link(temporary, path) == 0 { return secret }
        return errno == EEXIST ? read(path) : nil
    }

    /// The secret in the file, when it holds one of at least 16 characters.
    private static func read(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let line = Array(data.prefix { $0 != 0x0A && $0 != 0x0D })
        return line.count >= 16 ? line : nil
    }
}
