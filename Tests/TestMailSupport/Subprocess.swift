import Foundation
import Glibc

/// Runs programs with posix_spawn and waitpid (Foundation's Process was seen to hang here),
/// with standard output and error captured through files.
public enum Subprocess {
    public struct Result {
        public var status: Int32
        public var output: String
        public var error: String
    }

    /// Runs to completion; `input` goes to standard input.
    public static func run(_ arguments: [String], input: [UInt8]? = nil, environment: [String: String] = [:]) throws -> Result {
        let base = NSTemporaryDirectory() + "klachtd-sub-\(UUID().uuidString)"
        let stdinPath = base + ".in", stdoutPath = base + ".out", stderrPath = base + ".err"
        _ = FileManager.default.createFile(atPath: stdinPath, contents: Data(input ?? []))
        defer { for path in [stdinPath, stdoutPath, stderrPath] { try? FileManager.default.removeItem(atPath: path) } }
        let pid = try spawn(arguments, stdin: stdinPath, stdout: stdoutPath, stderr: stderrPath, environment: environment)
        let status = wait(pid)
        let output = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
        let error = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        return Result(status: status, output: output, error: error)
    }

    /// Starts a program in the background; its output goes to `log`.
    public static func spawn(_ arguments: [String], stdin: String = "/dev/null", stdout: String, stderr: String,
                      environment: [String: String] = [:]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard rc == 0 else {
            throw NSError(domain: "Subprocess", code: Int(rc), userInfo: [NSLocalizedDescriptionKey: "cannot start \(arguments[0]): \(String(cString: strerror(rc)))"])
        }
        return pid
    }

    /// Waits for a child; returns its exit status, or 128 + signal when a signal ended it.
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    /// Whether a child has ended, without waiting.
    public static func hasExited(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
