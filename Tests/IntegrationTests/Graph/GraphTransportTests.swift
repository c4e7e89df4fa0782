import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 21: with `[graph]` only (no IMAP, no SMTP login), the complaints mailbox is read and
/// mail is sent through Microsoft Graph: here a stand-in that serves Graph's JSON over HTTPS
/// from the real Dovecot and submits sendMail to the real Postfix.
final class GraphTransportTests: XCTestCase {
    var server: TestMailServer!
    var graph: GraphStandIn?

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        _ = try GraphStandIn.requirePort(server)
        try server.emptyAllMailboxes()
    }

    override func tearDown() {
        graph?.stop()
    }

    func startGraph(roles: String = "Mail.ReadWrite,Mail.Send", rbac: String = "", certificate: String? = nil) throws -> GraphStandIn {
        let started = try GraphStandIn(server: server, roles: roles, rbac: rbac, certificate: certificate)
        graph = started
        return started
    }

    func graphDaemon(_ graph: GraphStandIn, extra: String = "", credential: String? = nil) throws -> DaemonFixture {
        let daemon = try DaemonFixture(server: server)
        try graph.configure(daemon, credential: credential, extra: extra)
        return daemon
    }

    func complaint(_ parent: String, _ subject: String, body: String = "BSO Morel: de deur stond open bij het ophalen.") throws {
        try server.send(from: server.address(parent), to: ["klachten@example.test"], complaintMail(
            from: server.address(parent), name: "Ouder \(parent)", subject: subject, body: body))
    }

    /// Messages in klachten's INBOX with these IMAP search keys (doveadm).
    func count(_ query: String) throws -> Int {
        try server.doveadm(["search", "-u", "klachten@example.test", "mailbox", "INBOX"] + query.split(separator: " ").map(String.init))
            .split(separator: "\n").count
    }

    func testThreeComplaintsBecomeCasesAcknowledgedThroughSendMailAndMarkedRead() throws {
        let graph = try startGraph()
        let daemon = try graphDaemon(graph)
        for parent in ["ouder1", "ouder2", "ouder3"] { try complaint(parent, "Klacht over BSO Morel van \(parent)") }
        try daemon.start()
        defer { daemon.stop() }
        for parent in ["ouder1", "ouder2", "ouder3"] {
            let acknowledgement = try XCTUnwrap(server.waitForInbox(parent, count: 1).first)
            XCTAssertTrue(acknowledgement.subject?.contains("KL-") ?? false, acknowledgement.subject ?? "")
            XCTAssertEqual(acknowledgement.from.first?.address, "klachten@example.test")
            XCTAssertTrue(acknowledgement.messageID?.hasSuffix("@example.test") ?? false, "our Message-ID went through sendMail unchanged")
        }
        XCTAssertEqual(try daemon.cases().count, 3)
        try daemon.waitUntil("the three complaints are marked read in the mailbox") { try count("SEEN") >= 3 }
        let stats = try graph.admin("stats")
        XCTAssertGreaterThanOrEqual(stats["send"] as? Int ?? 0, 3, "the acknowledgements went out through sendMail")
        XCTAssertGreaterThanOrEqual(stats["patch"] as? Int ?? 0, 3)
        // Connections are kept between requests (HTTPHandlePool): a worker's run of calls and the
        // supervisor's delta polls each travel over one, where every call used to open its own.
        let calls = (stats["requests"] as? [Any] ?? []).count + (stats["token"] as? Int ?? 0)
        let connections = stats["connections"] as? Int ?? 0
        print("graph: \(calls) calls over \(connections) connections")
        XCTAssertLessThanOrEqual(connections * 3, calls, "\(calls) calls over \(connections) connections")
        XCTAssertEqual(try count("ALL"), 3, "nothing was deleted")
        XCTAssertFalse(daemon.log().contains("IMAP:"), daemon.log())
    }

    func testHandlersJudgementByReplyReachesTheParent() throws {
        let graph = try startGraph()
        let daemon = try graphDaemon(graph)
        try daemon.useFixedReplySecret()
        try daemon.start()
        defer { daemon.stop() }
        try complaint("ouder4", "Klacht over BSO Morel", body: "Mijn zoon stond om 18:15 nog alleen bij de deur van BSO Morel.")
        let assignment = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 1).last)
        let reference = try ProcedureFixture.reference(of: assignment)
        try ProcedureFixture.send(server, from: "behandelaar1", replyingTo: assignment, body: """
            #oordeel gegrond

            Wij hebben met de pedagogisch medewerkers gesproken. Uw zoon had niet alleen bij de deur mogen wachten.
            """)
        let letters = try server.waitForInbox("ouder4", count: 2, timeout: 30)
        let letter = try XCTUnwrap(letters.last)
        XCTAssertTrue(letter.subject?.contains("[\(reference)]") ?? false, letter.subject ?? "")
        XCTAssertTrue(letter.text?.contains("niet alleen bij de deur mogen wachten") ?? false, letter.text ?? "")
        XCTAssertEqual(letter.inReplyTo.first, letters.first?.inReplyTo.first, "the letter is in the parent's thread")
        XCTAssertEqual(try daemon.caseDetail(reference)["outcome"] as? String, "gegrond")
    }

    func testExpiredDeltaLinkStartsAFullSyncThatCreatesNothingTwice() throws {
        let graph = try startGraph()
        let daemon = try graphDaemon(graph)
        try complaint("ouder1", "Klacht over het eten")
        try complaint("ouder2", "Klacht over de opvang")
        try complaint("ouder3", "Klacht over de deur")
        try daemon.start()
        defer { daemon.stop() }
        try daemon.waitUntil("three cases") { try daemon.cases().count == 3 }
        try graph.admin("expire_delta")
        try complaint("ouder5", "Nog een klacht over BSO Morel")
        try daemon.waitUntil("the fourth case") { try daemon.cases().count == 4 }
        Thread.sleep(forTimeInterval: 3)
        XCTAssertGreaterThanOrEqual(try graph.stat("expired_delta"), 1, "the delta link did expire")
        XCTAssertEqual(try daemon.cases().count, 4, "the full sync created nothing twice")
        XCTAssertEqual(try server.inbox("ouder1").count, 1, "one acknowledgement, not two")
        XCTAssertTrue(daemon.log().contains("410 syncStateNotFound"), daemon.log())
    }

    func testNoRequestGoesOutBeforeRetryAfterHasPassed() throws {
        let graph = try startGraph()
        let daemon = try graphDaemon(graph)
        try complaint("ouder1", "Klacht over BSO Morel")
        try graph.admin("throttle", ["count": "2", "seconds": "3"])
        try graph.admin("unavailable", ["count": "1", "seconds": "2"])
        try daemon.start()
        defer { daemon.stop() }
        _ = try server.waitForInbox("ouder1", count: 1, timeout: 40)
        let stats = try graph.admin("stats")
        let requests = (stats["requests"] as? [[Any]] ?? []).compactMap { $0.first as? Double }.sorted()
        let throttles = (stats["throttles"] as? [[Double]] ?? [])
        XCTAssertEqual(throttles.count, 3, "two 429s and one 503 were answered")
        for throttle in throttles {
            let (at, seconds) = (throttle[0], throttle[1])
            // The throttled request itself is logged at `at`; the next one must wait the whole Retry-After.
            if let next = requests.first(where: { $0 > at + 0.001 }) {
                XCTAssertGreaterThanOrEqual(next - at, seconds - 0.05, "a request went out \(next - at) s after a Retry-After of \(seconds) s")
                // And not much later: the Retry-After was read, not a guessed default waited.
                XCTAssertLessThan(next - at, seconds + 1.5, "the next request came \(next - at) s after a Retry-After of \(seconds) s")
            }
        }
    }

    func testTokenThatExpiresMidRunIsRenewed() throws {
        let graph = try startGraph()
        let daemon = try graphDaemon(graph)
        try daemon.start()
        defer { daemon.stop() }
        try complaint("ouder1", "Klacht over BSO Morel")
        _ = try server.waitForInbox("ouder1", count: 1)
        let tokensBefore = try graph.stat("token")
        try graph.admin("expire_tokens")
        try complaint("ouder2", "Klacht over de BSO")
        _ = try server.waitForInbox("ouder2", count: 1, timeout: 30)
        XCTAssertGreaterThan(try graph.stat("token"), tokensBefore, "a new token was fetched")
        XCTAssertGreaterThanOrEqual(try graph.stat("unauthorized"), 1, "the old one was refused first")
        XCTAssertEqual(try daemon.cases().count, 2)
        // No access token, secret or delta token in the log, the status file or the database's text.
        let tokens = try graph.admin("stats")["tokens"] as? [String] ?? []
        XCTAssertFalse(tokens.isEmpty)
        let files = [daemon.log(), (try? String(contentsOfFile: daemon.databasePath + ".oauth-status.json", encoding: .utf8)) ?? ""]
        for secret in tokens + [graph.clientSecret] {
            for text in files { XCTAssertFalse(text.contains(secret), "a token or the secret leaked") }
        }
        XCTAssertFalse(daemon.log().contains("$deltatoken"), "delta links are not logged")
    }

    /// `client_secret_expires` works as for `[oauth]`: the quality staff are warned, by sendMail.
    func testStaffAreWarnedBeforeTheGraphClientSecretExpires() throws {
        let graph = try startGraph()
        let expiry = Date().addingTimeInterval(10 * 86_400).formatted(.iso8601.year().month().day())
        let daemon = try graphDaemon(graph, extra: "client_secret_expires = \(expiry)")
        try daemon.start()
        defer { daemon.stop() }
        let warning = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).first)
        XCTAssertEqual(warning.subject, "klachtd: het clientgeheim verloopt op \(expiry)")
        XCTAssertGreaterThanOrEqual(try graph.stat("send"), 1, "the warning went out through Graph")
        let status = try daemon.klachtd(["oauth", "status"])
        XCTAssertTrue(status.output.contains("client secret expires: \(expiry)"), status.output)
    }

    func testCheckConfigConnectNamesMissingMailSend() throws {
        let graph = try startGraph(roles: "Mail.ReadWrite")
        let daemon = try graphDaemon(graph)
        let result = try daemon.klachtd(["check-config", "--connect"])
        XCTAssertEqual(result.status, 1, result.output + result.error)
        XCTAssertTrue(result.output.contains("missing Mail.Send"), result.output)
        XCTAssertFalse(result.output.contains("missing Mail.ReadWrite"), result.output)
        XCTAssertTrue(result.output.contains("Graph folder Inbox of klachten@example.test"), result.output)
        XCTAssertTrue(result.output.contains("Grant admin consent"), result.output)
    }

    /// Scoped with Exchange Online RBAC for Applications, the token names no Mail roles: the
    /// folder read shows access works, so that is reported as such, not as missing permissions.
    func testCheckConfigRecognisesAccessGrantedByExchangeRBAC() throws {
        let graph = try startGraph(roles: "", rbac: "Mail.ReadWrite,Mail.Send")
        let daemon = try graphDaemon(graph)
        let result = try daemon.klachtd(["check-config", "--connect"])
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("Exchange Online RBAC for Applications"), result.output)
        XCTAssertTrue(result.output.contains("Test-ServicePrincipalAuthorization"), result.output)
    }

    func testCheckConfigWithACertificateInsteadOfASecret() throws {
        let directory = NSTemporaryDirectory() + "klachtd-graph-cert-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let made = try Subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=klachtd",
                                       "-keyout", directory + "/app.key", "-out", directory + "/app.crt"])
        XCTAssertEqual(made.status, 0, made.error)
        let pem = try String(contentsOfFile: directory + "/app.key", encoding: .utf8) + String(contentsOfFile: directory + "/app.crt", encoding: .utf8)
        try pem.write(toFile: directory + "/app.pem", atomically: true, encoding: .utf8)
        let graph = try startGraph(certificate: directory + "/app.crt")
        let daemon = try graphDaemon(graph, credential: "certificate_file = \(directory)/app.pem")
        let result = try daemon.klachtd(["check-config", "--connect"])
        XCTAssertEqual(result.status, 0, result.output + result.error + graph.log())
        XCTAssertTrue(result.output.contains("Mail.ReadWrite and Mail.Send granted"), result.output)
    }

    func testGraphWithImapSectionIsRefusedByCheckConfig() throws {
        let graph = try startGraph()
        let daemon = try graphDaemon(graph)
        let text = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        try (text + "\n[imap]\nurl = imap://127.0.0.1:\(server.imapPort)/INBOX\n").write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        let result = try daemon.klachtd(["check-config"])
        XCTAssertEqual(result.status, 78, result.output + result.error)
        XCTAssertTrue(result.error.contains("[graph] and [imap] are both present"), result.error)
    }

    /// Graph has no IDLE: once the worker hands over, the supervisor (without Foundation) asks the
    /// stored delta link every poll_interval and starts a worker when it lists anything.
    func testTheSupervisorWatchesTheDeltaLinkAndStaysSmall() throws {
        let graph = try startGraph()
        let daemon = try graphDaemon(graph, extra: "")
        let text = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        try (text + "\n[service]\nworker_linger = 1\n").write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.start()
        defer { daemon.stop() }
        let supervisor = try XCTUnwrap(daemon.pidIfRunning)
        try daemon.waitUntil("the first worker hands over", timeout: 30) {
            daemon.log().contains("the supervisor watches the mailbox") && daemon.workerPIDs.isEmpty
        }
        let deltaBefore = try graph.stat("delta")
        Thread.sleep(forTimeInterval: 3)
        XCTAssertGreaterThanOrEqual(try graph.stat("delta") - deltaBefore, 2, "the supervisor polls the delta link every second")
        XCTAssertTrue(daemon.workerPIDs.isEmpty, "an unchanged mailbox starts no worker")
        let status = DaemonFixture.procFile("/proc/\(supervisor)/status")
        let rss = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        XCTAssertLessThan(rss, 20 * 1024, "idle resident memory \(rss) KiB")
        XCTAssertFalse(DaemonFixture.procFile("/proc/\(supervisor)/maps").contains("libFoundation"))
        print("graph idle supervisor VmRSS: \(rss) KiB")

        try complaint("ouder6", "Klacht over BSO Morel")
        _ = try server.waitForInbox("ouder6", count: 1, timeout: 20)
        XCTAssertTrue(daemon.log().contains("klachtd started (worker, mail)"), daemon.log())
        XCTAssertEqual(try daemon.cases().count, 1)
    }
}
