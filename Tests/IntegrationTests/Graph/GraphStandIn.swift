import Foundation
import Glibc
import XCTest
import TestMailSupport

/// The Microsoft Graph stand-in (deploy/testmail/graph/graph_standin.py), one per test, on
/// KLACHTD_TEST_GRAPH_PORT, serving HTTPS with the test mail server's certificate and backed
/// by its Dovecot (reading) and Postfix (sendMail).
final class GraphStandIn {
    let port: Int
    let server: TestMailServer
    static let tenant = "vlinder.onmicrosoft.test"
    static let clientID = "11111111-2222-3333-4444-555555555555"
    let clientSecret: String
    private let process: StandInProcess

    /// The port, from the environment or the test mail server's ports.env; the test is skipped without one.
    static func requirePort(_ server: TestMailServer) throws -> Int {
        if let port = ProcessInfo.processInfo.environment["KLACHTD_TEST_GRAPH_PORT"].flatMap(Int.init) { return port }
        let env = (try? String(contentsOfFile: server.directory + "/ports.env", encoding: .utf8)) ?? ""
        guard let line = env.split(separator: "\n").first(where: { $0.hasPrefix("KLACHTD_TEST_GRAPH_PORT=") }),
              let port = Int(line.dropFirst("KLACHTD_TEST_GRAPH_PORT=".count)) else {
            throw XCTSkip("no Graph stand-in port: set KLACHTD_TEST_GRAPH_PORT when running deploy/testmail/run-tests.sh")
        }
        return port
    }

    init(server: TestMailServer, roles: String = "Mail.ReadWrite,Mail.Send", rbac: String = "", pageSize: Int = 2, certificate: String? = nil) throws {
        self.server = server
        let port = try Self.requirePort(server)
        self.port = port
        let clientSecret = "gs-\(UUID().uuidString)"
        self.clientSecret = clientSecret
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../deploy/testmail/graph/graph_standin.py").standardized.path
        var arguments = ["--port", String(port), "--cert", server.directory + "/server.pem",
                         "--key", server.directory + "/server.key", "--tenant", Self.tenant,
                         "--client", "\(Self.clientID):\(clientSecret)", "--mailbox", server.address("klachten"),
                         "--imap-port", String(server.imapPort), "--smtp-port", String(server.smtpPort),
                         "--password", server.password, "--roles", roles, "--rbac", rbac, "--page-size", String(pageSize)]
        if let certificate { arguments += ["--certificate-pem", certificate] }
        process = try StandInProcess(name: "graph-standin", script: script, arguments: arguments,
                                     url: "https://127.0.0.1:\(port)", caFile: server.caFile)
    }

    func stop() { process.stop() }

    func log() -> String { process.log() }

    var url: String { "https://127.0.0.1:\(port)" }

    /// POST /admin action=...; the JSON reply.
    @discardableResult
    func admin(_ action: String, _ fields: [String: String] = [:]) throws -> [String: Any] {
        try process.admin(action, fields)
    }

    func stat(_ name: String) throws -> Int { try admin("stats")[name] as? Int ?? -1 }

    /// `[graph]` for this stand-in, replacing the fixture's `[imap]` and `[smtp]`.
    func configure(_ daemon: DaemonFixture, pollInterval: Int = 1, credential: String? = nil, extra: String = "") throws {
        let secretFile = daemon.directory + "/graph.secret"
        try (clientSecret + "\n").write(toFile: secretFile, atomically: true, encoding: .utf8)
        let original = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        var kept: [Substring] = []
        var skipping = false
        for line in original.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("[") { skipping = line == "[imap]" || line == "[smtp]" }
            if !skipping { kept.append(line) }
        }
        let graph = """
            [graph]
            tenant = \(Self.tenant)
            client_id = \(Self.clientID)
            \(credential ?? "client_secret_file = \(secretFile)")
            mailbox = \(server.address("klachten"))
            folder = Inbox
            poll_interval = \(pollInterval)
            authority = \(url)
            endpoint = \(url)/v1.0
            ca_file = \(server.caFile)
            \(extra)
            """
        try (kept.joined(separator: "\n") + "\n" + graph + "\n").write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
    }
}
