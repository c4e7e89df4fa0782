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
        XCTAssertTrue(try store.outbox(caseID: nil).allSatisfy { $0.state == "sent" }, "every mail went out after the outage")
    }
}
