import ComplaintCore
import XCTest

/// The `#` lines at the top of a reply, Dutch and English, and what is not a command.
final class CommandParserTests: XCTestCase {
    func testJudgementWithMeasureTermAndReasons() {
        let script = CommandParser.parse("""

            #oordeel gegrond
            #maatregel Nieuwe overdrachtsinstructie
            #termijn 4 weken

            Wij hebben met het team gesproken.
            Tweede regel.
            """)
        XCTAssertEqual(script.commands, [.judgement(.upheld), .measure("Nieuwe overdrachtsinstructie"), .term(.weeks(4))])
        XCTAssertEqual(script.body, "Wij hebben met het team gesproken.\nTweede regel.")
        XCTAssertEqual(script.errors, [])
    }

    func testEnglishAliasesAndColons() {
        let script = CommandParser.parse("#Judgement: partly-upheld\n#measure: Refund\n#term 2026-07-01\n\nReasons.")
        XCTAssertEqual(script.commands, [.judgement(.partlyUpheld), .measure("Refund"), .term(.date(LocalDate(year: 2026, month: 7, day: 1)))])
    }

    func testAnnualReportSummaryNeedsItsText() {
        XCTAssertEqual(CommandParser.parse("#jaarverslag Overdracht bij het ophalen verbeterd").commands,
                       [.annualSummary("Overdracht bij het ophalen verbeterd")])
        XCTAssertEqual(CommandParser.parse("#annual-report Pick-up handover improved").commands, [.annualSummary("Pick-up handover improved")])
        let empty = CommandParser.parse("#jaarverslag")
        XCTAssertEqual(empty.commands, [])
        XCTAssertEqual(empty.errors.count, 1)
    }

    func testOutcomesAndKinds() {
        XCTAssertEqual(CommandParser.parse("#oordeel deels gegrond").commands, [.judgement(.partlyUpheld)])
        XCTAssertEqual(CommandParser.parse("#oordeel ONGEGROND").commands, [.judgement(.unfounded)])
        XCTAssertEqual(CommandParser.parse("#soort question").commands, [.kind(.vraag)])
        XCTAssertEqual(CommandParser.parse("#categorie financien").commands, [.category("Financiën, facturatie en toeslag")])
    }

    func testOtherCommandsAndTheirArguments() {
        let script = CommandParser.parse("""
            #toewijzen <Behandelaar2@Example.test>
            #verlengen 3 weken wij wachten op een gesprek
            #ingetrokken de ouder is tevreden
            #geschorst geen contact
            #gesloten
            #locatie morel
            #meldcode
            #vrijgeven
            #help
            """)
        XCTAssertEqual(script.commands, [
            .assign("behandelaar2@example.test"), .extend(weeks: 3, reason: "wij wachten op een gesprek"),
            .withdrawn(reason: "de ouder is tevreden"), .suspended(reason: "geen contact", review: nil), .close(reason: nil),
            .location("morel"), .meldcode(reason: nil), .release, .help,
        ])
        XCTAssertEqual(script.body, "")
    }

    func testAnswerTextOnTheSameLineStartsTheBody() {
        let script = CommandParser.parse("#antwoord Beste ouder,\nwij bellen u morgen.")
        XCTAssertEqual(script.commands, [.answer])
        XCTAssertEqual(script.body, "Beste ouder,\nwij bellen u morgen.")
    }

    func testOnlyTheTopCounts() {
        let script = CommandParser.parse("Dank voor uw bericht.\n#oordeel gegrond\n")
        XCTAssertEqual(script.commands, [])
        XCTAssertFalse(script.hasCommands)
        XCTAssertEqual(script.body, "Dank voor uw bericht.\n#oordeel gegrond")
    }

    func testQuotedCommandIsNotACommand() {
        XCTAssertFalse(CommandParser.parse("> #oordeel gegrond\nIk bel morgen.").hasCommands)
    }

    func testUnknownCommandAndBadArgumentsAreErrors() {
        let script = CommandParser.parse("#oordeel misschien\n#afsluiten\n#termijn volgende week\n#maatregel\n#verlengen vier weken\n#ingetrokken")
        XCTAssertEqual(script.commands, [])
        XCTAssertEqual(script.errors.count, 6)
        XCTAssertTrue(script.errors[0].dutch.contains("gegrond, deels-gegrond of ongegrond"))
        XCTAssertTrue(script.errors[1].dutch.contains("#afsluiten"))
        XCTAssertTrue(script.hasCommands)
    }

    func testTermSpellings() {
        XCTAssertEqual(TermSpecParser.parse("1-7-2026"), .date(LocalDate(year: 2026, month: 7, day: 1)))
        XCTAssertEqual(TermSpecParser.parse("01/07/2026"), .date(LocalDate(year: 2026, month: 7, day: 1)))
        XCTAssertEqual(TermSpecParser.parse("2 weeks"), .weeks(2))
        XCTAssertEqual(TermSpecParser.parse("10 dagen"), .days(10))
        XCTAssertNil(TermSpecParser.parse("31-2-2026"))
        XCTAssertNil(TermSpecParser.parse("0 weken"))
    }
}
