import Foundation
import Glibc

/// A token printed by a command (`token_command`): for Google service accounts, vault tools and the like.
///
/// Spawned with `posix_spawn` through `/bin/sh -c` (Foundation's `Process` was seen to hang);
/// the first line of standard output is the token, standard error is discarded (it may hold secrets).
public final class CommandTokenSource: TokenSource {
    public let kind = "command"
    let command: String
    let timeoutSeconds: Int

    public init(command: String, timeoutSeconds: Int) {
        self.command = command
        self.timeoutSeconds = timeoutSeconds
    }

    public func fetch(now: Date) throws(TokenFailure) -> AccessToken {
        let output = try run()
        let token = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        guard !token.isEmpty else { throw .command("it printed no token") }
        return AccessToken(value: token, issuedAt: now, expiresAt: nil)
    }

    private func run() throws(TokenFailure) -> [UInt8] {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw .command("no pipe: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        let arguments = ["/bin/sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, &argv, environ)
        close(pipeEnds[1])
        guard spawned == 0 else {
            close(pipeEnds[0])
            throw .command("cannot start /bin/sh: \(String(cString: strerror(spawned)))")
        }
        let output = readAll(pipeEnds[0], deadline: Date().addingTimeInterval(Double(timeoutSeconds)))
        close(pipeEnds[0])
        if output == nil { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard let output else { throw .command("no answer within \(timeoutSeconds) s, killed") }
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else { throw .command(exited ? "exit status \(code)" : "killed by signal \(status & 0x7f)") }
        return output
    }

    /// Reads until end of file; nil when the deadline passes first.
    private func readAll(_ fd: Int32, deadline: Date) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { continue }
            let n = read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > 65_536 { return bytes }
        }
    }
}
