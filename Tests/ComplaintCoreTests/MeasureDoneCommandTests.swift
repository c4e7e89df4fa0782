import ComplaintCore
import XCTest

/// `#maatregel-gereed`: which measures it confirms, and when it is refused.
final class MeasureDoneCommandTests: XCTestCase {
    private func facts(state: CaseState = .measuresPending, done: [Bool]) -> CaseFacts {
        var facts = CaseFacts(snapshot: CaseSnapshot(id: 1, reference: CaseReference(year: 2026, number: 1), state: state,
                                                     complainantAddress: "ouder1@example.test", handler: "behandelaar1@example.test", location: nil),
                              regime: .wko, terms: nil, locations: [], assignableAddresses: [], termPolicy: TermPolicy(),
                              today: LocalDate(year: 2026, month: 6, day: 20))
        facts.measuresDone = done
        return facts
    }

    private func plan(_ text: String, _ facts: CaseFacts) -> CommandPlan {
        CommandPlanner.plan(CommandParser.parse(text), role: .handler, facts: facts)
    }

    func testParserReadsNumberAllAndNothingInBothLanguages() {
        XCTAssertEqual(CommandParser.parse("#maatregel-gereed 2").commands, [.measureDone(.number(2))])
        XCTAssertEqual(CommandParser.parse("#measure-done all").commands, [.measureDone(.all)])
        XCTAssertEqual(CommandParser.parse("#maatregel-gereed alle").commands, [.measureDone(.all)])
        XCTAssertEqual(CommandParser.parse("#maatregel-gereed").commands, [.measureDone(.unspecified)])
        XCTAssertEqual(CommandParser.parse("#maatregel-gereed twee").errors.count, 1)
        XCTAssertEqual(CommandParser.parse("#maatregel Nieuwe ophaallijst").commands, [.measure("Nieuwe ophaallijst")], "still a measure")
    }

    func testConfirmsTheNamedOpenMeasures() {
        XCTAssertEqual(plan("#maatregel-gereed 2", facts(done: [false, false])).changes, [.completeMeasures([1])])
        XCTAssertEqual(plan("#maatregel-gereed alle", facts(done: [true, false, false])).changes, [.completeMeasures([1, 2])])
        XCTAssertEqual(plan("#maatregel-gereed", facts(done: [false])).changes, [.completeMeasures([0])], "the only one")
    }

    func testRefusesWhatCannotBeMeant() {
        XCTAssertEqual(plan("#maatregel-gereed", facts(done: [false, false])).errors.count, 1, "which of the two?")
        XCTAssertEqual(plan("#maatregel-gereed 3", facts(done: [false, false])).errors.count, 1)
        XCTAssertEqual(plan("#maatregel-gereed 1", facts(done: [true, false])).errors.count, 1, "already done")
        XCTAssertEqual(plan("#maatregel-gereed alle", facts(state: .assigned, done: [])).errors.count, 1, "no judgement yet")
        XCTAssertEqual(plan("#maatregel-gereed alle", facts(state: .judgementSent, done: [])).errors.count, 1, "no measures")
    }
}
