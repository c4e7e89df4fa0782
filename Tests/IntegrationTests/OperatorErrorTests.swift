import Foundation
import XCTest
import TestMailSupport

/// Broken configuration, an unreachable server, a wrong password: a clear message, never a crash.
final class OperatorErrorTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
    }

    func testBrokenConfigurationNamesTheLineAndExitsNonZero() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[location \"Zuid\"]\nregime = wet\n")
        let result = try daemon.klachtd(["check-config"])
        XCTAssertEqual(result.status, 78)
        XCTAssertTrue(result.error.contains("klachtd.conf:"), result.error)
        XCTAssertTrue(result.error.contains("wko"), result.error)
        let run = try daemon.klachtd(["run"])
        XCTAssertEqual(run.status, 78, "run refuses to start on a broken configuration")
    }

    func testWrongPasswordIsReportedWithoutThePassword() throws {
        let daemon = try DaemonFixture(server: server)
        try "VerkeerdWachtwoord123\n".write(toFile: daemon.directory + "/imap.secret", atomically: true, encoding: .utf8)
        let result = try daemon.klachtd(["check-config", "--connect"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("refused the login"), result.output)
        XCTAssertFalse((result.output + result.error).contains("VerkeerdWachtwoord123"))
    }

    func testUnreachableServerIsRetriedByTheDaemonNotFatal() throws {
        let daemon = try DaemonFixture(server: server)
        let text = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
            .replacingOccurrences(of: "imap://127.0.0.1:\(server.imapPort)/", with: "imap://127.0.0.1:1/")
        try text.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        XCTAssertEqual(try daemon.klachtd(["check-config", "--connect"]).status, 1)
        try daemon.start()
        Thread.sleep(forTimeInterval: 3)
        XCTAssertEqual(daemon.stop(), 0, "the daemon kept running and stopped cleanly on SIGTERM")
        XCTAssertTrue(daemon.log().contains("retrying in"), daemon.log())
    }
}
