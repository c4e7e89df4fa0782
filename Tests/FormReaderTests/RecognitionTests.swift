import XCTest
@testable import FormReader

final class RecognitionTests: XCTestCase {
    private let genericBody = """
        Er is een nieuw bericht via de website.

        Naam: Jan Jansen
        E-mailadres: jan.jansen@example.nl
        Tijdstip: 14:30
        Website: https://www.example.nl/klachten
        Omschrijving: Bij het brengen was de deur dicht.
        De leidster kwam pas om 07:45.
        Toelichting bij de datum: zie boven
        """

    func testOrdinaryParentEmailIsNotAFormNotification() {
        let input = FormInput(subject: "Klacht over de BSO", fromAddress: "jan.jansen@example.nl",
                              plainText: """
                                Beste mevrouw,

                                Ik wil een klacht indienen over het ophalen van vandaag om 17:30.
                                Naam: Jan Jansen
                                Zie ook https://www.example.nl

                                Met vriendelijke groet,
                                Jan Jansen
                                """)
        XCTAssertNil(FormNotificationReader(formSenders: ["wordpress@derups.nl"]).read(input))
    }

    func testOrdinaryParentHTMLEmailWithATableIsNotAFormNotification() {
        let input = FormInput(subject: "Rooster", fromAddress: "jan.jansen@example.nl",
                              html: "<p>Hallo,</p><table><tr><td>Maandag:</td><td>KDV</td></tr></table>")
        XCTAssertNil(FormNotificationReader().read(input))
    }

    func testConfiguredSenderWithLabelValueBodyIsReadAsGeneric() throws {
        let reader = FormNotificationReader(formSenders: ["Formulier@DeRups.nl"])
        let input = FormInput(subject: "Nieuw bericht", fromAddress: "Website De Rups <formulier@derups.nl>",
                              plainText: genericBody)
        let notification = try XCTUnwrap(reader.read(input))
        XCTAssertEqual(notification.plugin, .generic)
        XCTAssertEqual(notification.fields, [
            FormField(label: "Naam", value: "Jan Jansen"),
            FormField(label: "E-mailadres", value: "jan.jansen@example.nl"),
            FormField(label: "Tijdstip", value: "14:30"),
            FormField(label: "Website", value: "https://www.example.nl/klachten"),
            FormField(label: "Omschrijving", value: """
                Bij het brengen was de deur dicht.
                De leidster kwam pas om 07:45.
                Toelichting bij de datum: zie boven
                """),
        ])
    }

    func testAbbreviatedLabelWithDotsStartsAField() throws {
        let reader = FormNotificationReader(formSenders: ["formulier@derups.nl"])
        let input = FormInput(fromAddress: "formulier@derups.nl", plainText: "Naam: Jan\nTel.nr.: 06-12345678")
        let notification = try XCTUnwrap(reader.read(input))
        XCTAssertEqual(notification.fields.last, FormField(label: "Tel.nr.", value: "06-12345678"))
        XCTAssertEqual(notification.mapped.phone, "06-12345678")
    }

    func testVanFieldWithoutAnAddressIsNotTakenAsTheSender() throws {
        let reader = FormNotificationReader(formSenders: ["formulier@derups.nl"])
        let input = FormInput(fromAddress: "formulier@derups.nl", plainText: "Van: 1 maart\nTot: 5 maart\nBericht: Ziek")
        XCTAssertNil(try XCTUnwrap(reader.read(input)).mapped.name)
    }

    func testConfiguredSenderDomainMatchesAnyAddressAtThatDomain() throws {
        let reader = FormNotificationReader(formSenders: ["@derups.nl"])
        let input = FormInput(fromAddress: "no-reply@DERUPS.NL", plainText: genericBody)
        XCTAssertEqual(reader.read(input)?.plugin, .generic)
    }

    func testConfiguredDomainDoesNotMatchALookalikeDomain() {
        let reader = FormNotificationReader(formSenders: ["@derups.nl"])
        let input = FormInput(fromAddress: "no-reply@nietderups.nl.example.com", plainText: genericBody)
        XCTAssertNil(reader.read(input))
    }

    func testConfiguredSenderWithHTMLTwoColumnTableIsReadAsGeneric() throws {
        let reader = FormNotificationReader(formSenders: ["formulier@derups.nl"])
        let html = """
            <h2>Klachtenformulier</h2>
            <table border="1"><tr><th>Naam</th><td>Zo&euml; Jansen</td></tr>
            <tr><th>Locatie</th><td>BSO&nbsp;Het Caf&eacute;</td></tr></table>
            """
        let notification = try XCTUnwrap(reader.read(FormInput(fromAddress: "formulier@derups.nl", html: html)))
        XCTAssertEqual(notification.plugin, .generic)
        XCTAssertEqual(notification.fields, [FormField(label: "Naam", value: "Zoë Jansen"),
                                             FormField(label: "Locatie", value: "BSO Het Café")])
    }

    func testConfiguredSenderWithoutAnyFieldIsNotAFormNotification() {
        let reader = FormNotificationReader(formSenders: ["wordpress@derups.nl"])
        let input = FormInput(subject: "Er is een update beschikbaar", fromAddress: "wordpress@derups.nl",
                              plainText: "WordPress 6.5 is beschikbaar. Werk uw site bij.")
        XCTAssertNil(reader.read(input))
    }

    func testFormWithOnlyEmptyFieldsIsNotAFormNotification() {
        let reader = FormNotificationReader(formSenders: ["wordpress@derups.nl"])
        let input = FormInput(fromAddress: "wordpress@derups.nl", plainText: "Naam: [your-name]\nBericht: [your-message]")
        XCTAssertNil(reader.read(input))
    }

    func testConfiguredSenderPrefersAPluginFingerprintOverGeneric() throws {
        let reader = FormNotificationReader(formSenders: ["wordpress@derups.nl"])
        let input = FormInput(fromAddress: "wordpress@derups.nl", plainText: ContactForm7Fixtures.defaultTemplate)
        XCTAssertEqual(reader.read(input)?.plugin, .contactForm7)
    }

    func testParentReplyQuotingAFormConfirmationIsNotAFormNotification() {
        let html = "<p>Ik heb nog een aanvulling.</p><blockquote>" + GravityFormsFixtures.complaintHTML + "</blockquote>"
        let input = FormInput(subject: "RE: Bevestiging van uw klacht", fromAddress: "zoe.devries@example.nl", html: html)
        XCTAssertNil(FormNotificationReader().read(input))
    }
}
