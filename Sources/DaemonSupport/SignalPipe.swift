import Glibc

/// Turns signals into bytes on a pipe the run loop polls.
///
/// A signal handler may only do async-signal-safe things; writing one byte is one. The loop
/// reads the byte and acts outside the handler, between transactions.
public enum SignalPipe {
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    nonisolated(unsafe) private static var readEnd: Int32 = -1
    /// When set, SIGTERM and SIGINT write this line to standard error and end the process at
    /// once, from the handler: for a process with nothing to finish that may be blocked in a
    /// connect for longer than systemd's stop timeout (the supervisor while no worker runs).
    nonisolated(unsafe) private static var exitLine: StaticString?

    /// What a daemon process listens to: stop (TERM, INT) and reload (HUP).
    public static let serviceSignals: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    /// The file descriptor to poll; readable when a signal arrived.
    public static var fileDescriptor: Int32 { readEnd }

    /// Installs the handlers once, from the main thread before the loop starts. The pipe is
    /// close-on-exec, so a worker the supervisor starts does not inherit it.
    public static func install(_ signals: [Int32] = serviceSignals) {
        guard readEnd < 0 else { return }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        readEnd = fds[0]
        writeEnd = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        for signalNumber in signals {
            signal(signalNumber) { number in
                let savedErrno = errno
                defer { errno = savedErrno }
                if let line = SignalPipe.exitLine, number == SIGTERM || number == SIGINT {
                    _ = write(2, line.utf8Start, line.utf8CodeUnitCount)
                    _exit(0)
                }
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(SignalPipe.writeEnd, &byte, 1)
            }
        }
        signal(SIGPIPE, SIG_IGN)
        // The supervisor starts workers with these blocked until their handlers are in place.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in signals { sigaddset(&unblocked, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// Makes SIGTERM and SIGINT end the process at once, writing `line` (nil: back to the pipe).
    /// A static string, so the handler never reads memory that could be freed.
    public static func exitImmediatelyOnStop(_ line: StaticString?) {
        exitLine = line
    }

    /// The signals that arrived since the last call.
    public static func drain() -> [Int32] {
        var received: [Int32] = []
        var byte: UInt8 = 0
        while readEnd >= 0, read(readEnd, &byte, 1) == 1 { received.append(Int32(byte)) }
        return received
    }

    /// Waits until the pipe is readable or `seconds` pass.
    public static func wait(seconds: Double) {
        var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, Int32(max(0, seconds * 1000)))
    }
}
