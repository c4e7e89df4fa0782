import Glibc

/// Files that hold personal data (the database, a backup, an export) are the owner's alone,
/// whatever the shell's umask: created 0600 (folders 0700) by an explicit mode, not by umask.
public enum PrivateFile {
    /// A file could not be created privately.
    public struct CreationError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Creates `path` empty with mode 0600. With `ifMissing`, an existing file is left as it is
    /// (SQLite then opens it; its WAL and shared-memory files copy its mode); without it, an
    /// existing file or a symbolic link is an error (`O_EXCL | O_NOFOLLOW`).
    public static func createEmpty(_ path: String, ifMissing: Bool = false) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 {
            let code = errno
            if ifMissing, code == EEXIST { return }
            throw CreationError(description: "cannot create \(path): \(String(cString: strerror(code)))")
        }
        // The mode given to open() is still masked by the umask: set it exactly.
        fchmod(fd, 0o600)
        close(fd)
    }

    /// Writes `bytes` to a new file `path`, mode 0600; an existing file or link is an error.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CreationError(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        fchmod(fd, 0o600)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CreationError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Creates the folder `path` (and missing parents) with mode 0700.
    public static func createFolder(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o700) == 0 {
                chmod(prefix, 0o700)
            } else if errno != EEXIST {
                throw CreationError(description: "cannot create the folder \(prefix): \(String(cString: strerror(errno)))")
            }
        }
    }
}
