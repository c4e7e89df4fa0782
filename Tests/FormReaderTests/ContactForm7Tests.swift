import XCTest
@testable import FormReader

final class ContactForm7Tests: XCTestCase {
    private let reader = FormNotificationReader()

    private func read(_ body: String, replyTo: [String] = []) throws -> FormNotification {
        try XCTUnwrap(reader.read(FormInput(subject: "Kinderopvang De Rups \"Klacht\"",
                                            fromAddress: "Kinderopvang De Rups <wordpress@derups.nl>",
                                            replyTo: replyTo, plainText: body)))
    }

    func testContactForm7DefaultTemplateIsRecognisedByItsFooter() throws {
        XCTAssertEqual(try read(ContactForm7Fixtures.defaultTemplate).plugin, .contactForm7)
    }

    func testContactForm7FromLineGivesNameAndEmail() throws {
        let mapped = try read(ContactForm7Fixtures.defaultTemplate).mapped
        XCTAssertEqual(mapped.name, "Zoë de Vries")
        XCTAssertEqual(mapped.email, "zoe.devries@example.nl")
    }

    func testContactForm7MessageBodyKeepsParagraphsAndStopsAtTheFooter() throws {
        XCTAssertEqual(try read(ContactForm7Fixtures.defaultTemplate).mapped.description, """
            Vandaag om 14:30 stond mijn dochter nog buiten.
            Opmerking: zie hieronder, https://www.example.nl/foto

            Met vriendelijke groet,
            Zoë
            """)
    }

    func testContactForm7OlderTemplateFromLineWithoutBrackets() throws {
        let notification = try read(ContactForm7Fixtures.olderTemplate)
        XCTAssertEqual(notification.plugin, .contactForm7)
        XCTAssertEqual(notification.mapped.name, "Jan Jansen")
        XCTAssertEqual(notification.mapped.email, "jan.jansen@example.nl")
        XCTAssertEqual(notification.mapped.description, "Waarom is de factuur van maart hoger?")
    }

    func testContactForm7UnfilledEmailTagLeavesEmailNil() throws {
        let notification = try read(ContactForm7Fixtures.unfilledEmail, replyTo: ["jan@example.nl"])
        XCTAssertEqual(notification.mapped.name, "Jan Jansen")
        XCTAssertNil(notification.mapped.email)
        XCTAssertEqual(notification.fields.first { $0.label == "Subject" }?.value, "")
    }

    func testContactForm7DutchTemplateReadsLabelledLines() throws {
        let notification = try read(ContactForm7Fixtures.dutchTemplate)
        XCTAssertEqual(notification.plugin, .contactForm7)
        XCTAssertEqual(notification.fields.map(\.label),
                       ["Van", "Naam", "E-mail", "Telefoon", "Locatie", "Soort melding", "Onderwerp", "Bericht"])
        XCTAssertEqual(notification.mapped, MappedFields(
            name: "Anneloes van 't Hoff", email: "anneloes@example.nl", location: "BSO Het Café", kind: "onvrede",
            description: "Opmerking: zie hieronder\nOm 14:30 was de deur op slot.\néén ouder wachtte ook."))
    }

    func testContactForm7LiteralUnfilledTagCountsAsEmpty() throws {
        let notification = try read(ContactForm7Fixtures.dutchTemplate)
        XCTAssertEqual(notification.fields[3], FormField(label: "Telefoon", value: ""))
        XCTAssertNil(notification.mapped.phone)
    }

    func testContactForm7HTMLMailIsReadFromItsVisibleText() throws {
        let html = """
            <p>Van: Jan Jansen &lt;jan.jansen@example.nl&gt;<br />
            Onderwerp: Klacht</p>
            <p>Bericht:<br />
            Regel &eacute;&eacute;n<br />
            Regel twee om 14:30</p>
            <p>-- <br />
            Deze e-mail is verzonden vanaf een contactformulier op De Rups (https://www.derups.nl)</p>
            """
        let notification = try XCTUnwrap(reader.read(FormInput(fromAddress: "wordpress@derups.nl", html: html)))
        XCTAssertEqual(notification.plugin, .contactForm7)
        XCTAssertEqual(notification.mapped, MappedFields(name: "Jan Jansen", email: "jan.jansen@example.nl",
                                                         description: "Regel één\nRegel twee om 14:30"))
    }
}
