import XCTest
@testable import FormReader

/// Issue 16, "Website forms as Dutch sites send them".
final class DutchFormTemplatesTests: XCTestCase {
    private let reader = FormNotificationReader()

    /// Contact Form 7 5.8's default mail template as a WordPress set to Dutch (nl_NL) sends it.
    static let dutchDefaultTemplate = """
        Van: Sanne Bakker <sanne.bakker@example.nl>
        Onderwerp: Ophalen bij BSO De Vlinder

        Berichttekst:
        Gisteren stond mijn zoon om half zes alleen bij het hek.
        Niemand wist waar de pedagogisch medewerker was.

        Groet,
        Sanne

        --\u{20}
        Dit is een melding dat er een contactformulier is verzonden op je website (Kinderopvang Zonnetje https://www.zonnetje.nl).
        """

    private func read(_ body: String, subject: String = "Kinderopvang Zonnetje \"Ophalen bij BSO De Vlinder\"") throws
        -> FormNotification {
        try XCTUnwrap(reader.read(FormInput(subject: subject, fromAddress: "WordPress <wordpress@zonnetje.nl>",
                                            replyTo: [], plainText: body)))
    }

    func testDutchContactForm7DefaultTemplateIsRecognisedAsContactForm7() throws {
        let notification = try read(Self.dutchDefaultTemplate)
        XCTAssertEqual(notification.plugin, .contactForm7)
        XCTAssertEqual(notification.mapped.name, "Sanne Bakker")
        XCTAssertEqual(notification.mapped.email, "sanne.bakker@example.nl")
        XCTAssertEqual(notification.mapped.description, """
            Gisteren stond mijn zoon om half zes alleen bij het hek.
            Niemand wist waar de pedagogisch medewerker was.

            Groet,
            Sanne
            """)
    }

    func testDutchFooterAloneMarksContactForm7() {
        XCTAssertTrue(ContactForm7Mail.matches("Naam: Piet\n\n-- \nDit is een melding dat er een contactformulier is verzonden op uw website (X)."))
        XCTAssertFalse(ContactForm7Mail.matches("Van: Piet\nDit is geen formulier, gewoon een bericht."))
    }

    /// The kind field as Dutch childcare forms label it, with values in Dutch and English.
    func testKindFieldLabelsAndValuesOfDutchForms() throws {
        let cases: [(label: String, value: String, kind: MessageKindWord)] = [
            ("Soort reactie", "Compliment", .compliment),
            ("Soort melding", "Klacht", .klacht),
            ("Type", "Vraag", .vraag),
            ("Waar gaat uw reactie over?", "Een suggestie of idee", .suggestie),
            ("Ik wil een", "klacht indienen", .klacht),
            ("Ik wil graag een", "compliment geven", .compliment),
            ("Categorie", "Tip", .suggestie),
            ("Type of feedback", "Question", .vraag),
            ("Soort bericht", "Complaint", .klacht),
            ("Reden van contact", "Ik ben ontevreden", .onvrede),
        ]
        for (label, value, kind) in cases {
            let body = """
                Naam: Jeroen de Wit
                E-mail: jeroen@example.nl
                \(label): \(value)
                Bericht: Dit is de tekst.

                --\u{20}
                Dit is een melding dat er een contactformulier is verzonden op je website (X).
                """
            let notification = try read(body)
            XCTAssertEqual(notification.mapped.kind, kind.rawValue, "\(label): \(value)")
            XCTAssertEqual(notification.mapped.description, "Dit is de tekst.", "\(label): \(value)")
        }
    }

    func testFreeTextAfterAnOpmerkingLabelStaysInTheMessage() throws {
        let body = """
            Van: Sanne Bakker <sanne.bakker@example.nl>
            Onderwerp: Factuur

            Berichttekst:
            De factuur klopt niet.
            Opmerking: ik betaal via de werkgever.

            --\u{20}
            Dit is een melding dat er een contactformulier is verzonden op je website (X).
            """
        XCTAssertEqual(try read(body).mapped.description, "De factuur klopt niet.\nOpmerking: ik betaal via de werkgever.")
    }
}
