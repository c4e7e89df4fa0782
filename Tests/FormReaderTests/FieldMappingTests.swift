import XCTest
@testable import FormReader

final class FieldMappingTests: XCTestCase {
    private func map(_ pairs: [(String, String)], synonyms: LabelSynonyms = .defaults) -> MappedFields {
        FieldMapper(vocabulary: LabelVocabulary(synonyms)).map(pairs.map { FormField(label: $0.0, value: $0.1) })
    }

    func testLabelsMatchIgnoringCaseAccentsRequiredMarkersAndTrailingPunctuation() {
        let mapped = map([("NAAM OUDER / VERZORGER (verplicht) *", "Jan"), ("E-mailadrés:", "jan@example.nl"),
                          ("Telefoonnummer (required)", "0612345678"), ("Wilt u gebeld worden?", "ja")])
        XCTAssertEqual(mapped, MappedFields(name: "Jan", email: "jan@example.nl", phone: "0612345678", wantsCall: true))
    }

    func testFirstNonEmptyFieldWinsForEachName() {
        let mapped = map([("Naam", ""), ("Uw naam", "Zoë"), ("Name", "Other")])
        XCTAssertEqual(mapped.name, "Zoë")
    }

    func testKindValuesAreNormalisedToMessageKindWords() {
        let cases: [(String, MessageKindWord)] = [
            ("Klacht", .klacht), ("Complaint", .klacht), ("Een compliment!", .compliment), ("Vraag", .vraag),
            ("Question", .vraag), ("Suggestie / idee", .suggestie), ("Idee", .suggestie), ("Suggestion", .suggestie),
            ("Verbeterpunt", .verbeterpunt), ("Improvement", .verbeterpunt), ("Onvrede", .onvrede),
        ]
        for (value, word) in cases {
            XCTAssertEqual(map([("Soort melding", value)]).kind, word.rawValue, value)
        }
    }

    func testUnrecognisedKindStaysNil() {
        XCTAssertNil(map([("Type", "Anders, namelijk")]).kind)
    }

    func testDutchKindLabelIsTheChildUnlessItsValueIsAKindOfMessage() {
        XCTAssertEqual(map([("Kind", "Zoë de Vries")]), MappedFields(child: "Zoë de Vries"))
        XCTAssertEqual(map([("Kind", "Complaint")]), MappedFields(kind: "klacht"))
    }

    func testWantsCallReadsYesAndNoInDutchAndEnglish() {
        XCTAssertEqual(map([("Terugbellen", "Ja, graag")]).wantsCall, true)
        XCTAssertEqual(map([("Call me back", "Yes")]).wantsCall, true)
        XCTAssertEqual(map([("Terugbellen", "Nee")]).wantsCall, false)
        XCTAssertEqual(map([("Call me back", "no")]).wantsCall, false)
        XCTAssertNil(map([("Terugbellen", "Misschien")]).wantsCall)
    }

    func testEmailMustLookLikeAnAddress() {
        XCTAssertNil(map([("E-mail", "jan at example.nl")]).email)
        XCTAssertNil(map([("E-mail", "jan@localhost")]).email)
        XCTAssertNil(map([("E-mail", "jan@@example.nl")]).email)
        XCTAssertNil(map([("E-mail", "jan jansen@example.nl")]).email)
        XCTAssertEqual(map([("E-mail", " Jan <jan@example.nl> ")]).email, "jan@example.nl")
    }

    func testConfiguredSynonymsAddLabels() {
        var synonyms = LabelSynonyms.defaults
        synonyms.add(["Naam van de klager", "Kinderdagverblijf"], for: .name)
        synonyms.add(["Kinderdagverblijf"], for: .location)
        let mapped = map([("Naam van de klager", "Jan"), ("Kinderdagverblijf", "De Rups")], synonyms: synonyms)
        XCTAssertEqual(mapped.name, "Jan")
        XCTAssertNil(map([("Naam van de klager", "Jan")]).name)
    }

    func testDefaultSynonymsCoverEveryMappedField() {
        for field in MappedFieldName.allCases {
            XCTAssertFalse(LabelSynonyms.defaults.synonyms[field, default: []].isEmpty, field.rawValue)
        }
    }
}
