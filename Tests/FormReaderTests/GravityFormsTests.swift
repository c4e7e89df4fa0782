import XCTest
@testable import FormReader

final class GravityFormsTests: XCTestCase {
    private let reader = FormNotificationReader()

    private func readHTML(_ html: String = GravityFormsFixtures.complaintHTML) throws -> FormNotification {
        let input = FormInput(subject: "New submission from Klachtenformulier",
                              fromAddress: "WordPress <wordpress@derups.nl>", html: html)
        return try XCTUnwrap(reader.read(input))
    }

    func testGravityFormsHTMLIsRecognisedByItsShadedLabelRows() throws {
        let input = FormInput(subject: "Klacht via de website", fromAddress: "wordpress@derups.nl",
                              html: GravityFormsFixtures.complaintHTML)
        XCTAssertEqual(reader.read(input)?.plugin, .gravityForms)
    }

    func testGravityFormsHTMLFieldsKeepTheirOrderAndLabels() throws {
        let labels = try readHTML().fields.map(\.label)
        XCTAssertEqual(labels, ["Naam ouder/verzorger", "E-mailadres", "Telefoonnummer", "Naam van uw kind",
                                "Locatie", "Soort melding", "Datum voorval", "Groep(en)", "Omschrijving",
                                "Wilt u gebeld worden?"])
    }

    func testGravityFormsHTMLMailtoLinkBecomesEmail() throws {
        let notification = try readHTML()
        XCTAssertEqual(notification.fields[1].value, "zoe.devries@example.nl")
        XCTAssertEqual(notification.mapped.email, "zoe.devries@example.nl")
    }

    func testGravityFormsHTMLEntitiesAreDecoded() throws {
        let mapped = try readHTML().mapped
        XCTAssertEqual(mapped.name, "Zoë de Vries")
        XCTAssertEqual(mapped.child, "Anneloes van 't Hoff")
        XCTAssertEqual(mapped.location, "KDV De Rups & BSO Het Café")
    }

    /// Issue 19: a form is read with the parser's entity table, so a Windows-1252 numeric reference
    /// is its character and the less common names are known.
    func testGravityFormsHTMLEntitiesAreReadWithTheParsersTable() throws {
        let html = GravityFormsFixtures.complaintHTML.replacingOccurrences(of: "Zo&euml; de Vries", with: "Zo&euml; de Vries &#150; &frac12; dag")
        XCTAssertNotEqual(html, GravityFormsFixtures.complaintHTML, "the fixture still names Zo&euml; de Vries")
        XCTAssertEqual(try readHTML(html).mapped.name, "Zoë de Vries – ½ dag")
    }

    func testGravityFormsHTMLCheckboxItemsAreJoinedByNewlines() throws {
        XCTAssertEqual(try readHTML().fields[7].value, "Peuters\nDreumesen")
    }

    func testGravityFormsHTMLLineBreaksStayInsideTheValueWithColonsAndURLsIntact() throws {
        XCTAssertEqual(try readHTML().mapped.description, """
            Bij het ophalen om 14:30 was niemand op de groep.
            Opmerking: zie hieronder
            één van de leidsters zei: kijk op https://www.example.nl/klachten
            """)
    }

    func testGravityFormsHTMLMapsKindDateAndCallBack() throws {
        let mapped = try readHTML().mapped
        XCTAssertEqual(mapped.kind, MessageKindWord.klacht.rawValue)
        XCTAssertEqual(mapped.eventDate, "12-03-2025 om 14:30")
        XCTAssertEqual(mapped.phone, "06-12345678")
        XCTAssertEqual(mapped.wantsCall, true)
    }

    func testGravityFormsHTMLEmptyFieldIsOmittedAndNotMapped() throws {
        let html = GravityFormsFixtures.htmlTable(
            GravityFormsFixtures.htmlField("Naam", "Jan Jansen")
            + GravityFormsFixtures.htmlField("Bericht", "Het hek stond open."))
        let mapped = try readHTML(html).mapped
        XCTAssertNil(mapped.phone)
        XCTAssertEqual(mapped.description, "Het hek stond open.")
    }

    func testGravityFormsTextSectionRuleEndsTheValueAboveIt() throws {
        let input = FormInput(subject: "New submission from Klachtenformulier", plainText: GravityFormsFixtures.complaintText)
        let notification = try XCTUnwrap(reader.read(input))
        XCTAssertEqual(notification.fields[1], FormField(label: "E-mailadres", value: "zoe.devries@example.nl"))
        XCTAssertEqual(notification.mapped.location, "BSO Het Café")
    }

    func testGravityFormsTextFormatIsRecognisedByTheDefaultSubject() throws {
        let input = FormInput(subject: "New submission from Klachtenformulier", fromAddress: "wordpress@derups.nl",
                              plainText: GravityFormsFixtures.complaintText)
        let notification = try XCTUnwrap(reader.read(input))
        XCTAssertEqual(notification.plugin, .gravityForms)
        XCTAssertEqual(notification.fields.map(\.label), ["Naam ouder/verzorger", "E-mailadres", "Locatie",
                                                          "Soort melding", "Omschrijving", "Wilt u gebeld worden?"])
        XCTAssertEqual(notification.mapped.name, "Zoë de Vries")
        XCTAssertEqual(notification.mapped.kind, "compliment")
        XCTAssertEqual(notification.mapped.wantsCall, false)
        XCTAssertEqual(notification.mapped.description, """
            Opmerking: zie hieronder.
            Wat fijn dat jullie om 14:30 nog even belden,
            zie ook https://www.example.nl/ouders

            Groeten van één tevreden ouder
            """)
    }
}
