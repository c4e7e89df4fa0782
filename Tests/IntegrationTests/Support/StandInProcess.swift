import Foundation
import Glibc
import TestMailSupport

/// A Python stand-in for a remote service (the OAuth token endpoint, Microsoft Graph), run for
/// one test: started, waited for until its `/admin` answers, asked for its counters, stopped by
/// its own PID. The token service and the Graph stand-in differ only in script and arguments.
final class StandInProcess {
    let name: String
    let url: String
    let caFile: String?
    private var pid: pid_t?
    let logPath: String

    /// Starts `python3 script arguments` and waits up to 10 s for `url/admin` to answer.
    init(name: String, script: String, arguments: [String], url: String, caFile: String? = nil) throws {
        self.name = name
        self.url = url
        self.caFile = caFile
        logPath = NSTemporaryDirectory() + "klachtd-\(name)-\(UUID().uuidString.prefix(8)).log"
        pid = try Subprocess.spawn(["python3", script] + arguments, stdout: logPath, stderr: logPath)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if (try? admin("stats")) != nil { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw NSError(domain: name, code: 1, userInfo: [NSLocalizedDescriptionKey: "\(name) did not start: \(log())"])
    }

    deinit { stop() }

    func stop() {
        guard let running = pid else { return }
        kill(running, SIGTERM)
        _ = Subprocess.wait(running)
        pid = nil
    }

    func log() -> String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// POST /admin action=...; the JSON reply.
    @discardableResult
    func admin(_ action: String, _ fields: [String: String] = [:]) throws -> [String: Any] {
        var arguments = ["curl", "-sf", "--max-time", "5"] + (caFile.map { ["--cacert", $0] } ?? []) + ["-d", "action=\(action)"]
        for (key, value) in fields { arguments += ["-d", "\(key)=\(value)"] }
        let result = try Subprocess.run(arguments + [url + "/admin"])
        guard result.status == 0, let data = result.output.data(using: .utf8),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw NSError(domain: name, code: 2, userInfo: [NSLocalizedDescriptionKey: "admin \(action) failed: \(result.error)"])
        }
        return object
    }
}
