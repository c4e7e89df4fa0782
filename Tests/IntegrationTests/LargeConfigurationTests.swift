import Foundation
import Glibc
import XCTest
import TestMailSupport

/// Issue 22: a chain of 900 locations has a configuration of about 150 KiB. The worker hands
/// it to the supervisor for the workers started later; a datagram read into a 64 KiB buffer
/// cut it silently, and every later worker either failed on half a line or lost the
/// locations past the cut. Against the real servers, with the real supervisor.
final class LargeConfigurationTests: XCTestCase {
    func testThreeWorkersInTurnRunWithTheWhole150KiBConfiguration() throws {
        let server = try TestMailServer.require()
        try server.emptyAllMailboxes()
        // The last location (past any 64 KiB cut) has its own handler.
        let locations = ChainConfiguration.sections { $0 == 899 ? "behandelaar3@example.test" : "behandelaar1@example.test" }
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[service]\nworker_linger = 1\n\n" + locations)
        let text = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        XCTAssertGreaterThan(text.utf8.count, 150 * 1024)
        let last = ChainConfiguration.name(899)
        XCTAssertTrue(text.contains("[location \"\(last)\"]"))

        try daemon.start()
        defer { daemon.stop() }
        func handOvers() -> Int { daemon.log().components(separatedBy: "the supervisor watches the mailbox").count - 1 }
        func mailWorkers() -> Int { daemon.log().components(separatedBy: "klachtd started (worker, mail)").count - 1 }
        daemon.waitUntil("the first worker hands over", timeout: 30) { handOvers() >= 1 && daemon.workerPIDs.isEmpty }
        // Saved on disk without a reload: later workers must use the text the start loaded, whole.
        try text.replacingOccurrences(of: "behandelaar3@example.test", with: "behandelaar2@example.test")
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)

        for round in 1...3 {
            let parent = "ouder\(round)"
            let mail = complaintMail(from: "\(parent)@example.test", name: "Ouder \(round)", subject: "Klacht over de opvang",
                                     body: "Goedemiddag,\n\nIk wil een klacht indienen over \(last). Mijn dochter kwam vandaag\nzonder jas mee naar buiten.\n\nMet vriendelijke groet,\nOuder \(round)")
            try server.send(from: "\(parent)@example.test", to: ["klachten@example.test"], mail)
            _ = try server.waitForInbox(parent, count: 1, timeout: 20)
            try server.waitForInbox("behandelaar3", count: round, timeout: 20)
            XCTAssertEqual(mailWorkers(), round, "a worker started for this mail:\n\(daemon.log().suffix(3000))")
            daemon.waitUntil("worker \(round) hands over", timeout: 30) { handOvers() >= round + 1 && daemon.workerPIDs.isEmpty }
        }
        XCTAssertEqual(try server.inbox("behandelaar2").count, 0, "the file saved without a reload is not used")
        try text.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)   // the command line reads the file
        let cases = try daemon.cases()
        XCTAssertEqual(cases.count, 3)
        XCTAssertEqual(Set(cases.compactMap { $0["location"] as? String }), [last])
        XCTAssertFalse(daemon.log().contains("exited with status"), daemon.log().suffix(3000).description)
        XCTAssertFalse(daemon.log().contains("did not reach the supervisor"), daemon.log().suffix(3000).description)
    }
}
