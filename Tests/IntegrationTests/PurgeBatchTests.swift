@testable import CaseStore
import Foundation
import XCTest
import TestMailSupport

/// Issue 22: the daemon's daily purge works in small batches between intake cycles, so a
/// complaint that arrives while years of cases are purged is acknowledged as usual.
final class PurgeBatchTests: XCTestCase {
    func testTheDailyPurgeRunsInBatchesAndIntakeGoesOn() throws {
        let server = try TestMailServer.require()
        try server.emptyAllMailboxes()
        let daemon = try DaemonFixture(server: server)
        XCTAssertEqual(try daemon.klachtd(["cases"]).status, 0)   // creates the database
        let store = try CaseStore(path: daemon.databasePath)
        try store.transaction {
            for number in 1...45 {
                try store.db.query("""
                    INSERT INTO cases (reference, state, kind, regime, received_at, complainant_name, complainant_address, location,
                      handler, subject, flags, closed_at, created_at, updated_at)
                    VALUES (?, 'closed', 'klacht', 'wko', '2021-03-01T09:00:00Z', 'Ouder', 'ouder@ouders.example.nl', 'Morel',
                      'behandelaar1@example.test', 'Klacht', '', '2021-04-01T09:00:00Z', '2021-03-01T09:00:00Z', '2021-04-01T09:00:00Z')
                    """, [.text(String(format: "KL-2021-%04d", number))])
            }
        }
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "ouder1@example.test", to: ["klachten@example.test"],
                        complaintMail(from: "ouder1@example.test", name: "Ouder Een", subject: "Klacht over BSO Morel",
                                      body: "Goedemorgen,\n\nMijn dochter is vandaag bij BSO Morel gevallen en niemand belde.\n\nGroet,\nOuder Een"))
        _ = try server.waitForInbox("ouder1", count: 1, timeout: 20)
        daemon.waitUntil("every case is purged") {
            (try? store.db.queryOne("SELECT COUNT(*) AS n FROM cases WHERE purged_at IS NOT NULL")?.int("n")) == 45
        }
        let log = daemon.log()
        XCTAssertTrue(log.contains("retention purge: 20 case(s), more follow"), log)
        XCTAssertTrue(log.contains("retention purge: 5 case(s), done for today"), log)
        XCTAssertEqual(try store.db.queryOne("SELECT COUNT(*) AS n FROM events WHERE action = 'retention purge' AND case_id IS NULL")?.int("n"), 1,
                       "one run recorded, after its last batch")
    }
}
