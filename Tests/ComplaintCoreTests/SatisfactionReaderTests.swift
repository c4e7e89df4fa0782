import ComplaintCore
import XCTest

/// How the parent's reply to the satisfaction question is read.
final class SatisfactionReaderTests: XCTestCase {
    private func answer(_ text: String) -> SatisfactionAnswer { SatisfactionReader.read(text).answer }

    func testYesAndNoInDutchAndEnglishAreRead() {
        for text in ["ja", "Ja!", "JA, dank u wel", "yes", "Yes, thank you.", "Jazeker", "Prima zo"] {
            XCTAssertEqual(answer(text), .satisfied, text)
        }
        for text in ["nee", "Nee.", "no", "No thanks", "Neen"] {
            XCTAssertEqual(answer(text), .notSatisfied, text)
        }
    }

    func testNoBecauseIsNotSatisfied() {
        XCTAssertEqual(answer("Nee, want er is met de overdracht niets veranderd.\nMet vriendelijke groet,\nSanne"), .notSatisfied)
    }

    func testYesButIsUnclearForAPersonToRead() {
        XCTAssertEqual(answer("Ja, maar de juf is nog steeds niet op tijd."), .unclear)
        XCTAssertEqual(answer("Yes but the pick-up list is still wrong"), .unclear)
    }

    func testRatingsFourAndFiveAreSatisfiedThreeAndBelowNot() {
        XCTAssertEqual(answer("5"), .satisfied)
        XCTAssertEqual(answer("4/5"), .satisfied)
        XCTAssertEqual(answer("Cijfer 4"), .satisfied)
        XCTAssertEqual(answer("3"), .notSatisfied, "a neutral parent gets the outside bodies again")
        XCTAssertEqual(answer("2 - het duurde te lang"), .notSatisfied)
        XCTAssertEqual(answer("1"), .notSatisfied)
        XCTAssertEqual(answer("7"), .unclear, "not a rating 1 to 5")
    }

    func testFreeTextWithSatisfactionWords() {
        XCTAssertEqual(answer("Ik ben tevreden over hoe het is opgelost."), .satisfied)
        XCTAssertEqual(answer("Ik ben niet tevreden over de afhandeling."), .notSatisfied)
        XCTAssertEqual(answer("Eerlijk gezegd ontevreden."), .notSatisfied)
        XCTAssertEqual(answer("I am not satisfied at all"), .notSatisfied)
        XCTAssertEqual(answer("Graag bel ik u hierover."), .unclear)
        XCTAssertEqual(answer(""), .unclear)
    }

    func testOnlyTheFirstLinesAreReadAndKept() {
        let reading = SatisfactionReader.read("\n\nGraag bel ik u.\nOp dinsdag.\nGroet,\nSanne\nPS: ik ben niet tevreden")
        XCTAssertEqual(reading.answer, .unclear, "the fifth line is not read")
        XCTAssertEqual(reading.text, "Graag bel ik u.\nOp dinsdag.\nGroet,")
    }
}
