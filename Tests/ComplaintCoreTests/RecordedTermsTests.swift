import XCTest
@testable import ComplaintCore

/// Issue 19: whether a recorded decision date is an extension is the core's rule, not the executor's.
final class RecordedTermsTests: XCTestCase {
    private let calendar = WorkingDayCalendar(holidays: DutchHolidays())

    private func receipt() -> CaseTerms {
        TermCalculator.terms(received: utc("2026-05-04", 7, 0), regime: .wkkgz, policy: TermPolicy(), calendar: calendar, civil: CivilTime())
    }

    func testALaterDateSetByACommandIsAnExtensionInWholeWeeks() throws {
        let extended = try TermCalculator.extendedDecision(receipt(), weeks: 4, policy: TermPolicy(), calendar: calendar).get()
        let terms = receipt().recording(decisionDue: extended, setByCommand: true)
        XCTAssertEqual(terms.decisionDue, extended)
        XCTAssertEqual(terms.extensionWeeks, 4)
        XCTAssertEqual(terms.decisionTermEnd, receipt().decisionTermEnd.adding(weeks: 4))
    }

    func testALaterDateNoCommandSetIsNoExtension() {
        let later = receipt().decisionDue.adding(weeks: 2)
        let terms = receipt().recording(decisionDue: later, setByCommand: false)
        XCTAssertEqual(terms.decisionDue, later)
        XCTAssertEqual(terms.extensionWeeks, 0)
        XCTAssertEqual(terms.decisionTermEnd, receipt().decisionTermEnd)
    }

    func testTheDateCountedFromReceiptIsNoExtensionEvenWhenSet() {
        let terms = receipt().recording(decisionDue: receipt().decisionDue, setByCommand: true)
        XCTAssertEqual(terms, receipt())
    }
}
