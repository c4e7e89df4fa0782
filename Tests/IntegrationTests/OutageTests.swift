import CaseStore
import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 7: Dovecot and Postfix away for a minute: nothing lost, staff told of the outage and the recovery.
final class OutageTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testServersAwayForAMinuteLoseNothingAndTheQualityStaffAreTold() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[limits]\noutage_alert_seconds = 20\nreconnect_max_seconds = 5\n")
        try daemon.start()
        defer { daemon.stop() }
        for n in 1...5 {
            try server.send(from: "ouder\(n)@example.test", to: ["klachten@example.test"], complaintMail(
                from: "ouder\(n)@example.test", name: "Ouder \(n)", subject: "Klacht \(n)", body: "Over BSO Morel, nummer \(n)."))
        }
        let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../deploy/testmail").standardized.path
        try server.run([scripts + "/stop.sh", server.directory])
        let stoppedAt = Date()
        Thread.sleep(forTimeInterval: 60)
        XCTAssertNotNil(daemon.pidIfRunning, "the daemon survived the outage")
        try server.run([scripts + "/start.sh", server.directory])
        print("outage: servers away for \(Int(Date().timeIntervalSince(stoppedAt))) s")

        for n in 1...5 { try server.waitForInbox("ouder\(n)", count: 1, timeout: 60) }
        try daemon.waitUntil("the outage and the recovery are mailed to the quality staff", timeout: 60) {
            let subjects = try server.inbox("kwaliteit").compactMap(\.subject)
            return subjects.contains { $0.hasPrefix("Storing") } && subjects.contains { $0.hasPrefix("Hersteld") }
        }
        let store = try CaseStore(path: daemon.databasePath)
        XCTAssertEqual(try store.allCases().count, 5)
        XCTAssertTrue(try store.outbox(caseID: nil).allSatisfy { $0.state == .sent }, "every mail went out after the outage")
    }
}

/// Issue 16: when the server ends the IDLE connection, klachtd reconnects at once and fetches
/// what arrived meanwhile, instead of waiting for the next poll.
final class IdleDisconnectTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testMailAfterTheServerDroppedTheIdleConnectionIsAcknowledgedWithinSeconds() throws {
        // A long poll interval and a worker that stays: without an immediate reconnect, mail after
        // the drop would wait for the next poll or scheduler pass (a minute).
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[service]\nworker_linger = 600\n")
        let configuration = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
            .replacingOccurrences(of: "poll_interval = 2", with: "poll_interval = 300")
        try configuration.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "ouder1@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder1@example.test", name: "Ouder Een", subject: "Klacht over BSO Morel", body: "Eerste klacht over BSO Morel."))
        try server.waitForInbox("ouder1", count: 1, timeout: 20)
        Thread.sleep(forTimeInterval: 2)

        _ = try server.doveadm(["kick", "klachten@example.test"])
        let droppedAt = Date()
        Thread.sleep(forTimeInterval: 1)
        try server.send(from: "ouder2@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder2@example.test", name: "Ouder Twee", subject: "Klacht over BSO Morel", body: "Tweede klacht over BSO Morel."))
        try server.waitForInbox("ouder2", count: 1, timeout: 15)
        print("idle drop: acknowledged \(String(format: "%.1f", Date().timeIntervalSince(droppedAt))) s after the server ended IDLE")
        XCTAssertTrue(daemon.log().contains("IMAP IDLE"), "the drop was noticed and logged")
    }
}
