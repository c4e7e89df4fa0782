import CaseStore
import Digests
import Foundation
import Glibc
import MailParser

/// A message too large to hold in memory, written piece by piece to an unlinked temporary
/// file (mode 0600, gone when closed or when the process dies) while its digest is taken,
/// then copied into the store from there.
final class MessageSpool {
    private let fd: Int32
    private var hasher = SHA256.Hasher()
    private(set) var size = 0

    /// Opens a spool in `directory` (the database's, which the process can always write).
    init(directory: String) throws {
        var template = ((directory.isEmpty ? "." : directory) + "/.klachtd-spool-XXXXXX").utf8CString
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else {
            throw OperationsError("cannot create a spool file in \(directory): \(String(cString: strerror(errno)))")
        }
        fd = made
        fchmod(fd, 0o600)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit { close(fd) }

    func append(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw OperationsError("cannot write the spool file: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        hasher.update(bytes)
        size += bytes.count
    }

    /// What the store copies from; valid while this spool lives.
    var spooled: SpooledMessage { SpooledMessage(fileDescriptor: fd, size: size, sha256: hasher.hexDigest()) }

    /// The reason a message over the limit is set aside, as the quarantine list shows it.
    static func reason(size: Int, limit: Int) -> String {
        "larger than the limit of \(limit) bytes (\(size) bytes): stored unread; raise [limits] max_message_bytes and run klachtd reprocess to read it"
    }
}
