import CProcessControl
import DaemonSupport
import Glibc

/// One running `klachtd run` worker and the supervisor's end of its socket pair.
final class WorkerProcess {
    let pid: pid_t
    /// The supervisor's end: datagrams from the worker arrive here.
    let socket: Int32
    /// Set once `waitpid` reported the end; the socket may still hold the last datagrams.
    private(set) var exitStatus: ExitStatus?

    enum ExitStatus: Equatable, CustomStringConvertible {
        case exited(Int32)
        case killed(Int32)

        /// The code to exit with in its place: its own, or 1 for a signal.
        var exitCode: Int32 {
            if case .exited(let code) = self, code != 0 { return code }
            return 1
        }

        var description: String {
            switch self {
            case .exited(let code): "exited with status \(code)"
            case .killed(let signalNumber): "was killed by signal \(signalNumber)"
            }
        }
    }

    /// Starts `command` (the worker's argv) with the socket pair on descriptor 3, the
    /// configuration snapshot (if any) on descriptor 4, and `extraEnvironment`.
    /// `NOTIFY_SOCKET` is left out: only the supervisor talks to systemd.
    init(command: [String], extraEnvironment: [String: String], configuration: ConfigurationSnapshot? = nil) throws(SupervisorError) {
        var pair: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw SupervisorError("socketpair: \(String(cString: strerror(errno)))")
        }
        let inherited: Int32 = 3
        var environment = Self.currentEnvironment().filter { !$0.hasPrefix("NOTIFY_SOCKET=") && !$0.hasPrefix("KLACHTD_SUPERVISOR") }
        environment += extraEnvironment.map { "\($0.key)=\($0.value)" }
        environment.append("\(SupervisorLink.Variable.socket)=\(inherited)")
        environment.append("\(SupervisorLink.Variable.pid)=\(getpid())")
        if let configuration {
            environment.append("\(SupervisorLink.Variable.configurationDescriptor)=\(SupervisorLink.inheritedConfigurationDescriptor)")
            environment.append("\(SupervisorLink.Variable.configurationBytes)=\(configuration.bytes)")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copy, so only descriptor 3 reaches the worker.
        posix_spawn_file_actions_adddup2(&actions, pair[1], inherited)
        // The snapshot's descriptor is numbered 100 or above, so the line above cannot have replaced it.
        if let configuration {
            posix_spawn_file_actions_adddup2(&actions, configuration.descriptor, SupervisorLink.inheritedConfigurationDescriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The worker starts with the stop and reload signals blocked: a SIGHUP or SIGTERM that comes
        // before it installed its handlers waits for them (SignalPipe.install unblocks) instead of
        // killing it. SIGPIPE goes back to its default; the worker ignores it itself.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signalNumber in SignalPipe.serviceSignals { sigaddset(&blocked, signalNumber) }
        posix_spawnattr_setsigmask(&attributes, &blocked)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var child: pid_t = 0
        let status = Self.withCStrings(command) { argv in
            Self.withCStrings(environment) { envp in
                posix_spawn(&child, command[0], &actions, &attributes, argv, envp)
            }
        }
        close(pair[1])
        guard status == 0 else {
            close(pair[0])
            throw SupervisorError("cannot start \(command[0]): \(String(cString: strerror(status)))")
        }
        pid = child
        socket = pair[0]
        _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(socket)
    }

    /// The datagrams waiting on the socket, oldest first. Each is small (notifications, a
    /// hand-over, a configuration's announcement); one that did not fit is marked truncated.
    func receive() -> [ReceivedDatagram] {
        var messages: [ReceivedDatagram] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            var descriptor: Int32 = -1
            var truncated: Int32 = 0
            let count = buffer.withUnsafeMutableBytes {
                klachtd_receive_with_descriptor(socket, $0.baseAddress, $0.count, &descriptor, &truncated)
            }
            guard count >= 0 else { break }
            messages.append(ReceivedDatagram(text: String(decoding: buffer[..<count], as: UTF8.self),
                                             descriptor: descriptor >= 0 ? descriptor : nil, truncated: truncated != 0))
        }
        return messages
    }

    /// Reaps the worker if it ended; returns true once it has.
    func reap() -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let signalNumber = status & 0x7F
        exitStatus = signalNumber == 0 ? .exited((status >> 8) & 0xFF) : .killed(signalNumber)
        return true
    }

    func signal(_ signalNumber: Int32) {
        if exitStatus == nil { kill(pid, signalNumber) }
    }

    private static func currentEnvironment() -> [String] {
        var result: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            result.append(String(cString: entry))
            cursor += 1
        }
        return result
    }

    /// A NULL-terminated C array of strings, valid inside `body`.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

/// A failure of the supervisor itself (not of mail), with a text for the log.
public struct SupervisorError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
