@testable import CaseStore
import ComplaintCore
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import XCTest

/// Issue 22: ten years of cases. The daemon's hot reads (intake's unmarked messages, a case's
/// outbox, the open cases, a year's report facts, the scheduler's facts, the purge) go through
/// indexes: the rows they step through in full table scans do not grow with the closed cases kept.
final class LargeDatabaseQueryTests: XCTestCase {
    private var directory = ""
    private let closedCases = 3_000

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-large-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func runtime() throws -> Runtime {
        let configuration = try unitTestConfiguration(directory: directory, sections: """
            [location "Morel"]
            handler = behandelaar1@example.test
            aliases = morel, bso morel
            regime = wko
            """)
        return try Runtime(configuration: configuration, clock: Clock(fixed: try XCTUnwrap(try? Date("2026-11-18T10:00:00Z", strategy: .iso8601))))
    }

    /// Years of closed cases (most purged long ago, 30 due now), each with its raw message,
    /// messages, events, mails, keys, measure and satisfaction answer; and 12 open cases.
    private func populate(_ store: CaseStore) throws {
        let db = store.db
        let body = Array(String(repeating: "Goedemorgen, ik wil een klacht indienen over BSO Morel.\r\n", count: 40).utf8)
        try store.transaction {
            for index in 0..<(closedCases + 12) {
                let open = index >= closedCases
                let year = open ? 2026 : 2017 + index % 7
                let received = open ? "2026-11-\(String(format: "%02d", 2 + index % 12))T09:00:00Z" : "\(year)-03-\(String(format: "%02d", 1 + index % 28))T09:00:00Z"
                let closed = open ? nil : (index < closedCases - 30 ? "\(year)-05-01T09:00:00Z" : "2024-05-01T09:00:00Z")
                let purged = !open && index < closedCases - 30 ? "2026-06-01T09:00:00Z" : nil
                try db.query("""
                    INSERT INTO cases (reference, state, kind, regime, received_at, complainant_address, location, handler, subject, flags,
                      decision_due, closed_at, purged_at, outcome, category, created_at, updated_at)
                    VALUES (?, ?, 'klacht', 'wko', ?, 'ouder@example.test', 'Morel', 'behandelaar1@example.test', 'Klacht', '', '2026-12-30', ?, ?,
                      'gegrond', 'veiligheid', ?, ?)
                    """, [.text("KL-\(year)-\(String(format: "%04d", index + 1))"), .text(open ? "assigned" : "closed"), .text(received),
                          .optional(closed), .optional(purged), .text(received), .text(received)])
                let caseID = db.lastInsertRowID
                try db.query("""
                    INSERT INTO raw_messages (source, mailbox, uid_validity, uid, message_id, sha256, size, received_at, stored_at, status, case_id, imap_marked)
                    VALUES ('imap', 'INBOX', 7, ?, ?, ?, ?, ?, ?, 'processed', ?, 1)
                    """, [.int(index + 1), .text("m\(index)@ouders.example.test"), .text("sha\(index)"), .int(body.count), .text(received), .text(received), .integer(caseID)])
                let rawID = db.lastInsertRowID
                if purged == nil { try db.query("INSERT INTO raw_message_bytes (raw_message_id, bytes) VALUES (?, ?)", [.integer(rawID), .blob(body)]) }
                for (direction, role) in [("in", "complainant"), ("out", "complainant"), ("in", "handler")] {
                    try db.query("INSERT INTO case_messages (case_id, direction, role, raw_message_id, text, at) VALUES (?, ?, ?, ?, 'tekst', ?)",
                                 [.integer(caseID), .text(direction), .text(role), .integer(rawID), .text(received)])
                }
                for (from, to) in [("received", "acknowledged"), ("acknowledged", "assigned"), ("assigned", open ? "assigned" : "closed")] {
                    try db.query("INSERT INTO events (case_id, at, actor, action, from_state, to_state) VALUES (?, ?, 'klachtd', 'state', ?, ?)",
                                 [.integer(caseID), .text(received), .text(from), .text(to)])
                }
                for kind in ["acknowledgement", "handler-notification", "judgement-letter"] {
                    try db.query("""
                        INSERT INTO outbox (case_id, kind, message_id, mail_from, recipients, subject, bytes, state, next_attempt_at, created_at)
                        VALUES (?, ?, ?, 'klachten@example.test', 'ouder@example.test', 'Uw klacht', ?, 'sent', ?, ?)
                        """, [.integer(caseID), .text(kind), .text("\(kind)-\(index)@klachtd.example.test"), .blob(body), .text(received), .text(received)])
                }
                try db.query("INSERT INTO scheduled_sent (case_id, key, at) VALUES (?, 'reminder:week-2', ?)", [.integer(caseID), .text(received)])
                try db.query("INSERT INTO measures (case_id, position, text, due, created_at) VALUES (?, 1, 'Afspraken', '2026-12-01', ?)",
                             [.integer(caseID), .text(received)])
                try db.query("INSERT INTO satisfaction (case_id, asked_at, answer) VALUES (?, ?, 'satisfied')", [.integer(caseID), .text(received)])
            }
        }
    }

