import Foundation
import Glibc
import XCTest
import TestMailSupport

/// A klachtd installation for one test: its own directory, configuration and database,
/// driving the real `klachtd` executable as an operator would.
final class DaemonFixture {
    let server: TestMailServer
    let directory: String
    let configPath: String
    let databasePath: String
    private(set) var pid: pid_t?
    var logPath: String { directory + "/klachtd.log" }

    init(server: TestMailServer, extraConfiguration: String = "") throws {
        self.server = server
        directory = NSTemporaryDirectory() + "klachtd-it-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        configPath = directory + "/klachtd.conf"
        databasePath = directory + "/klachtd.sqlite"
        let secret = directory + "/imap.secret"
        try (server.password + "\n").write(toFile: secret, atomically: true, encoding: .utf8)
        try server.configuration(database: databasePath, secretFile: secret, extra: extraConfiguration)
            .write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    deinit {
        if let pid { kill(pid, SIGKILL); _ = Subprocess.wait(pid) }
    }

    /// The klachtd executable built beside the test bundle (or $KLACHTD_BINARY).
    static var binary: String {
        if let explicit = ProcessInfo.processInfo.environment["KLACHTD_BINARY"] { return explicit }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("klachtd").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../.build/debug/klachtd").standardized.path
    }

    /// Runs `klachtd ARGS --config ...` to completion.
    @discardableResult
    func klachtd(_ arguments: [String], input: [UInt8]? = nil) throws -> Subprocess.Result {
        try Subprocess.run([Self.binary] + arguments + ["--config", configPath], input: input)
    }

    /// `klachtd deliver --now MOMENT` with a message; fails the test when it is not stored.
    func deliver(_ message: String, at moment: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try klachtd(["deliver", "--now", moment], input: Array(message.utf8))
        XCTAssertEqual(result.status, 0, result.error, file: file, line: line)
    }

    /// `klachtd tick --now MOMENT`; returns the lines it printed.
    @discardableResult
    func tick(at moment: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let result = try klachtd(["tick", "--now", moment])
        XCTAssertEqual(result.status, 0, result.error, file: file, line: line)
        return result.output.split(separator: "\n").map(String.init)
    }

    /// Starts `klachtd run` in the background and waits until it says it has started.
    /// Signs reply tokens with a fixed secret file (`[organisation] secret_file`), as an
    /// organisation that configures its own would, so a test can build valid reply addresses.
    func useFixedReplySecret() throws {
        let secret = directory + "/reply.secret"
        try "integration-test-secret-0123456789abcdef\n".write(toFile: secret, atomically: true, encoding: .utf8)
        let configuration = try String(contentsOfFile: configPath, encoding: .utf8)
            .replacingOccurrences(of: "[organisation]\n", with: "[organisation]\nsecret_file = \(secret)\n")
        try configuration.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    func start(environment: [String: String] = [:]) throws {
        precondition(pid == nil, "the daemon is already running")
        let startsBefore = log().components(separatedBy: "klachtd started").count
        pid = try Subprocess.spawn([Self.binary, "run", "--config", configPath], stdout: logPath, stderr: logPath, environment: environment)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, log().components(separatedBy: "klachtd started").count == startsBefore, pidIfRunning != nil {
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// SIGTERM, and the exit status (the daemon must stop within 10 seconds).
    @discardableResult
    func stop() -> Int32? {
        guard let running = pid else { return nil }
        kill(running, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let status = Subprocess.hasExited(running) { pid = nil; return status }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(running, SIGKILL)
        _ = Subprocess.wait(running)
        pid = nil
        return nil
    }

    /// The daemon's PID while it still runs.
    var pidIfRunning: pid_t? {
        guard let running = pid else { return nil }
        if Subprocess.hasExited(running) != nil { pid = nil; return nil }
        return running
    }

    /// The daemon's child processes (its workers), from /proc.
    var workerPIDs: [pid_t] {
        guard let parent = pid, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { pid_t($0) }.filter { Self.runningParent(of: $0) == parent }
    }

    /// The parent of `pid` while it runs; nil when it is gone or a zombie.
    static func runningParent(of pid: pid_t) -> pid_t? {
        let stat = procFile("/proc/\(pid)/stat")
        guard let close = stat.lastIndex(of: ")") else { return nil }
        // After "pid (name)": the state, then the parent's PID.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 2, fields[0] != "Z" else { return nil }
        return pid_t(fields[1])
    }

    /// A /proc file whole: they report size 0, and Foundation's readers stop early on them.
    static func procFile(_ path: String) -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// SIGKILL: the crash a power cut or the OOM killer causes.
    func crash() {
        guard let running = pid else { return }
        kill(running, SIGKILL)
        _ = Subprocess.wait(running)
        pid = nil
    }

    /// `klachtd cases --json`, decoded.
    func cases() throws -> [[String: Any]] {
        let result = try klachtd(["cases", "--json"])
        guard result.status == 0, let data = result.output.data(using: .utf8),
              let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw NSError(domain: "DaemonFixture", code: 1, userInfo: [NSLocalizedDescriptionKey: "cases --json failed: \(result.error)"])
        }
        return array
    }

    /// `klachtd case REF --json`, decoded.
    func caseDetail(_ reference: String) throws -> [String: Any] {
        let result = try klachtd(["case", reference, "--json"])
        guard result.status == 0, let data = result.output.data(using: .utf8),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw NSError(domain: "DaemonFixture", code: 1, userInfo: [NSLocalizedDescriptionKey: "case --json failed: \(result.error)"])
        }
        return object
    }

    /// Waits until `condition` holds, polling; fails the test with `what` when it never does.
    func waitUntil(_ what: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line,
                   _ condition: () throws -> Bool) rethrows {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.2)
        } while Date() < deadline
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        XCTFail("timed out after \(Int(timeout)) s waiting for: \(what)\n--- daemon log ---\n\(log.suffix(3000))", file: file, line: line)
    }

    func log() -> String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
}

/// A plain complaint as a parent's mail client sends it; `extraHeaders` are whole header lines.
func complaintMail(from: String, name: String, subject: String, body: String, messageID: String = "\(UUID().uuidString)@ouders.example.test",
                   extraHeaders: [String] = []) -> String {
    let headers = [
        "From: \(name) <\(from)>", "To: klachten@example.test", "Subject: \(subject)",
        "Date: Mon, 16 Nov 2026 09:12:00 +0100", "Message-ID: <\(messageID)>", "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
    ] + extraHeaders
    return headers.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
}
