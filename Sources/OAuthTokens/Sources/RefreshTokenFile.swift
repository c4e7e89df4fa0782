import Foundation
import Glibc

/// The stored refresh token: one line in a 0600 file, replaced atomically (temp, fsync, rename, fsync of the folder).
public struct RefreshTokenFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The stored token; errors name the file, never its content.
    public func read() throws(TokenFailure) -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .credential("refresh_token_file \(path) cannot be read: run klachtd oauth login")
        }
        let token = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard !token.isEmpty else { throw .credential("refresh_token_file \(path) is empty: run klachtd oauth login") }
        return token
    }

    /// When the token was last stored (the file's modification time), or nil without a file.
    public func renewedAt() -> Date? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    /// Replaces the stored token so that a crash leaves either the old or the new one, never a torn file.
    public func write(_ token: String) throws(TokenFailure) {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        // A new file of our own, never one that is there already: O_EXCL | O_NOFOLLOW, so a
        // file or symbolic link planted at the name (in a folder others can write) is not
        // followed and does not receive the token; the name is not guessable either.
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<8 where fd < 0 {
            temporary = path + ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd < 0, errno != EEXIST { break }
        }
        guard fd >= 0 else { throw .credential("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        // The umask narrows open()'s mode but could leave it wider than asked for nothing: set it exactly.
        fchmod(fd, 0o600)
        let bytes = Array((token + "\n").utf8)
        var written = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                let n = Glibc.write(fd, base + written, buffer.count - written)
                if n <= 0 { break }
                written += n
            }
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .credential("cannot store the refresh token in \(path): \(String(cString: strerror(errno)))")
        }
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 { fsync(folderFD); close(folderFD) }
    }
}
