@testable import CaseStore
import ComplaintCore
import Foundation
import XCTest

/// The store reads a case's cells into typed values once: terms as `LocalDate`, flags as `CaseFlag`.
final class CaseValueTests: XCTestCase {
    var directory: String!
    var store: CaseStore!
    let now = Date(timeIntervalSince1970: 1_777_000_000)

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-case-record-\(UUID().uuidString)"
        store = try CaseStore(path: directory + "/klachtd.sqlite")
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func insert(flags: [CaseFlag], decisionDue: LocalDate? = nil) throws -> Int64 {
        try store.insertCase(NewCaseRecord(state: .received, kind: .klacht, regime: .wko, receivedAt: now, complainantName: nil,
                                           complainantAddress: "ouder1@example.test", complainantMessageID: "p@x", location: nil,
                                           handler: nil, subject: "s", flags: flags, decisionDue: decisionDue),
                             reference: try store.nextReference(year: 2026), now: now)
    }

    func testFlagsKlachtdDoesNotKnowSurviveAReadAndAWriteBack() throws {
        // `hold` set by hand, and a flag a newer klachtd wrote: neither may be lost when klachtd adds one.
        let id = try insert(flags: [.unknownLocation])
        try store.updateCase(caseID: id, column: .flags, value: "unknown-location,hold,later-flag", actor: "kwaliteit@example.test",
                             reason: nil, rawMessageID: nil, now: now)
        let read = try XCTUnwrap(store.caseRecord(id: id))
        XCTAssertEqual(read.flags.map(\.rawValue), ["unknown-location", "hold", "later-flag"])
        XCTAssertTrue(read.flags.contains(.hold))
        try store.setFlags(caseID: id, read.flags + [.safeguarding], actor: "klachtd", reason: nil, rawMessageID: nil, now: now)
        XCTAssertEqual(try store.db.queryOne("SELECT flags FROM cases WHERE id = ?", [.integer(id)])?.string("flags"),
                       "unknown-location,hold,later-flag,safeguarding")
    }

    func testTermsAreReadAsLocalDatesAndAnUnreadableCellAsNoTerm() throws {
        let due = LocalDate(year: 2026, month: 6, day: 15)
        let id = try insert(flags: [], decisionDue: due)
        XCTAssertEqual(try store.db.queryOne("SELECT decision_due FROM cases WHERE id = ?", [.integer(id)])?.string("decision_due"),
                       "2026-06-15")
        XCTAssertEqual(try store.caseRecord(id: id)?.decisionDue, due)
        try store.db.query("UPDATE cases SET measures_due = '15-06-2026' WHERE id = ?", [.integer(id)])
        XCTAssertNil(try store.caseRecord(id: id)?.measuresDue)
    }
}
