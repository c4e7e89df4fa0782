import Glibc

/// Tells systemd we are ready, alive, or stopping, through `NOTIFY_SOCKET` (no libsystemd).
///
/// Under the supervisor a worker does not talk to systemd itself (`NotifyAccess=main`): its
/// notifier writes the same `KEY=VALUE` datagrams to the socket it inherited instead, and the
/// supervisor decides what systemd hears.
public struct SystemdNotifier: Sendable {
    private enum Destination: Sendable {
        case none
        case socketPath([UInt8])
        case connectedSocket(Int32)
    }

    private let destination: Destination

    /// Notifies the socket in `NOTIFY_SOCKET`, if systemd set one.
    public init() {
        self.init(notifySocket: Environment.value("NOTIFY_SOCKET"))
    }

    public init(notifySocket path: String?) {
        guard let path, !path.isEmpty else { destination = .none; return }
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }   // abstract socket namespace
        destination = .socketPath(bytes)
    }

    /// Notifies over an already connected datagram socket (the supervisor's end of a socket pair).
    public init(connectedSocket fd: Int32) {
        destination = .connectedSocket(fd)
    }

    /// The watchdog interval systemd expects a ping within, if it set one.
    public static func watchdogInterval() -> Double? {
        guard let micros = Environment.value("WATCHDOG_USEC").flatMap(Double.init), micros > 0 else { return nil }
        return micros / 1_000_000
    }

    public func notify(_ state: String) {
        switch destination {
        case .none:
            return
        case .connectedSocket(let fd):
            _ = state.withCString { text in Glibc.send(fd, text, strlen(text), Int32(MSG_NOSIGNAL)) }
        case .socketPath(let bytes):
            send(state, toPath: bytes)
        }
    }

    private func send(_ state: String, toPath path: [UInt8]) {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in path.enumerated() { raw[i] = b }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count)
        _ = state.withCString { text in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    sendto(fd, text, strlen(text), 0, socketAddress, length)
                }
            }
        }
    }
}

/// The process environment without Foundation's `ProcessInfo`.
public enum Environment {
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
