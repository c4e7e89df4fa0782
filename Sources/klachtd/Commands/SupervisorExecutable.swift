import Glibc

/// Finds klachtd-supervisor beside this executable and replaces this process with it.
enum SupervisorExecutable {
    /// The supervisor's path and this executable's (the worker's) absolute path.
    static func besideThisProgram() -> (path: String, worker: String)? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let executable = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = executable.lastIndex(of: "/") else { return nil }
        let supervisor = String(executable[..<slash]) + "/klachtd-supervisor"
        guard access(supervisor, X_OK) == 0 else { return nil }
        return (supervisor, executable)
    }

    /// `execv`: on success this never returns, and the PID (systemd's main PID) stays the same.
    /// Returns the error text when it failed.
    static func replaceThisProcess(with path: String, workerCommand: [String]) -> String {
        let argv = ([path] + workerCommand).map { strdup($0) } + [nil]
        execv(path, argv)
        let problem = String(cString: strerror(errno))
        argv.forEach { free($0) }
        return problem
    }
}
