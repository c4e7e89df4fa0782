import Foundation
import Glibc
import XCTest
import TestMailSupport

/// The local token service (deploy/testmail/oauth/token_service.py), one per test, on the port
/// in KLACHTD_TEST_OAUTH_URL that the test mail server's Dovecot introspects tokens at.
final class OAuthTokenService {
    let url: String
    let port: Int
    private let process: StandInProcess

    /// Skips the test unless the mail server was started with KLACHTD_TEST_OAUTH_URL.
    static func require(_ server: TestMailServer) throws -> String {
        let env = (try? String(contentsOfFile: server.directory + "/ports.env", encoding: .utf8)) ?? ""
        guard let line = env.split(separator: "\n").first(where: { $0.hasPrefix("KLACHTD_TEST_OAUTH_URL=") }) else {
            throw XCTSkip("the test mail server has no OAuth2: start it with KLACHTD_TEST_OAUTH_URL=http://127.0.0.1:PORT deploy/testmail/start.sh DIR")
        }
        return String(line.dropFirst("KLACHTD_TEST_OAUTH_URL=".count))
    }

    init(url: String, arguments: [String]) throws {
        self.url = url
        port = Int(url.split(separator: ":").last ?? "") ?? 0
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../deploy/testmail/oauth/token_service.py").standardized.path
        process = try StandInProcess(name: "token-service", script: script, arguments: ["--port", String(port)] + arguments, url: url)
    }

    func stop() { process.stop() }

    func log() -> String { process.log() }

    /// POST /admin action=...; the JSON reply.
    @discardableResult
    func admin(_ action: String, _ fields: [String: String] = [:]) throws -> [String: Any] {
        try process.admin(action, fields)
    }

    func stat(_ name: String) throws -> Int { try admin("stats")[name] as? Int ?? -1 }

    /// Every token and secret the service has issued or holds: none may show up in klachtd's logs or files.
    func secrets() throws -> [String] {
        let issued = try admin("issued")
        return ["access_tokens", "refresh_tokens", "secrets"].flatMap { issued[$0] as? [String] ?? [] }
    }
}

extension TestMailServer {
    /// Drops every IMAP session of a user, so the next login needs a token again.
    func kick(_ user: String) throws {
        try run(["doveadm", "-c", directory + "/dovecot.conf", "kick", address(user)])
    }

    /// The lines of Dovecot's log that record logins with `method`.
    func logins(method: String) -> Int {
        let log = (try? String(contentsOfFile: directory + "/dovecot.log", encoding: .utf8)) ?? ""
        return log.split(separator: "\n").filter { $0.contains("Login: user=<klachten@example.test>, method=\(method)") }.count
    }
}