    /// The full-scan steps `body` costs.
    private func scanned(_ store: CaseStore, _ body: () throws -> Void) rethrows -> Int {
        let before = store.db.fullScanSteps
        try body()
        return store.db.fullScanSteps - before
    }

    func testTheHotQueriesDoNotScanTheYearsKept() throws {
        let runtime = try runtime()
        let store = try runtime.openStore()
        try populate(store)
        let bound = closedCases / 10   // a small table or two may be scanned whole; not the years of cases

        let open = try store.allCases(openOnly: true)
        XCTAssertEqual(open.count, 12)
        XCTAssertLessThan(try scanned(store) { _ = try store.allCases(openOnly: true) }, bound, "cases --open")
        let one = try XCTUnwrap(open.first)
        XCTAssertLessThan(try scanned(store) { XCTAssertEqual(try store.outbox(caseID: one.id).count, 3) }, bound, "a case's outbox")
        // Every message is marked: the lookup must not visit them one by one, even through an index.
        let steps = store.db.machineSteps
        XCTAssertEqual(try store.unmarkedIMAPMessages(mailbox: "INBOX", uidValidity: 7).count, 0)
        XCTAssertLessThan(store.db.machineSteps - steps, 200, "intake's unmarked lookup")
        XCTAssertLessThan(try scanned(store) {
            let facts = try ReportFacts.load(store, civil: runtime.civil, years: 2022...2023)
            XCTAssertEqual(facts.count, (0..<closedCases).filter { $0 % 7 >= 5 }.count, "the cases received in those two years")
        }, bound, "a year's report facts")
        XCTAssertLessThan(try scanned(store) {
            let facts = try ScheduledCaseFacts(runtime: runtime, store: store).load(now: runtime.clock.now())
            XCTAssertEqual(facts.cases.count, 12, "the open cases (all received in the last 15 days)")
            XCTAssertEqual(facts.cases.first?.sentKeys, ["reminder:week-2"])
        }, bound, "the scheduler's facts")
        XCTAssertLessThan(try scanned(store) { try SchedulerRun(runtime: runtime, store: store).run() }, bound * 2, "a scheduler pass")

        let purge = RetentionPurge(store: store, settings: runtime.configuration.retention)
        var batches = 0
        let purgeScans = try scanned(store) {
            while try !purge.runBatch(now: runtime.clock.now(), actor: "klachtd", limit: 8).complete { batches += 1 }
        }
        XCTAssertEqual(batches, 3, "30 due cases in batches of 8")
        XCTAssertLessThan(purgeScans, bound, "the purge")
        XCTAssertEqual(try purge.candidates(now: runtime.clock.now()).due.count, 0)
        XCTAssertEqual(try store.db.queryOne("SELECT COUNT(*) AS n FROM raw_message_bytes")?.int("n"), 12, "only the open cases keep their bytes")
    }
}
