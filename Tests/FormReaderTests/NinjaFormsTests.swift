import XCTest
@testable import FormReader

final class NinjaFormsTests: XCTestCase {
    private let reader = FormNotificationReader()

    func testNinjaFormsFieldsTableIsRecognisedByItsTopAlignedLabelCells() throws {
        let input = FormInput(subject: "Klachtenformulier", fromAddress: "info@kabouterhuis.nl",
                              html: NinjaFormsFixtures.fieldsTable)
        let notification = try XCTUnwrap(reader.read(input))
        XCTAssertEqual(notification.plugin, .ninjaForms)
        XCTAssertEqual(notification.fields.map(\.label),
                       ["Naam ouder", "E-mail", "Telefoon", "Vestiging", "Soort melding", "Dagen", "Bericht",
                        "Terugbellen"])
    }

    func testNinjaFormsFieldsTableMapsValuesWithEntitiesLinksAndEmptyField() throws {
        let input = FormInput(subject: "Ninja Forms Submission", html: NinjaFormsFixtures.fieldsTable)
        let notification = try XCTUnwrap(reader.read(input))
        XCTAssertEqual(notification.fields[2], FormField(label: "Telefoon", value: ""))
        XCTAssertEqual(notification.mapped, MappedFields(
            name: "Zoë Smit", email: "zoe.smit@example.nl", location: "KDV 't Kabouterhuis", kind: "suggestie",
            description: "Misschien kan de BSO om 18:30 sluiten?\nMeer info: https://www.example.nl/openingstijden",
            wantsCall: false))
    }

    func testNinjaFormsContactMeTemplateGivesMessageNameAndEmail() throws {
        let input = FormInput(subject: "Ninja Forms Submission", fromAddress: "wordpress@derups.nl",
                              html: NinjaFormsFixtures.contactMe)
        let notification = try XCTUnwrap(reader.read(input))
        XCTAssertEqual(notification.plugin, .ninjaForms)
        XCTAssertEqual(notification.mapped.name, "Jan de Boer")
        XCTAssertEqual(notification.mapped.email, "jan.deboer@example.nl")
        XCTAssertEqual(notification.mapped.description,
                       "Ik ben niet tevreden over de communicatie.\nVorige week is er om 14:30 niets doorgegeven.")
    }

    func testNinjaFormsContactMeFromUnknownSenderWithOwnSubjectIsNotRecognised() {
        let input = FormInput(subject: "Reactie", fromAddress: "jan.deboer@example.nl", html: NinjaFormsFixtures.contactMe)
        XCTAssertNil(reader.read(input))
    }

    func testNinjaFormsOlderFieldsTableWithoutAlignmentIsRecognisedByTheDefaultSubject() throws {
        let html = "<table><tr><td>Naam:</td><td>Jan Jansen</td></tr><tr><td>Bericht:</td><td>Te laat</td></tr></table>"
        let notification = try XCTUnwrap(reader.read(FormInput(subject: "Ninja Forms Submission", html: html)))
        XCTAssertEqual(notification.plugin, .ninjaForms)
        XCTAssertEqual(notification.mapped, MappedFields(name: "Jan Jansen", description: "Te laat"))
    }

    func testParentSignatureTableWithTopAlignedLabelsIsNotANinjaForm() {
        let html = """
            <p>Beste mevrouw, ik ben het niet eens met de factuur.</p>
            <table><tr><td valign="top">Tel:</td><td>06-12345678</td></tr>
            <tr><td valign="top">E-mail:</td><td><a href="mailto:jan@example.nl">jan@example.nl</a></td></tr></table>
            """
        XCTAssertNil(reader.read(FormInput(subject: "Factuur", fromAddress: "jan@example.nl", html: html)))
    }
}
