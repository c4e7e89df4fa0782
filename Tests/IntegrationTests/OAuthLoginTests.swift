import Foundation
import XCTest
import TestMailSupport

/// Issue 9: IMAP and SMTP with OAuth2 against the real Dovecot (oauth2 passdb) and Postfix, with a local token service.
final class OAuthLoginTests: XCTestCase {
    var server: TestMailServer!
    var tokenURL = ""
    var tokens: OAuthTokenService?
    let clientSecret = "cs-\(UUID().uuidString)"

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        tokenURL = try OAuthTokenService.require(server)
        try server.emptyAllMailboxes()
    }

    override func tearDown() {
        tokens?.stop()
    }

    /// `[imap]`, `[smtp]` and `[oauth]` replacing the fixture's password sections (the last section of a name wins).
    func oauthConfiguration(provider: String, smtpOverSubmission: Bool, mechanism: String, extra: String, directory: String) -> String {
        let smtp = smtpOverSubmission ? """
            [smtp]
            url = smtp://127.0.0.1:\(server.submissionPort)
            username = klachten@example.test
            auth = \(mechanism)
            starttls = required
            ca_file = \(server.caFile)
            """ : """
            [smtp]
            url = smtp://127.0.0.1:\(server.smtpPort)
            starttls = no
            """
        return """
            [imap]
            url = imap://127.0.0.1:\(server.imapPort)/INBOX
            username = klachten@example.test
            auth = \(mechanism)
            starttls = required
            ca_file = \(server.caFile)
            poll_interval = 2
            \(smtp)
            [oauth]
            provider = \(provider)
            token_url = \(tokenURL)/token
            authorize_url = \(tokenURL)/authorize
            redirect_uri = http://127.0.0.1/klachtd-done
            client_id = \(provider == "microsoft" ? "klachtd-app" : "klachtd-public")
            scope = https://outlook.office365.com/.default
            \(provider == "microsoft" ? "client_secret_file = \(directory)/oauth-client.secret" : "refresh_token_file = \(directory)/oauth-refresh-token")
            \(extra)
            """
    }

    /// A daemon whose configuration (written after the fixture's) logs in with OAuth2.
    func oauthDaemon(provider: String, smtpOverSubmission: Bool = true, mechanism: String = "xoauth2", extra: String = "") throws -> DaemonFixture {
        let daemon = try DaemonFixture(server: server)
        try (clientSecret + "\n").write(toFile: daemon.directory + "/oauth-client.secret", atomically: true, encoding: .utf8)
        let base = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        try (base + "\n" + oauthConfiguration(provider: provider, smtpOverSubmission: smtpOverSubmission, mechanism: mechanism,
                                                     extra: extra, directory: daemon.directory))
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        return daemon
    }

    func startTokens(_ arguments: [String]) throws -> OAuthTokenService {
        let service = try OAuthTokenService(url: tokenURL, arguments: arguments)
        tokens = service
        return service
    }

    func complaint(_ parent: String, _ subject: String) throws {
        try server.send(from: "\(parent)@example.test", to: ["klachten@example.test"], complaintMail(
            from: "\(parent)@example.test", name: "Ouder", subject: subject, body: "BSO Morel: de deur stond open."))
    }

    /// No token, refresh token or client secret in the log, the database, or the status file.
    func assertNoSecretsLeaked(_ daemon: DaemonFixture, _ service: OAuthTokenService, file: StaticString = #filePath, line: UInt = #line) throws {
        let secrets = try service.secrets() + [clientSecret]
        XCTAssertFalse(secrets.isEmpty)
        let files = [daemon.logPath, daemon.databasePath, daemon.databasePath + "-wal", daemon.databasePath + ".oauth-status.json"]
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for secret in secrets {
                XCTAssertFalse(text.contains(secret), "\(path) holds a token or secret", file: file, line: line)
            }
        }
    }

    func testFetchesAndSendsWithXOAUTH2AndSurvivesAnExpiredToken() throws {
        let service = try startTokens(["--client", "klachtd-app:\(clientSecret):klachten@example.test"])
        let daemon = try oauthDaemon(provider: "microsoft")
        let imapLogins = server.logins(method: "XOAUTH2")
        try daemon.start()
        defer { daemon.stop() }
        try complaint("ouder1", "Klacht BSO Morel")
        try server.waitForInbox("ouder1", count: 1)
        try server.waitForInbox("behandelaar1", count: 1)
        XCTAssertGreaterThan(server.logins(method: "XOAUTH2"), imapLogins, "IMAP logged in with XOAUTH2")
        let postfixLog = (try? String(contentsOfFile: server.directory + "/postfix.log", encoding: .utf8)) ?? ""
        XCTAssertTrue(postfixLog.contains("sasl_method=XOAUTH2, sasl_username=klachten@example.test"), "SMTP logged in with XOAUTH2")
        XCTAssertEqual(try service.stat("client_credentials"), 1, "one token serves IMAP and SMTP")

        // The server stops accepting every token issued so far; the daemon's next login is refused.
        try service.admin("expire")
        try server.kick("klachten")
        try complaint("ouder2", "Nog een klacht BSO Morel")
        try server.waitForInbox("ouder2", count: 1, timeout: 30)
        XCTAssertGreaterThanOrEqual(try service.stat("client_credentials"), 2, "a refused token was replaced")
        XCTAssertGreaterThanOrEqual(try service.stat("introspect_inactive"), 1)
        XCTAssertEqual(try daemon.cases().count, 2, "nothing lost")
        XCTAssertTrue(daemon.log().contains("the token was refused; fetching a new one"), daemon.log())

        let status = try daemon.klachtd(["oauth", "status"])
        XCTAssertEqual(status.status, 0, status.output + status.error)
        XCTAssertTrue(status.output.contains("OAuth2 provider: microsoft"))
        XCTAssertTrue(status.output.contains("access token expires: 20"), status.output)
        let overall = try daemon.klachtd(["status", "--json"])
        let facts = try JSONSerialization.jsonObject(with: Data(overall.output.utf8)) as? [String: Any]
        let oauth = facts?["oauth"] as? [String: Any]
        XCTAssertEqual(oauth?["provider"] as? String, "microsoft", overall.output)
        XCTAssertNotNil(oauth?["token_expires_at"] as? String, "klachtd status shows the token's expiry")
        XCTAssertNotNil(oauth?["token_issued_at"] as? String, "and its age")
        try assertNoSecretsLeaked(daemon, service)
    }

    func testTokensAreRenewedAheadOfExpiry() throws {
        let service = try startTokens(["--client", "klachtd-app:\(clientSecret):klachten@example.test", "--lifetime", "5"])
        let daemon = try oauthDaemon(provider: "microsoft")
        try daemon.start()
        defer { daemon.stop() }
        try complaint("ouder3", "Klacht Morel")
        try server.waitForInbox("ouder3", count: 1)
        Thread.sleep(forTimeInterval: 5)
        try server.kick("klachten")
        try complaint("ouder4", "Klacht Morel twee")
        try server.waitForInbox("ouder4", count: 1, timeout: 30)
        XCTAssertGreaterThanOrEqual(try service.stat("client_credentials"), 2)
        XCTAssertEqual(try service.stat("introspect_inactive"), 0, "the token was replaced before the server refused it")
        XCTAssertFalse(daemon.log().contains("the token was refused"), daemon.log())
        XCTAssertEqual(try daemon.cases().count, 2)
    }

    func testRotatedRefreshTokenIsStoredAndUsed() throws {
        let service = try startTokens(["--client", "klachtd-public::klachten@example.test",
                                       "--refresh-token", "rt-first:klachtd-public:klachten@example.test", "--rotate"])
        let daemon = try oauthDaemon(provider: "refresh_token")
        let file = daemon.directory + "/oauth-refresh-token"
        try "rt-first\n".write(toFile: file, atomically: true, encoding: .utf8)
        try daemon.start()
        defer { daemon.stop() }
        try complaint("ouder5", "Klacht Morel")
        try server.waitForInbox("ouder5", count: 1)
        let stored = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertNotEqual(stored, "rt-first")
        XCTAssertTrue(try service.secrets().contains(stored), "the stored refresh token is the service's current one")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)

        try service.admin("expire")
        try server.kick("klachten")
        try complaint("ouder6", "Klacht Morel opnieuw")
        try server.waitForInbox("ouder6", count: 1, timeout: 30)
        let second = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertNotEqual(second, stored, "the second rotation is stored too")
        XCTAssertGreaterThanOrEqual(try service.stat("rotations"), 2)
        XCTAssertTrue(daemon.log().contains("rotated the refresh token"))
        try assertNoSecretsLeaked(daemon, service)
    }

    func testRevokedClientSecretIsReportedToTheQualityStaffAndTheRecoveryToo() throws {
        let service = try startTokens(["--client", "klachtd-app:\(clientSecret):klachten@example.test"])
        // Warnings must reach the staff while OAuth2 is broken: this site sends through the relay port.
        let daemon = try oauthDaemon(provider: "microsoft", smtpOverSubmission: false)
        try daemon.start()
        defer { daemon.stop() }
        try complaint("ouder7", "Klacht Morel")
        try server.waitForInbox("ouder7", count: 1)

        try service.admin("revoke_secret", ["client_id": "klachtd-app"])
        try service.admin("expire")
        try server.kick("klachten")
        let warning = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1, timeout: 30).first)
        XCTAssertEqual(warning.subject, "klachtd kan niet meer inloggen op de mailserver")
        XCTAssertTrue(warning.text?.contains("invalid_client") ?? false, warning.text ?? "")
        XCTAssertTrue(daemon.log().contains("telling the quality staff"))
        let status = try daemon.klachtd(["oauth", "status"])
        XCTAssertEqual(status.status, 1)
        XCTAssertTrue(status.output.contains("FAILING since"), status.output)

        try service.admin("set_secret", ["client_id": "klachtd-app", "secret": clientSecret])
        let messages = try server.waitForInbox("kwaliteit", count: 2, timeout: 45)
        XCTAssertEqual(messages.last?.subject, "klachtd kan weer inloggen op de mailserver")
        Thread.sleep(forTimeInterval: 3)
        XCTAssertEqual(try server.inbox("kwaliteit").count, 2, "each warning once")
        try assertNoSecretsLeaked(daemon, service)
    }

    func testCheckConfigConnectNamesTheStepThatFailed() throws {
        let service = try startTokens(["--client", "klachtd-app:\(clientSecret):klachten@example.test"])
        let daemon = try oauthDaemon(provider: "microsoft")
        var result = try daemon.klachtd(["check-config", "--connect"])
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("OAuth2 token (microsoft"), result.output)
        XCTAssertTrue(result.output.contains("(xoauth2): ok, 0 message(s) in INBOX"), result.output)

        try service.admin("revoke_secret", ["client_id": "klachtd-app"])
        result = try daemon.klachtd(["check-config", "--connect"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("failed (token endpoint, refused)"), result.output)
        XCTAssertTrue(result.output.contains("invalid_client"), result.output)
        XCTAssertTrue(result.output.contains("not tried: no OAuth2 token"), result.output)

        service.stop()
        result = try daemon.klachtd(["check-config", "--connect"])
        XCTAssertTrue(result.output.contains("failed (token endpoint, TCP)"), result.output)
        XCTAssertFalse(result.output.contains(clientSecret))
    }

    func testOAuthLoginStoresTheRefreshToken() throws {
        let service = try startTokens(["--client", "klachtd-public::klachten@example.test", "--rotate"])
        let daemon = try oauthDaemon(provider: "refresh_token")
        // A person opens the printed address; the service signs in and redirects with a code, which is pasted back.
        let script = """
            coproc LOGIN { "$0" oauth login --config "$1" 2>&1; }
            pid=$LOGIN_PID
            while read -r line <&"${LOGIN[0]}"; do
                case "$line" in http*) url="$line"; break;; esac
            done
            redirect="$(curl -s -o /dev/null -w '%{redirect_url}' "$url")"
            echo "$redirect" >&"${LOGIN[1]}"
            cat <&"${LOGIN[0]}"
            wait "$pid"
            """
        let result = try Subprocess.run(["bash", "-c", script, DaemonFixture.binary, daemon.configPath])
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("Refresh token stored"), result.output)
        let stored = try String(contentsOfFile: daemon.directory + "/oauth-refresh-token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(try service.secrets().contains(stored))
        XCTAssertFalse(result.output.contains(stored), "the token is never printed")
        XCTAssertEqual(try service.stat("authorization_code"), 1)
    }

    func testOAuthBearerAndATokenCommandLogInToo() throws {
        let service = try startTokens(["--client", "klachtd-app:\(clientSecret):klachten@example.test"])
        let command = "curl -sf -d grant_type=client_credentials -d client_id=klachtd-app -d client_secret=\(clientSecret) \(tokenURL)/token"
            + " | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"access_token\"])'"
        let daemon = try oauthDaemon(provider: "command", mechanism: "oauthbearer", extra: "token_command = \(command)")
        let before = server.logins(method: "OAUTHBEARER")
        let result = try daemon.klachtd(["check-config", "--connect"])
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("IMAP imap://127.0.0.1:\(server.imapPort)/INBOX (oauthbearer): ok"), result.output)
        XCTAssertTrue(result.output.contains("SMTP smtp://127.0.0.1:\(server.submissionPort) (oauthbearer): ok"), result.output)
        XCTAssertGreaterThan(server.logins(method: "OAUTHBEARER"), before)
        XCTAssertEqual(try service.stat("client_credentials"), 1)
    }

    func testStaffAreWarnedBeforeTheSecretExpiresAndWhenTheRefreshTokenGetsOld() throws {
        let service = try startTokens(["--client", "klachtd-public::klachten@example.test",
                                       "--refresh-token", "rt-old:klachtd-public:klachten@example.test"])
        let expiry = Date().addingTimeInterval(10 * 86_400).formatted(.iso8601.year().month().day())
        let daemon = try oauthDaemon(provider: "refresh_token", smtpOverSubmission: false,
                                     extra: "client_secret_expires = \(expiry)\nwarn_refresh_token_age_days = 60")
        let file = daemon.directory + "/oauth-refresh-token"
        try "rt-old\n".write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-70 * 86_400)], ofItemAtPath: file)
        try daemon.start()
        defer { daemon.stop() }
        let warnings = try server.waitForInbox("kwaliteit", count: 2)
        let subjects = Set(warnings.compactMap(\.subject))
        XCTAssertTrue(subjects.contains("klachtd: het clientgeheim verloopt op \(expiry)"), "\(subjects)")
        XCTAssertTrue(subjects.contains("klachtd: OAuth-toegang verloopt binnenkort"), "\(subjects)")

        // The provider starts rotating: the next refresh renews the token, and the staff hear so.
        try service.admin("rotate", ["on": "1"])
        try service.admin("expire")
        try server.kick("klachten")
        let all = try server.waitForInbox("kwaliteit", count: 3, timeout: 30)
        XCTAssertEqual(all.last?.subject, "klachtd: OAuth-toegang is vernieuwd")
        let status = try daemon.klachtd(["oauth", "status"])
        XCTAssertTrue(status.output.contains("client secret expires: \(expiry)"), status.output)
        XCTAssertTrue(status.output.contains("refresh token renewed:"), status.output)
    }
}
