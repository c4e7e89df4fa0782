import ComplaintCore
import XCTest

/// The handler's sign-off under a reply does not reach the parent's letter, which signs itself;
/// the reasoning itself is never cut.
final class HandlerSignatureTests: XCTestCase {
    private let names = ["Anna de Wit", "Karim Bouzid"]

    func testOutlookSignatureWithNameAndRoleIsRemoved() {
        let text = "Ik heb met het team gesproken. Het spijt ons.\n\nAnna de Wit\nLocatiemanager Morel"
        XCTAssertEqual(HandlerSignature.removed(from: text, names: names), "Ik heb met het team gesproken. Het spijt ons.")
    }

    func testGreetingParagraphAndNameParagraphAreBothRemoved() {
        let text = "Wij passen het protocol aan.\n\nMet vriendelijke groet,\n\nKarim Bouzid\nJeugdhuis | 040-1234567\nwww.example.test"
        XCTAssertEqual(HandlerSignature.removed(from: text, names: names), "Wij passen het protocol aan.")
    }

    func testIPhoneGreetingWithUnknownNameIsRemovedByTheGreeting() {
        let text = "Dank voor uw geduld.\n\nGroet,\nPetra\nVerzonden vanaf mijn iPhone"
        XCTAssertEqual(HandlerSignature.removed(from: text, names: names), "Dank voor uw geduld.")
    }

    func testAShortLastSentenceOrAnUnknownNameStays() {
        let text = "Wij hebben gesproken met de mentor.\n\nHet spijt ons."
        XCTAssertEqual(HandlerSignature.removed(from: text, names: names), text)
        let named = "Uw dochter speelde met Sanne.\n\nSanne de Boer\nkwam later"
        XCTAssertEqual(HandlerSignature.removed(from: named, names: names), named)
    }

    func testALongLastParagraphThatOpensWithTheNameStays() {
        let text = "Eerste punt.\n\nAnna de Wit\nheeft met het team gesproken\nen met de mentor\nen met de directie\nen met de ouders."
        XCTAssertEqual(HandlerSignature.removed(from: text, names: names), text)
    }

    func testOnlyASignatureLeavesNothing() {
        XCTAssertEqual(HandlerSignature.removed(from: "Met vriendelijke groet,\nAnna de Wit", names: names), "")
    }
}

/// In the plan: the judgement's reasons and an answer lose the handler's sign-off only where the
/// letter signs with the handler's configured name; without one, the parent still reads who wrote.
final class HandlerSignatureInPlanTests: XCTestCase {
    private func facts(handlerName: String?) -> CaseFacts {
        let morel = LocationProfile(name: "Morel", aliases: ["bso morel"], handler: "behandelaar1@example.test", handlerName: handlerName)
        let terms = CaseTerms(regime: .wko, receivedDate: LocalDate(year: 2026, month: 5, day: 4),
                              acknowledgementDue: LocalDate(year: 2026, month: 5, day: 11), firstContactDue: LocalDate(year: 2026, month: 5, day: 11),
                              solutionTargetDue: nil, decisionDue: LocalDate(year: 2026, month: 6, day: 15), extensionWeeks: 0,
                              gckWindowEnd: LocalDate(year: 2027, month: 5, day: 4), reminders: [])
        return CaseFacts(snapshot: CaseSnapshot(id: 1, reference: CaseReference(year: 2026, number: 1), state: .assigned,
                                                complainantAddress: "ouder1@example.test", handler: "behandelaar1@example.test", location: "Morel"),
                         regime: .wko, terms: terms, locations: [morel], assignableAddresses: ["behandelaar1@example.test"],
                         termPolicy: TermPolicy(), today: LocalDate(year: 2026, month: 5, day: 20))
    }

    private let reply = "#oordeel gegrond\n\nWij hebben met het team gesproken.\n\nAnna de Wit\nLocatiemanager Morel"

    func testTheReasonsLoseTheSignOffWhenTheLetterSignsWithTheConfiguredName() {
        let plan = CommandPlanner.plan(CommandParser.parse(reply), role: .handler, facts: facts(handlerName: "Anna de Wit"))
        XCTAssertEqual(plan.mails, [.judgement(outcome: .upheld, reasons: "Wij hebben met het team gesproken.", measures: [])])
        let answer = CommandPlanner.plan(CommandParser.parse("#antwoord\n\nIk bel u morgen.\n\nMet vriendelijke groet,\nAnna de Wit"),
                                         role: .handler, facts: facts(handlerName: "Anna de Wit"))
        XCTAssertEqual(answer.mails, [.answer(text: "Ik bel u morgen.")])
    }

    func testWithoutAConfiguredNameTheSignOffStays() {
        let plan = CommandPlanner.plan(CommandParser.parse(reply), role: .handler, facts: facts(handlerName: nil))
        XCTAssertEqual(plan.mails, [.judgement(outcome: .upheld, reasons: "Wij hebben met het team gesproken.\n\nAnna de Wit\nLocatiemanager Morel", measures: [])])
    }

    func testASignOffAloneIsNoReasoning() {
        let plan = CommandPlanner.plan(CommandParser.parse("#oordeel gegrond\n\nMet vriendelijke groet,\nAnna de Wit"),
                                       role: .handler, facts: facts(handlerName: "Anna de Wit"))
        XCTAssertFalse(plan.errors.isEmpty)
    }
}
