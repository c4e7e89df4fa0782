import ComplaintCore
import Foundation
import XCTest

/// The planners' views of a case are made from the one `Case` value, in the core.
final class CaseProjectionTests: XCTestCase {
    let stored = Case(id: 7, reference: CaseReference(year: 2026, number: 7), state: .suspended, kind: .onvrede, regime: .wkkgz,
                      receivedAt: Date(timeIntervalSince1970: 1_777_000_000), complainantName: "Fatima el Amrani",
                      complainantAddress: "Ouder1@Example.test", location: "Morel", handler: "Behandelaar1@example.test",
                      flags: [.serious, CaseFlag(rawValue: "hold"), .managementAssigns],
                      acknowledgementDue: LocalDate(year: 2026, month: 4, day: 30), firstContactDue: LocalDate(year: 2026, month: 5, day: 1),
                      decisionDue: LocalDate(year: 2026, month: 6, day: 5), measuresDue: LocalDate(year: 2026, month: 9, day: 1),
                      reviewDue: LocalDate(year: 2026, month: 7, day: 1))

    func testTheSchedulerSeesTheCasesClocksReviewDateAndWhoAssigns() {
        let scheduled = ScheduledCase(case: stored, english: true, acknowledged: true, parentContacted: false, sentKeys: ["reminder:week-2"])
        XCTAssertEqual(scheduled.id, 7)
        XCTAssertEqual(scheduled.state, .suspended)
        XCTAssertEqual(scheduled.kind, .onvrede)
        XCTAssertEqual(scheduled.regime, .wkkgz)
        XCTAssertEqual(scheduled.location, "Morel")
        XCTAssertEqual(scheduled.acknowledgementDue, LocalDate(year: 2026, month: 4, day: 30))
        XCTAssertEqual(scheduled.firstContactDue, LocalDate(year: 2026, month: 5, day: 1))
        XCTAssertEqual(scheduled.decisionDue, LocalDate(year: 2026, month: 6, day: 5))
        XCTAssertEqual(scheduled.measuresDue, LocalDate(year: 2026, month: 9, day: 1))
        XCTAssertEqual(scheduled.reviewDue, LocalDate(year: 2026, month: 7, day: 1))
        XCTAssertTrue(scheduled.managementAssigns)
        XCTAssertTrue(scheduled.english)
        XCTAssertEqual(scheduled.sentKeys, ["reminder:week-2"])
        var located = stored
        located.flags = [.unknownLocation]
        XCTAssertFalse(ScheduledCase(case: located, english: false, acknowledged: false, parentContacted: false, sentKeys: []).managementAssigns)
    }

    func testTheIntakeAndTheCommandsSeeTheCasesPartiesLowercased() {
        XCTAssertEqual(stored.snapshot.complainantAddress, "ouder1@example.test")
        XCTAssertEqual(stored.snapshot.handler, "behandelaar1@example.test")
        XCTAssertEqual(stored.snapshot.complainantName, "Fatima el Amrani")
        let facts = CaseFacts(case: stored, terms: nil, locations: [], assignableAddresses: [], termPolicy: TermPolicy(),
                              today: LocalDate(year: 2026, month: 5, day: 20))
        XCTAssertEqual(facts.snapshot, stored.snapshot)
        XCTAssertEqual(facts.kind, .onvrede)
        XCTAssertEqual(facts.regime, .wkkgz)
    }
}
