import Foundation
import XCTest
import TestMailSupport

/// Issue 17 (9, 13): text from outside reaches the quality staff's terminal and reports as
/// text, never as escape sequences or markup, and overviews do not list parents' addresses.
final class HostileTextTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
    }

    /// An Outlook complaint whose name and subject carry terminal escape sequences (RFC 2047
    /// encoded, as a sender who wants them through would write them).
    func hostileComplaint(from address: String) -> String {
        """
        From: =?utf-8?Q?Jan=1B[2J=1B[H_Jansen?= <\(address)>\r
        To: klachten@example.test\r
        Subject: =?utf-8?Q?Klacht_BSO_Morel=1B]0;gehackt=07=C2=9B31m_rood=E2=80=AE?=\r
        Date: Mon, 16 Nov 2026 09:12:00 +0100\r
        Message-ID: <\(UUID().uuidString)@ouders.example.test>\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset="utf-8"\r
        Content-Transfer-Encoding: 8bit\r
        X-Mailer: Microsoft Outlook 16.0\r
        \r
        Mijn zoon is bij BSO Morel gevallen en niemand belde mij.\r

        """
    }

    func testCasesAndCasePrintControlCharactersEscaped() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.deliver(hostileComplaint(from: "ouder1@example.test"), at: "2026-11-16T09:00:00+01:00")
        let reference = try XCTUnwrap(daemon.cases().first?["reference"] as? String)
        for arguments in [["cases"], ["case", reference]] {
            let result = try daemon.klachtd(arguments)
            XCTAssertEqual(result.status, 0, result.error)
            let bytes = Array(result.output.utf8)
            XCTAssertFalse(bytes.contains(0x1B), "no raw ESC reaches the terminal: \(arguments)")
            XCTAssertFalse(bytes.contains(0x07), "no raw BEL: \(arguments)")
            XCTAssertFalse(result.output.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E }, "no CSI or bidi override: \(arguments)")
            XCTAssertTrue(result.output.contains("\\x1b"), "the escape is shown, not hidden: \(result.output)")
        }
    }
}

/// Issue 17 (13): the sysadmin's tools (logs, `status`, `check-config`) say what is true
/// without listing parents' addresses.
final class OperatorPrivacyTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
    }

    func testARefusalIsLoggedAndListedWithTheAddressMasked() throws {
        let daemon = try DaemonFixture(server: server)
        // Postfix refuses an unknown recipient with its address in the text:
        // "550 5.1.1 <onbekend7@example.test>: Recipient address rejected: User unknown ..."
        let result = try daemon.klachtd(["deliver"], input: Array(complaintMail(
            from: "onbekend7@example.test", name: "Ouder Zeven", subject: "Klacht", body: "Over BSO Morel.").utf8))
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.contains("refused"), "the refusal is logged: " + result.error)
        XCTAssertFalse(result.error.contains("onbekend7@example.test"), result.error)
        XCTAssertTrue(result.error.contains("o…@example.test"), result.error)
        let status = try daemon.klachtd(["status", "--json"])
        XCTAssertFalse(status.output.contains("onbekend7"), status.output)
        XCTAssertTrue(status.output.contains("\"bouncing_address_count\":1"), status.output)
        let text = try daemon.klachtd(["status"])
        XCTAssertFalse(text.output.contains("onbekend7"), text.output)
        let reference = try XCTUnwrap(daemon.cases().first?["reference"] as? String)
        XCTAssertTrue(try daemon.klachtd(["case", reference]).output.contains("onbekend7@example.test"),
                      "the quality staff still see the address on the case")
    }

    func testCheckConfigSaysAPasswordWasNotCheckedWhenTheServerOffersNoAuth() throws {
        // The test server's port 25 offers no AUTH: libcurl then never sends the password.
        let daemon = try DaemonFixture(server: server)
        try "geheim\n".write(toFile: daemon.directory + "/smtp.secret", atomically: true, encoding: .utf8)
        let text = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        guard let smtp = text.range(of: "[smtp]\n") else { return XCTFail("no [smtp] in the fixture: \(text)") }
        var changed = text
        changed.insert(contentsOf: "username = klachten@example.test\npassword_file = \(daemon.directory)/smtp.secret\n", at: smtp.upperBound)
        try changed.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        let result = try daemon.klachtd(["check-config", "--connect"])
        let line = try XCTUnwrap(result.output.split(separator: "\n").first { $0.contains("SMTP") }, result.output + result.error)
        XCTAssertFalse(line.hasSuffix(": ok"), String(line))
        XCTAssertTrue(line.contains("NOT checked") && line.contains("no AUTH"), String(line))
    }
}
