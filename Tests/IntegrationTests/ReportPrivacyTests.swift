@testable import CaseStore
import Foundation
import XCTest
import TestMailSupport

/// Issue 8, privacy: the retention purge, the access-request export, and old reports that stay the same.
final class ReportPrivacyTests: XCTestCase {
    /// A dataset of its own: the purge changes it.
    func purgeDataset() throws -> ReportDataset {
        let dataset = try ReportDataset(extraConfiguration: "[retention]\nmonths = 24\ndaily_purge = no\n")
        try dataset.fill(count: 120)
        return dataset
    }

    func klachtd(_ dataset: ReportDataset, _ arguments: [String]) throws -> Subprocess.Result {
        let result = try dataset.fixture.klachtd(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.error)")
        return result
    }

    func reports(_ dataset: ReportDataset) throws -> [String] {
        try ["md", "html", "csv", "json"].flatMap { format in
            try [2025, 2026].map { try klachtd(dataset, ["report", "--year", "\($0)", "--format", format]).output }
        }
    }

    func testPurgeRemovesWhatThePolicySaysAndOldReportsStayTheSame() throws {
        let dataset = try purgeDataset()
        let store = try CaseStore(path: dataset.fixture.databasePath)
        let closedRow = try XCTUnwrap(try store.db.queryOne("SELECT id FROM cases WHERE state = 'closed' ORDER BY closed_at LIMIT 1"))
        let heldID = try XCTUnwrap(closedRow.int("id"))
        try store.updateCase(caseID: heldID, column: .flags, value: "hold", actor: "kwaliteit@example.test", reason: "rechtszaak",
                             rawMessageID: nil, now: Date())
        let before = try reports(dataset)

        let now = "2027-07-01T12:00:00Z", cutoff = "2025-07-01T12:00:00Z"
        let expected = Set(try store.db.query("""
            SELECT reference FROM cases WHERE state IN ('closed', 'withdrawn', 'not_a_complaint') AND closed_at <= ? AND id != ?
            """, [.text(cutoff), .integer(heldID)]).compactMap { $0.string("reference") })
        XCTAssertGreaterThan(expected.count, 5)

        let dryRun = try klachtd(dataset, ["purge", "--dry-run", "--now", now])
        XCTAssertTrue(dryRun.output.contains("would purge \(expected.count) case(s)"), dryRun.output)
        XCTAssertEqual(try store.db.queryOne("SELECT COUNT(*) AS n FROM cases WHERE purged_at IS NOT NULL")?.int("n"), 0)

        let run = try klachtd(dataset, ["purge", "--now", now])
        XCTAssertTrue(run.output.contains("purged \(expected.count) case(s)"), run.output)
        let purged = Set(try store.db.query("SELECT reference FROM cases WHERE purged_at IS NOT NULL").compactMap { $0.string("reference") })
        XCTAssertEqual(purged, expected)
        XCTAssertEqual(try store.db.queryOne("""
            SELECT COUNT(*) AS n FROM cases WHERE purged_at IS NOT NULL AND (complainant_name IS NOT NULL OR complainant_address IS NOT NULL
              OR subject IS NOT NULL OR handler IS NOT NULL OR complainant_message_id IS NOT NULL)
            """)?.int("n"), 0)
        for table in ["case_messages", "form_fields"] {
            XCTAssertEqual(try store.db.queryOne("SELECT COUNT(*) AS n FROM \(table) WHERE case_id IN (SELECT id FROM cases WHERE purged_at IS NOT NULL)")?.int("n"), 0, table)
        }
        XCTAssertEqual(try store.db.queryOne("SELECT COUNT(*) AS n FROM raw_message_bytes b JOIN raw_messages r ON r.id = b.raw_message_id WHERE r.case_id IN (SELECT id FROM cases WHERE purged_at IS NOT NULL)")?.int("n"), 0)
        XCTAssertEqual(try store.db.queryOne("SELECT COUNT(*) AS n FROM outbox WHERE length(bytes) > 0 AND case_id IN (SELECT id FROM cases WHERE purged_at IS NOT NULL)")?.int("n"), 0)
        XCTAssertEqual(try store.db.queryOne("SELECT COUNT(*) AS n FROM events WHERE (actor LIKE '%@%' OR reason LIKE '%@%') AND case_id IN (SELECT id FROM cases WHERE purged_at IS NOT NULL)")?.int("n"), 0)
        XCTAssertEqual(try store.db.queryOne("SELECT COUNT(*) AS n FROM events WHERE action = 'retention purge' AND case_id IS NOT NULL")?.int("n"), Int64(expected.count))
        let held = try XCTUnwrap(try store.caseRecord(id: heldID))
        XCTAssertNotNil(held.complainantAddress, "a case on hold keeps its data")
        XCTAssertGreaterThan(try store.db.queryOne("SELECT COUNT(*) AS n FROM cases WHERE purged_at IS NULL AND complainant_address IS NOT NULL")?.int("n") ?? 0, 1,
                             "cases closed after the cutoff and open cases keep their data")

        let everything = try klachtd(dataset, ["purge", "--now", "2031-01-01T12:00:00Z"])
        XCTAssertTrue(everything.output.contains("1 held"), everything.output)
        XCTAssertEqual(try reports(dataset), before, "every report is the same after the purges")

        XCTAssertThrowsError(try store.db.execute("UPDATE events SET action = 'edited' WHERE id = 1"), "the event log stays append-only")
        XCTAssertThrowsError(try store.db.execute("DELETE FROM events WHERE id = 1"))
        let open = try XCTUnwrap(try store.db.queryOne("SELECT id FROM cases WHERE purged_at IS NULL LIMIT 1")?.int("id"))
        XCTAssertThrowsError(try store.db.execute("UPDATE events SET actor = '[verwijderd]', reason = NULL WHERE case_id = \(open)"),
                             "only a purged case's events may be redacted")
    }

    func testExportGivesTheParentTheirFileWithoutStaffAndIsRecorded() throws {
        let dataset = try ReportDataset()
        try dataset.fill(count: 6)
        let reference = try XCTUnwrap(dataset.truth.first?.reference)
        let directory = dataset.fixture.directory + "/inzage"
        let result = try klachtd(dataset, ["export", reference, "--out", directory])
        XCTAssertTrue(result.output.contains("dossier.html"), result.output)
        let html = try String(contentsOfFile: directory + "/dossier.html", encoding: .utf8)
        XCTAssertTrue(html.contains(ReportDataset.parentNames[0]), "the parent's own name is in their file")
        XCTAssertTrue(html.contains("Uw klachtdossier \(reference)"))
        for staff in ReportDataset.handlerAddresses + ["kwaliteit@example.test"] {
            XCTAssertFalse(html.contains(staff), "staff address \(staff) is redacted")
        }
        let messages = try FileManager.default.contentsOfDirectory(atPath: directory + "/berichten")
        XCTAssertTrue(messages.contains { $0.hasSuffix("-ontvangen.eml") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasSuffix("-aan-u-verzonden.eml") }, "the acknowledgement sent to the parent: \(messages)")
        let detail = try dataset.fixture.caseDetail(reference)
        let actions = (detail["events"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        XCTAssertTrue(actions.contains("export for an access request"), "\(actions)")
        XCTAssertNotEqual(try dataset.fixture.klachtd(["export", reference, "--out", directory]).status, 0, "never into a used folder")
    }
}
