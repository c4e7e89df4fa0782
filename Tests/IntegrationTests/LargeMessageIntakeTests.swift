import CaseStore
import Digests
import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 17 (6, 7, 12): large messages are kept without being read whole, `deliver` never
/// makes the mail server bounce a complaint, and files with personal data are private.
final class LargeMessageIntakeTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    /// An iPhone complaint with a photo attached, about `megabytes` MB in all.
    func photoComplaint(from: String, megabytes: Double) -> String {
        var generator = SystemRandomNumberGenerator()
        let photo = (0..<Int(megabytes * 750_000)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let base64 = Data(photo).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return """
            From: Ouder Tien <\(from)>\r
            Content-Type: multipart/mixed; boundary=Apple-Mail-3C1F0A2B\r
            Mime-Version: 1.0 (1.0)\r
            Subject: Klacht over BSO Morel met foto\r
            Date: Mon, 16 Nov 2026 09:12:00 +0100\r
            Message-Id: <\(UUID().uuidString)@ouders.example.test>\r
            To: klachten@example.test\r
            X-Mailer: iPhone Mail (21F90)\r
            \r
            --Apple-Mail-3C1F0A2B\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Goedemiddag,=0A=0AZie de foto van de situatie bij BSO Morel.\r
            \r
            Verstuurd vanaf mijn iPhone\r
            --Apple-Mail-3C1F0A2B\r
            Content-Type: image/jpeg; name=IMG_4312.jpeg\r
            Content-Disposition: attachment; filename=IMG_4312.jpeg\r
            Content-Transfer-Encoding: base64\r
            \r
            \(base64)\r
            --Apple-Mail-3C1F0A2B--\r

            """
    }

    func testAnIMAPMessageOverTheLimitIsStoredWholeUnreadQuarantinedAndMarked() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[limits]\nmax_message_bytes = 1000000\n")
        let big = photoComplaint(from: "ouder10@example.test", megabytes: 2.6)
        try server.send(from: "ouder10@example.test", to: ["klachten@example.test"], big)
        try daemon.start()
        let notice = try XCTUnwrap(server.waitForInbox("kwaliteit", count: 1).first)
        XCTAssertTrue(notice.subject?.contains("quarantaine") ?? false, notice.subject ?? "")
        daemon.stop()
        XCTAssertTrue(try daemon.cases().isEmpty)
        let store = try CaseStore(path: daemon.databasePath)
        let held = try XCTUnwrap(store.quarantined().first)
        XCTAssertTrue(held.note?.contains("larger than the limit of 1000000 bytes") ?? false, held.note ?? "")
        XCTAssertTrue(held.note?.contains("stored unread") ?? false, "judged by the size the server reports: " + (held.note ?? ""))
        // Kept whole, byte for byte as the server has it, although it was never fetched whole.
        let stored = try XCTUnwrap(store.rawMessage(id: held.id))
        let onServer = try server.doveadm(["fetch", "-u", "klachten@example.test", "size.virtual", "mailbox", "INBOX", "all"])
        XCTAssertTrue(onServer.contains(String(stored.bytes.count)), onServer)
        XCTAssertEqual(SHA256.hexDigest(stored.bytes), stored.sha256)
        XCTAssertEqual(MessageParser.parse(stored.bytes).subject, "Klacht over BSO Morel met foto")
        let flags = try server.doveadm(["fetch", "-u", "klachten@example.test", "flags", "mailbox", "INBOX", "all"])
        XCTAssertTrue(flags.contains("$KlachtdProcessed") || flags.lowercased().contains("klachtd"), flags)
    }

    func testDeliverStoresAMessageOverTheLimitUnreadAndQuarantined() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[limits]\nmax_message_bytes = 1000000\n")
        let big = photoComplaint(from: "ouder11@example.test", megabytes: 3)
        let result = try daemon.klachtd(["deliver"], input: Array(big.utf8))
        XCTAssertEqual(result.status, 0, "a message over the limit is kept, not refused: " + result.error)
        let store = try CaseStore(path: daemon.databasePath)
        let held = try XCTUnwrap(store.quarantined().first)
        XCTAssertEqual(held.size, big.utf8.count)
        XCTAssertEqual(try store.rawMessage(id: held.id)?.bytes, Array(big.utf8))
        XCTAssertTrue(held.note?.contains("stored unread") ?? false, held.note ?? "")
        XCTAssertEqual(try server.waitForInbox("kwaliteit", count: 1).first?.subject?.contains("quarantaine"), true)
        let listing = try daemon.klachtd(["quarantine"])
        XCTAssertTrue(listing.output.contains(String(big.utf8.count)), listing.output)
        let early = try daemon.klachtd(["reprocess", String(held.id)])
        XCTAssertEqual(early.status, 1)
        XCTAssertTrue(early.error.contains("raise the limit first"), early.error)
        XCTAssertEqual(try store.quarantined().first?.id, held.id, "still set aside, untouched")
    }

    func testParseRefusesAFileOverTheLimitWithoutReadingIt() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[limits]\nmax_message_bytes = 1000000\n")
        let path = daemon.directory + "/groot.eml"
        try photoComplaint(from: "ouder12@example.test", megabytes: 1.5).write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try daemon.klachtd(["parse", "--json", path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.output.contains("\"ok\":false") && refused.output.contains("larger than max_message_bytes"), refused.output)
        let allowed = try Subprocess.run([DaemonFixture.binary, "parse", "--json", "--max-bytes", "5000000", path])
        XCTAssertEqual(allowed.status, 0, allowed.error)
        XCTAssertTrue(allowed.output.contains("IMG_4312.jpeg"), allowed.output)
    }

    func testDeliverAsksTheMailServerToRetryOnAConfigurationError() throws {
        let daemon = try DaemonFixture(server: server)
        let message = Array(complaintMail(from: "ouder13@example.test", name: "Ouder Dertien", subject: "Klacht",
                                          body: "Over BSO Morel.").utf8)
        // Postfix's pipe bounces on 78 (EX_CONFIG); the parent's complaint must wait in its queue instead.
        let missing = try Subprocess.run([DaemonFixture.binary, "deliver", "--config", daemon.directory + "/nergens.conf"], input: message)
        XCTAssertEqual(missing.status, 75, missing.error)
        let text = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        try (text + "\n[location \"Zuid\"]\nregime = wet\n").write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        let broken = try daemon.klachtd(["deliver"], input: message)
        XCTAssertEqual(broken.status, 75, broken.error)
        XCTAssertTrue(broken.error.contains("configuration"), broken.error)
        try text.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        let badOption = try daemon.klachtd(["deliver", "--now"], input: message)
        XCTAssertEqual(badOption.status, 75, "a usage error is no reason to bounce either")
        let fixed = try daemon.klachtd(["deliver"], input: message)
        XCTAssertEqual(fixed.status, 0, fixed.error)
        XCTAssertEqual(try daemon.cases().count, 1)
    }

    func testBackupExportAndDatabaseArePrivateWhateverTheUmask() throws {
        let old = umask(0o022)
        defer { umask(old) }
        let daemon = try DaemonFixture(server: server)
        try daemon.deliver(complaintMail(from: "ouder14@example.test", name: "Ouder Veertien", subject: "Klacht",
                                         body: "Over BSO Morel."), at: "2026-11-16T09:00:00+01:00")
        XCTAssertEqual(try StoreHygieneMode.of(daemon.databasePath), 0o600)
        let backup = daemon.directory + "/backup.sqlite"
        let made = try daemon.klachtd(["backup", "--out", backup])
        XCTAssertEqual(made.status, 0, made.error)
        XCTAssertEqual(try StoreHygieneMode.of(backup), 0o600)
        let reference = try XCTUnwrap(daemon.cases().first?["reference"] as? String)
        let folder = daemon.directory + "/inzage"
        let exported = try daemon.klachtd(["export", reference, "--out", folder])
        XCTAssertEqual(exported.status, 0, exported.error)
        XCTAssertEqual(try StoreHygieneMode.of(folder), 0o700)
        XCTAssertEqual(try StoreHygieneMode.of(folder + "/berichten"), 0o700)
        XCTAssertEqual(try StoreHygieneMode.of(folder + "/dossier.html"), 0o600)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder + "/berichten") {
            XCTAssertEqual(try StoreHygieneMode.of(folder + "/berichten/" + file), 0o600, file)
        }
    }
}

enum StoreHygieneMode {
    static func of(_ path: String) throws -> mode_t {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw NSError(domain: "stat \(path)", code: Int(errno)) }
        return status.st_mode & 0o777
    }
}

/// The unit bounds the service's memory, so a runaway worker is stopped rather than the machine swapping.
final class ServiceUnitMemoryTests: XCTestCase {
    func testTheServiceUnitHasAMemoryMax() throws {
        let unit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../deploy/klachtd.service").standardized
        let text = try String(contentsOf: unit, encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("MemoryMax=") }, "MemoryMax= is set")
        let value = line.dropFirst("MemoryMax=".count)
        XCTAssertTrue(value.hasSuffix("M") || value.hasSuffix("G"), String(line))
        let megabytes = (Double(value.dropLast()) ?? 0) * (value.hasSuffix("G") ? 1024 : 1)
        XCTAssertGreaterThanOrEqual(megabytes, 256, "room for a 25 MB message being parsed twice over")
        XCTAssertLessThanOrEqual(megabytes, 2048)
    }
}
