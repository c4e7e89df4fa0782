import ComplaintCore
import XCTest

/// What each command changes and sends, and that any error means nothing at all.
final class CommandPlannerTests: XCTestCase, PlannerFixture {
    func testJudgementWithMeasuresRecordsOutcomeMeasuresAndMovesToMeasuresPending() {
        let result = plan("#oordeel gegrond\n#maatregel A\n#termijn 4 weken\n#maatregel B\n#termijn 2026-07-01\n\nDe redenen.")
        let a = PlannedMeasure(text: "A", due: LocalDate(year: 2026, month: 6, day: 17))
        let b = PlannedMeasure(text: "B", due: LocalDate(year: 2026, month: 7, day: 1))
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.changes, [
            .set(.outcome, "gegrond"), .transition(.sendJudgement, reason: "oordeel: gegrond"),
            .recordMeasures([a, b]), .setDate(.measuresDue, LocalDate(year: 2026, month: 7, day: 1)),
            .transition(.awaitMeasures, reason: "2 maatregel(en), uiterlijk 2026-07-01"),
        ])
        XCTAssertEqual(result.mails, [.judgement(outcome: .upheld, reasons: "De redenen.", measures: [a, b])])
    }

    func testACountedMeasureTermEndsOnAWorkingDayAndAWrittenDateStands() {
        var sunday = facts()
        sunday.today = LocalDate(year: 2026, month: 12, day: 6)   // a judgement given on a Sunday
        sunday.calendar = WorkingDayCalendar(holidays: DutchHolidays())
        let result = plan("#oordeel gegrond\n#maatregel A\n#termijn 4 weken\n#maatregel B\n#termijn 2027-01-03\n\nR.", facts: sunday)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.mails, [.judgement(outcome: .upheld, reasons: "R.", measures: [
            PlannedMeasure(text: "A", due: LocalDate(year: 2027, month: 1, day: 4)),   // Sunday 3 January → Monday 4 January
            PlannedMeasure(text: "B", due: LocalDate(year: 2027, month: 1, day: 3)),
        ])])
    }

    func testJudgementWithoutMeasuresStaysJudgementSent() {
        let result = plan("#oordeel ongegrond\n\nDe redenen.")
        XCTAssertEqual(result.changes, [.set(.outcome, "ongegrond"), .transition(.sendJudgement, reason: "oordeel: ongegrond")])
    }

    func testOneTermCoversEveryMeasureAboveIt() {
        let result = plan("#oordeel deels-gegrond\n#maatregel A\n#maatregel B\n#termijn 10 dagen\n\nRedenen.")
        guard case .judgement(_, _, let measures)? = result.mails.first else { return XCTFail("\(result)") }
        XCTAssertEqual(measures.map(\.due), [LocalDate(year: 2026, month: 5, day: 30), LocalDate(year: 2026, month: 5, day: 30)])
    }

    func testJudgementErrorsChangeNothing() {
        let cases = [
            "#oordeel gegrond",                                         // no reasons
            "#oordeel gegrond\n#maatregel A\n\nRedenen.",               // measure without term
            "#oordeel gegrond\n#termijn 4 weken\n\nRedenen.",            // term without measure
            "#oordeel gegrond\n#maatregel A\n#termijn 2026-05-20\n\nR.", // term not after today
            "#maatregel A\n#termijn 4 weken\n\nR.",                      // measure without judgement
            "#oordeel gegrond\n#oordeel ongegrond\n\nR.",                // two judgements
            "#antwoord\n#oordeel gegrond\n\nR.",                         // answer and judgement share the text
        ]
        for text in cases {
            let result = plan(text)
            XCTAssertFalse(result.errors.isEmpty, text)
            XCTAssertEqual(result.changes, [], text)
            XCTAssertEqual(result.mails, [], text)
            XCTAssertTrue(result.needsReply, text)
        }
    }

    func testJudgementRefusedOnceJudged() {
        let result = plan("#oordeel gegrond\n\nR.", facts: facts(state: .measuresPending))
        XCTAssertEqual(result.errors.map(\.dutch), ["#oordeel kan niet bij een zaak met status 'maatregelen lopen'"])
    }

    func testAnswerSendsTheTextToTheParent() {
        XCTAssertEqual(plan("#antwoord\nBeste ouder, wij bellen u.").mails, [.answer(text: "Beste ouder, wij bellen u.")])
        XCTAssertFalse(plan("#antwoord").errors.isEmpty)
        XCTAssertFalse(plan("#antwoord\nTekst", facts: facts(complainant: nil)).errors.isEmpty)
    }

    func testAssignSetsTheHandlerAndMailsThem() {
        let result = plan("#toewijzen behandelaar2@example.test")
        XCTAssertEqual(result.changes, [.set(.handler, "behandelaar2@example.test"), .transition(.assign, reason: "toegewezen aan behandelaar2@example.test")])
        XCTAssertEqual(result.mails, [.assignment])
        XCTAssertFalse(plan("#toewijzen iemand@elders.test").errors.isEmpty)
    }

    func testCategoryLocationAndKindSetTheirFields() {
        XCTAssertEqual(plan("#categorie veiligheid\n#locatie boomgaard\n#soort onvrede").changes, [
            .set(.category, "Veiligheid en gezondheid"), .set(.location, "De Boomgaard"), .set(.kind, "onvrede"),
        ])
        XCTAssertFalse(plan("#locatie Nergenshuizen").errors.isEmpty)
    }

    func testExtensionOnlyForWkkgzOnceAndBeforeTheTermEnds() {
        let wkkgz = facts(regime: .wkkgz)
        let result = plan("#verlengen 4 weken wij wachten op een deskundige", facts: wkkgz)
        XCTAssertEqual(result.changes, [.setDate(.decisionDue, LocalDate(year: 2026, month: 7, day: 13))])
        XCTAssertEqual(result.mails, [.termExtension(weeks: 4, reason: "wij wachten op een deskundige", originalDue: LocalDate(year: 2026, month: 6, day: 15))])
        XCTAssertFalse(plan("#verlengen 4 weken reden").errors.isEmpty, "the Wet kinderopvang has no extension")
        XCTAssertFalse(plan("#verlengen 5 weken reden", facts: wkkgz).errors.isEmpty, "at most 4 weeks")
        XCTAssertFalse(plan("#verlengen 2 weken reden", facts: facts(regime: .wkkgz, extended: 2)).errors.isEmpty, "only once")
        XCTAssertFalse(plan("#verlengen 2 weken reden", facts: facts(regime: .wkkgz, decisionDue: LocalDate(year: 2026, month: 5, day: 19))).errors.isEmpty)
    }

    func testSideExitsAndClosing() {
        XCTAssertEqual(plan("#ingetrokken ouder tevreden").changes, [.transition(.withdraw, reason: "ouder tevreden")])
        XCTAssertEqual(plan("#ingetrokken ouder tevreden").mails, [.withdrawal], "the parent gets a confirmation")
        let suspended = plan("#geschorst geen contact")
        XCTAssertEqual(suspended.changes, [.transition(.suspend, reason: "geen contact"), .setDate(.reviewDue, LocalDate(year: 2026, month: 6, day: 3))])
        XCTAssertEqual(suspended.mails, [.suspension(review: LocalDate(year: 2026, month: 6, day: 3))])
        let closing = plan("#gesloten maatregelen uitgevoerd", facts: facts(state: .measuresPending))
        XCTAssertEqual(closing.changes, [.transition(.close, reason: "maatregelen uitgevoerd")])
        XCTAssertEqual(closing.mails, [.closing(reason: nil)], "the reason stays in the file, not in the parent's letter")
    }

    func testMeldcodeByTheSafeguardingOfficerOnly() {
        XCTAssertEqual(plan("#meldcode", role: .safeguarding).changes, [.transition(.restrictForSafeguarding, reason: "onder de meldcode gebracht"),
                                                                         .set(.handler, nil)], "the handler is taken off, as by the screen")
        XCTAssertFalse(plan("#meldcode", role: .handler).errors.isEmpty)
        XCTAssertEqual(plan("#vrijgeven", role: .safeguarding, facts: facts(state: .safeguarding)).changes.first,
                       .transition(.releaseFromSafeguarding, reason: "vrijgegeven door de aandachtsfunctionaris"))
    }

    func testHelpAsksForAReplyAndChangesNothing() {
        let result = plan("#help")
        XCTAssertTrue(result.helpRequested)
        XCTAssertTrue(result.needsReply)
        XCTAssertEqual(result.changes, [])
    }

    func testOneBadCommandCancelsTheGoodOnes() {
        let result = plan("#categorie veiligheid\n#toewijzen niemand@elders.test")
        XCTAssertEqual(result.changes, [])
        XCTAssertEqual(result.errors.count, 1)
    }
}
