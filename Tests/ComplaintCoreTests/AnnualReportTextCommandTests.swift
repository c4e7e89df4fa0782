import ComplaintCore
import XCTest

/// Issue 18: `#jaarverslag TEXT` on a case is the text the annual report publishes; a year alone
/// (`#jaarverslag 2026`) is the quality staff's request for a report, never a case's text.
final class AnnualReportTextCommandTests: XCTestCase {
    func testAYearAloneIsNotAReportText() {
        let script = CommandParser.parse("#jaarverslag 2026")
        XCTAssertEqual(script.commands, [])
        XCTAssertEqual(script.errors.count, 1)
        XCTAssertTrue(script.errors.first?.dutch.contains("#jaarverslag 2026 is alleen een jaartal") ?? false, "\(script.errors)")
    }

    func testATextThatStartsWithAYearIsAText() {
        XCTAssertEqual(CommandParser.parse("#jaarverslag 2026: de ouder miste de overdracht; het team spreekt die opnieuw af").commands,
                       [.annualSummary("2026: de ouder miste de overdracht; het team spreekt die opnieuw af")])
        XCTAssertEqual(CommandParser.parse("#jaarverslag 20260").commands, [.annualSummary("20260")], "not a 4-digit year")
    }

    func testTheHelpSaysWhatTheTextIsFor() {
        XCTAssertTrue(CommandVocabulary.help.contains("#jaarverslag TEKST        (#annual-report) de tekst die het jaarverslag over deze klacht publiceert"))
    }
}
