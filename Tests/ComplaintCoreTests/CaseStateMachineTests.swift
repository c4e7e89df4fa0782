import ComplaintCore
import XCTest

final class CaseStateMachineTests: XCTestCase {
    func testMainPathRunsFromReceivedToClosed() {
        var state = CaseState.received
        for action in [CaseAction.acknowledge, .assign, .sendJudgement, .awaitMeasures, .close] {
            guard case .success(let next) = CaseStateMachine.next(from: state, on: action) else {
                return XCTFail("\(action) refused from \(state)")
            }
            state = next
        }
        XCTAssertEqual(state, .closed)
    }

    func testJudgementBeforeAnyoneIsAssignedIsAllowedAfterAcknowledgement() {
        XCTAssertEqual(try CaseStateMachine.next(from: .acknowledged, on: .sendJudgement).get(), .judgementSent)
    }

    func testSafeguardingCaseCanOnlyBeReleasedOrClosedUnderMeldcode() {
        XCTAssertEqual(try CaseStateMachine.next(from: .safeguarding, on: .releaseFromSafeguarding).get(), .acknowledged)
        XCTAssertEqual(try CaseStateMachine.next(from: .safeguarding, on: .closeUnderMeldcode).get(), .closed)
        guard case .failure(let refusal) = CaseStateMachine.next(from: .safeguarding, on: .assign) else {
            return XCTFail("a safeguarding case must not be assigned to a location handler")
        }
        XCTAssertEqual(Set(refusal.allowed), [.releaseFromSafeguarding, .closeUnderMeldcode])
        XCTAssertTrue(refusal.description.contains("meldcode"))
    }

    func testWithdrawnCaseRefusesEverything() {
        for action in CaseAction.allCases {
            if case .success = CaseStateMachine.next(from: .withdrawn, on: action) { XCTFail("\(action) accepted on a withdrawn case") }
        }
    }

    func testClosedCaseMayStillGoToTheGeschillencommissie() {
        XCTAssertEqual(try CaseStateMachine.next(from: .closed, on: .referToGeschillencommissie).get(), .referredGeschillencommissie)
        if case .success = CaseStateMachine.next(from: .closed, on: .sendJudgement) { XCTFail("judgement on a closed case") }
    }

    func testOnlyClosedWithdrawnAndNotAComplaintAreNotOpen() {
        let closedStates = CaseState.allCases.filter { !$0.isOpen }
        XCTAssertEqual(Set(closedStates), [.closed, .withdrawn, .notAComplaint])
    }
}

final class CaseReferenceTests: XCTestCase {
    func testReferenceFormatsWithFourDigitsAndReadsBack() {
        let reference = CaseReference(year: 2026, number: 7)
        XCTAssertEqual(reference.description, "KL-2026-0007")
        XCTAssertEqual(CaseReference("kl-2026-0007"), reference)
        XCTAssertEqual(CaseReference(year: 2026, number: 12345).description, "KL-2026-12345")
    }

    func testSubjectTagsAreFoundInBracketsOnly() {
        let tags = CaseReference.tags(in: "Re: [KL-2026-0042] Ontvangstbevestiging KL-2026-0099 [niet] [KL-2025-0001]")
        XCTAssertEqual(tags.map(\.description), ["KL-2026-0042", "KL-2025-0001"])
    }

    func testMalformedReferencesAreRejected() {
        for text in ["KL-26-0001", "KL-2026-", "XX-2026-0001", "KL-2026-0000", "KL-2026-00a1"] {
            XCTAssertNil(CaseReference(text), text)
        }
    }
}
