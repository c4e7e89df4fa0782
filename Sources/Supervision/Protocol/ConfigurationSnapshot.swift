import CProcessControl
import Glibc

/// The configuration text a worker loaded at a start or reload, kept by the supervisor for the
/// workers it starts later (for new mail, the timer, after a crash).
///
/// The text travels as a sealed in-memory file (`memfd_create`), never inside a datagram or an
/// environment string: a chain of 900 locations has a 130 KiB file, and a datagram read into a
/// 64 KiB buffer was cut there silently, so later workers either failed on half a line or ran
/// without the locations past the cut. The file is sealed before it is sent, so neither process
/// can change it afterwards; the supervisor hands a copy of the descriptor to each worker it
/// starts, and never reads the text itself (it stays small and Foundation-free).
final class ConfigurationSnapshot {
    /// The sealed file, close-on-exec in the supervisor, numbered high so it cannot collide
    /// with the socket pair while a worker's descriptors are arranged.
    let descriptor: Int32
    /// The text's length in UTF-8 bytes, as the worker announced and the file measures.
    let bytes: Int

    private init(descriptor: Int32, bytes: Int) {
        self.descriptor = descriptor
        self.bytes = bytes
    }

    deinit { close(descriptor) }

    // MARK: - The worker sends

    /// Puts `text` in a sealed in-memory file and sends it with a `KLACHTD_CONFIG=1` datagram.
    static func send(_ text: String, socket: Int32) throws(SupervisorError) {
        var bytes = Array(text.utf8)
        let count = bytes.count
        let file = bytes.withUnsafeMutableBytes { klachtd_sealed_memory_file("klachtd-configuration", $0.baseAddress, count) }
        guard file >= 0 else { throw SupervisorError("cannot keep the configuration (\(count) bytes) in memory for the supervisor: \(String(cString: strerror(errno)))") }
        defer { close(file) }
        let datagram = Array((SupervisorLink.configurationMarker + "\nBYTES=\(count)\n").utf8)
        let sent = datagram.withUnsafeBytes { klachtd_send_with_descriptor(socket, $0.baseAddress, $0.count, file) }
        guard sent == datagram.count else {
            throw SupervisorError("cannot pass the configuration (\(count) bytes) to the supervisor: \(sent < 0 ? String(cString: strerror(errno)) : "sent in part")")
        }
    }

    // MARK: - The supervisor receives

    /// True when a datagram announces a configuration snapshot.
    static func isAnnouncement(_ text: String) -> Bool {
        text.utf8.starts(with: (SupervisorLink.configurationMarker + "\n").utf8)
    }

    /// The snapshot from an announcement and the descriptor that came with it; an error that
    /// says why when it is not whole. Takes ownership of `descriptor` either way.
    static func received(_ datagram: ReceivedDatagram) -> Result<ConfigurationSnapshot, SupervisorError> {
        guard let descriptor = datagram.descriptor else {
            return .failure(SupervisorError("the configuration came without its file\(datagram.truncated ? " (the descriptor did not fit)" : "")"))
        }
        let announced = datagram.text.split(separator: "\n").first { $0.hasPrefix("BYTES=") }.flatMap { Int($0.dropFirst(6)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, let announced, Int(status.st_size) == announced, !datagram.truncated else {
            close(descriptor)
            return .failure(SupervisorError("the configuration file is not whole (announced \(announced.map(String.init) ?? "no") bytes)"))
        }
        let high = fcntl(descriptor, F_DUPFD_CLOEXEC, Int32(100))
        close(descriptor)
        guard high >= 0 else { return .failure(SupervisorError("cannot keep the configuration: \(String(cString: strerror(errno)))")) }
        return .success(ConfigurationSnapshot(descriptor: high, bytes: announced))
    }

    // MARK: - A worker started later reads it

    /// Reads the inherited snapshot (all `bytes` of it, or an error) and closes the descriptor.
    static func read(descriptor: Int32, bytes: Int) -> Result<String, SupervisorError> {
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: bytes)
        var done = 0
        while done < bytes {
            let count = buffer.withUnsafeMutableBytes { whole in
                whole.baseAddress.map { pread(descriptor, $0 + done, bytes - done, off_t(done)) } ?? -1
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let why = count < 0 ? String(cString: strerror(errno)) : "it ends after \(done) bytes"
                return .failure(SupervisorError("the configuration the supervisor passed (\(bytes) bytes) cannot be read: \(why)"))
            }
            done += count
        }
        return .success(String(decoding: buffer, as: UTF8.self))
    }
}

/// One datagram from the worker, with the descriptor that came with it, if any.
struct ReceivedDatagram {
    var text: String
    var descriptor: Int32?
    /// The datagram or its descriptors did not fit the receive buffers: it is not whole.
    var truncated: Bool
}
