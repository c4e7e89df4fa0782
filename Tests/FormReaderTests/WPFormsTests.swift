import XCTest
@testable import FormReader

final class WPFormsTests: XCTestCase {
    private let reader = FormNotificationReader()

    private func read(html: String? = nil, text: String? = nil,
                      subject: String = "New Entry: Klachtenformulier") throws -> FormNotification {
        try XCTUnwrap(reader.read(FormInput(subject: subject, fromAddress: "wordpress@derups.nl",
                                            plainText: text, html: html)))
    }

    func testWPFormsClassicIsRecognisedByItsFieldCellsWithoutTheDefaultSubject() throws {
        let notification = try read(html: WPFormsFixtures.classicHTML, subject: "Nieuwe melding")
        XCTAssertEqual(notification.plugin, .wpforms)
        XCTAssertEqual(notification.fields.map(\.label),
                       ["Voor- en achternaam", "E-mailadres", "Welke locatie?", "Type", "Vraag/opmerking"])
    }

    func testWPFormsClassicMapsParentLocationKindAndMessage() throws {
        let mapped = try read(html: WPFormsFixtures.classicHTML).mapped
        XCTAssertEqual(mapped.name, "Anneloes van 't Hoff")
        XCTAssertEqual(mapped.email, "anneloes@example.nl")
        XCTAssertEqual(mapped.location, "BSO De Zonnebloem")
        XCTAssertEqual(mapped.kind, "verbeterpunt")
        XCTAssertEqual(mapped.description, "Het hek sluit niet goed.\nZie foto: https://www.example.nl/hek.jpg")
    }

    func testWPFormsClassicFooterAndLogoAreNotFields() throws {
        let values = try read(html: WPFormsFixtures.classicHTML).fields.map(\.value)
        XCTAssertFalse(values.contains { $0.contains("Sent from") })
    }

    func testWPFormsCompactReadsLabelAndValueFromOneRow() throws {
        let notification = try read(html: WPFormsFixtures.compactHTML)
        XCTAssertEqual(notification.plugin, .wpforms)
        XCTAssertEqual(notification.fields, [
            FormField(label: "Naam", value: "Zoë Bakker"),
            FormField(label: "E-mail", value: "zoe.bakker@example.nl"),
            FormField(label: "Soort klantreactie", value: "Vraag"),
            FormField(label: "Bericht", value: "Kan ik om 08:15 al brengen?"),
        ])
        XCTAssertEqual(notification.mapped.kind, "vraag")
    }

    func testWPFormsLegacySplitsTheBoldLabelFromTheValue() throws {
        let notification = try read(html: WPFormsFixtures.legacyHTML)
        XCTAssertEqual(notification.plugin, .wpforms)
        XCTAssertEqual(notification.fields, [
            FormField(label: "Naam", value: "Jan Jansen"),
            FormField(label: "E-mail", value: "jan.jansen@example.nl"),
            FormField(label: "Bericht", value: "Regel één\nRegel twee: 14:30"),
        ])
    }

    func testWPFormsLegacyWithoutDefaultSubjectOrConfiguredSenderIsNotRecognised() {
        let input = FormInput(subject: "Klacht", fromAddress: "wordpress@derups.nl", html: WPFormsFixtures.legacyHTML)
        XCTAssertNil(reader.read(input))
    }

    func testWPFormsPlainTextReadsDashedHeadingsWithEmptyFieldAndLabelLikeMessageLine() throws {
        let notification = try read(text: WPFormsFixtures.plainText, subject: "Klacht")
        XCTAssertEqual(notification.plugin, .wpforms)
        XCTAssertEqual(notification.fields, [
            FormField(label: "Naam", value: "Jan Jansen"),
            FormField(label: "E-mail", value: "jan.jansen@example.nl"),
            FormField(label: "Telefoon", value: ""),
            FormField(label: "Bericht", value: "Opmerking: zie hieronder\nDe groep was om 17:45 al dicht."),
        ])
        XCTAssertNil(notification.mapped.phone)
        XCTAssertEqual(notification.mapped.email, "jan.jansen@example.nl")
    }

    func testWPFormsSmartTagRowsAreNotLabelsButTheirLabelValueLinesAreFields() throws {
        let notification = try read(html: WPFormsFixtures.classicWithSmartTagsHTML)
        XCTAssertEqual(notification.fields, [
            FormField(label: "Locatie", value: "KDV De Rups"),
            FormField(label: "Naam", value: "Jan Jansen"),
            FormField(label: "Telefoon", value: ""),
            FormField(label: "Bericht", value: "Regel één\nRegel twee"),
        ])
        XCTAssertEqual(notification.mapped.location, "KDV De Rups")
        XCTAssertNil(notification.mapped.phone)
    }
}
