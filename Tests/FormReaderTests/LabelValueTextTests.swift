import XCTest
@testable import FormReader

final class LabelValueTextTests: XCTestCase {
    private let vocabulary = LabelVocabulary(.defaults)

    func testShortLabelAtLineStartSplitsFromItsValue() {
        XCTAssertEqual(LabelValueText.splitLabel("Naam ouder: Jan")?.0, "Naam ouder")
        XCTAssertEqual(LabelValueText.splitLabel("Naam ouder: Jan")?.1, " Jan")
        XCTAssertEqual(LabelValueText.splitLabel("Telefoon:")?.0, "Telefoon")
    }

    func testTimesURLsAndSentencesAreNotLabels() {
        XCTAssertNil(LabelValueText.splitLabel("14:30 kwam ik binnen"))
        XCTAssertNil(LabelValueText.splitLabel("Om 14:30 was de deur dicht"))
        XCTAssertNil(LabelValueText.splitLabel("https://www.example.nl/klacht"))
        XCTAssertNil(LabelValueText.splitLabel("mailto:jan@example.nl"))
        XCTAssertNil(LabelValueText.splitLabel("Toen ik haar vanmiddag vroeg wat er gebeurd was zei ze: niets"))
        XCTAssertNil(LabelValueText.splitLabel("Ja, en toen: niets"))
        XCTAssertNil(LabelValueText.splitLabel("> Naam: Jan"))
    }

    func testContinuationLinesWithTimesAndURLsStayInTheValue() {
        let fields = LabelValueText.fields(in: """
            Omschrijving: De deur was dicht.
            14:30 kwam ik terug,
            https://www.example.nl/foto.jpg
            Naam: Jan
            """, vocabulary: vocabulary)
        XCTAssertEqual(fields, [
            FormField(label: "Omschrijving",
                      value: "De deur was dicht.\n14:30 kwam ik terug,\nhttps://www.example.nl/foto.jpg"),
            FormField(label: "Naam", value: "Jan"),
        ])
    }

    func testUnknownLabelAfterABlankLineInAMessageStartsAField() {
        let fields = LabelValueText.fields(in: "Bericht: Het hek stond open.\n\nAkkoord privacy: Ja", vocabulary: vocabulary)
        XCTAssertEqual(fields.map(\.label), ["Bericht", "Akkoord privacy"])
    }

    func testKnownLabelRightAfterAMessageLineStartsAField() {
        let fields = LabelValueText.fields(in: "Bericht: Het hek stond open.\nLocatie: De Rups", vocabulary: vocabulary)
        XCTAssertEqual(fields, [FormField(label: "Bericht", value: "Het hek stond open."),
                                FormField(label: "Locatie", value: "De Rups")])
    }
}
