import XCTest
@testable import ComplaintCore

/// Issue 19: a new case's first steps are in the intake plan, as a command's are in its plan.
final class NewCaseTransitionsTests: XCTestCase {
    private func plan(_ kind: MessageKind, state: CaseState = .received, handler: String? = "behandelaar1@example.test",
                      mails: [MailIntent] = [MailIntent("acknowledgement", to: .complainant)]) -> NewCasePlan {
        NewCasePlan(kind: kind, complainant: nil, location: nil, handler: handler, regime: .wko, subject: nil, initialState: state,
                    flags: [], safeguardingHits: [], seriousHits: [], mails: mails)
    }

    func testAComplaintIsAcknowledgedThenAssigned() {
        XCTAssertEqual(plan(.klacht).transitions, [
            .transition(.acknowledge, reason: "acknowledgement queued"),
            .transition(.assign, reason: "assigned to the handler of the location: behandelaar1@example.test"),
        ])
    }

    func testNoMailToTheComplainantMeansNoAcknowledgementAndNoHandlerNoAssignment() {
        XCTAssertEqual(plan(.klacht, handler: nil, mails: [MailIntent("unassigned-notice", to: .quality)]).transitions, [])
    }

    func testAComplimentIsOnlyRegisteredAndThanked() {
        XCTAssertEqual(plan(.compliment).transitions, [.transition(.classifyNotAComplaint, reason: "a compliment: registered and thanked")])
    }

    func testACaseThatStartsUnderTheMeldcodeDoesNotMove() {
        XCTAssertEqual(plan(.klacht, state: .safeguarding).transitions, [])
    }
}
