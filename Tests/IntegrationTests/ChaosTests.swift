import CaseStore
import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 7: killed at any instant, restarted, and still every message exactly once.
final class ChaosTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testRandomKillsLoseNothingAndMakeNoSecondCaseOrAcknowledgement() throws {
        // Nine test parents send 300 complaints: the per-address reply limits are raised so that
        // every complaint is acknowledged and the count per complaint can be checked.
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[limits]\nauto_replies_per_hour = 10000\nauto_replies_per_day = 10000\n")
        var complaintIDs: [String: String] = [:]   // complaint Message-ID → parent
        for n in 1...300 {
            let parent = "ouder\(n % 9 + 1)"
            let id = "chaos-\(n)-\(UUID().uuidString)@ouders.example.test"
            complaintIDs[id] = parent
            try server.send(from: server.address(parent), to: ["klachten@example.test"], complaintMail(
                from: server.address(parent), name: "Ouder", subject: "Klacht \(n) over BSO Morel",
                body: "Klacht nummer \(n).", messageID: id))
        }
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for _ in 0..<10 {
            try daemon.start()
            Thread.sleep(forTimeInterval: Double.random(in: 0.15...0.9, using: &generator))
            daemon.crash()
            kills += 1
        }
        XCTAssertGreaterThanOrEqual(kills, 8)
        try daemon.start()
        try daemon.waitUntil("300 cases and an empty outbox", timeout: 120) {
            let store = try CaseStore(path: daemon.databasePath)
            return try store.allCases().count == 300 && store.outbox(caseID: nil).allSatisfy { $0.state == .sent }
        }
        XCTAssertEqual(daemon.stop(), 0)

        let store = try CaseStore(path: daemon.databasePath)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        let cases = try store.allCases()
        XCTAssertEqual(cases.count, 300)
        XCTAssertEqual(Set(cases.compactMap(\.complainantMessageID)), Set(complaintIDs.keys), "every complaint has exactly one case")

        // Every complaint has exactly one acknowledgement (one Message-ID of ours); a mail sent
        // again after a kill in the few milliseconds between the server's 250 and our commit
        // would reach the parent a second time with the same Message-ID, and is counted here.
        var acknowledgements: [String: Set<String>] = [:]
        var deliveries = 0
        for parent in Set(complaintIDs.values) {
            for mail in try server.inbox(parent) where mail.subject?.contains("uw klacht ontvangen") ?? false {
                deliveries += 1
                if let complaint = mail.inReplyTo.first, let ours = mail.messageID { acknowledgements[complaint, default: []].insert(ours) }
            }
        }
        XCTAssertEqual(Set(acknowledgements.keys), Set(complaintIDs.keys), "every parent was acknowledged")
        XCTAssertTrue(acknowledgements.values.allSatisfy { $0.count == 1 }, "no complaint got two different acknowledgements")
        print("chaos: \(kills) kills, 300 cases, \(deliveries) acknowledgement deliveries for 300 complaints (\(deliveries - 300) resent after a kill)")
    }
}
