import XCTest
@testable import MailParser

/// Whole messages as Dutch parents, staff and their mail servers send them.
final class DutchFixtureTests: XCTestCase {
    private func fixture(_ name: String) throws -> ParsedMessage {
        let url = packageRoot.appendingPathComponent("Tests/MailParserTests/Fixtures/\(name)")
        let data = try XCTUnwrap(FileManager.default.contents(atPath: url.path), "missing fixture \(name)")
        return MessageParser.parse(Array(data))
    }

    func testOutlookDutchReplyKeepsOnlyTheNewText() throws {
        let message = try fixture("outlook-nl-reply.eml")
        XCTAssertEqual(message.from, [MailAddress(name: "Bakker, Petra", address: "p.bakker@voorbeeld-ouders.nl")])
        XCTAssertEqual(message.inReplyTo, ["k-2026-0012.1@zonnebloem.example"])
        XCTAssertEqual(message.textSource, .plain)
        let reply = try XCTUnwrap(message.replyText)
        XCTAssertTrue(reply.hasPrefix("Geachte heer/mevrouw,"))
        XCTAssertTrue(reply.contains("28 april om 16:30"), "soft line breaks joined")
        XCTAssertTrue(reply.contains("open – dat"), "windows-1252 0x96 is an en dash")
        XCTAssertTrue(reply.hasSuffix("Petra Bakker"))
        XCTAssertFalse(reply.contains("Verzonden:"))
        XCTAssertTrue(message.text?.contains("Wij hebben uw klacht ontvangen") ?? false)
        XCTAssertTrue(message.html?.contains("divRplyFwdMsg") ?? false)
        XCTAssertFalse(message.isAutoSubmitted, "X-Auto-Response-Suppress is set on ordinary Outlook mail")
        XCTAssertNil(message.bounce)
    }

    func testWindows1252TextLabelledLatin1() throws {
        let message = try fixture("windows1252-as-latin1.eml")
        XCTAssertEqual(message.text, "Beste mensen,\n\nIk betaal € 412,50 per maand en mijn zoon kreeg “geen tijd” te horen toen hij om hulp vroeg. Dat is niet de bedoeling, zo’n reactie.\n\nJan Smit\n")
        XCTAssertEqual(message.date?.timeIntervalSince1970, 1_778_004_663)
    }

    func testIPhoneReplyStopsAtSignatureAndAttribution() throws {
        let message = try fixture("iphone-reply.eml")
        XCTAssertEqual(message.replyText, "Dank u wel. Donderdag om 10 uur schikt mij goed voor het gesprek.")
        XCTAssertEqual(message.messageID, "5A3C2B1D-9E8F-4A7B-8C6D-1E2F3A4B5C6D@example.nl")
        XCTAssertEqual(message.references, ["k-2026-0031.2@zonnebloem.example"])
    }

    func testGmailReplyWithAttributionWrappedOverTwoLines() throws {
        let message = try fixture("gmail-reply.eml")
        XCTAssertEqual(message.from.first?.name, "Sanne Jörgensen")
        let reply = try XCTUnwrap(message.replyText)
        XCTAssertTrue(reply.hasPrefix("Goedemiddag,"))
        XCTAssertTrue(reply.hasSuffix("Groet, Sanne"), reply)
        XCTAssertFalse(reply.contains("schreef"))
    }

    func testForwardedComplaintAsAttachedMessage() throws {
        let message = try fixture("forwarded-rfc822.eml")
        XCTAssertEqual(message.text, "Deze klacht kwam bij mij binnen, willen jullie hem oppakken?\n")
        XCTAssertEqual(message.attachments.count, 1, "the photo inside the forwarded message is not listed")
        let attached = message.attachments[0]
        XCTAssertEqual(attached.contentType, "message/rfc822")
        XCTAssertEqual(attached.filename, "Klacht over ophalen.eml")
        let inner = MessageParser.parse(attached.data)
        XCTAssertEqual(inner.messageID, "origineel-1@example.nl")
        XCTAssertEqual(inner.text, "Mijn kind stond een half uur buiten te wachten.")
        XCTAssertEqual(inner.attachments.map(\.filename), ["foto.jpg"])
    }

    func testInlineForwardKeepsTheForwardedTextInText() throws {
        let message = try fixture("forwarded-inline.eml")
        XCTAssertTrue(message.text?.contains("Mijn kind stond een half uur buiten te wachten.") ?? false)
        XCTAssertTrue(message.replyText?.hasPrefix("Ter info, graag oppakken.") ?? false)
    }

    func testExchangeDutchAutoReplyIsAutomatic() throws {
        let message = try fixture("exchange-autoreply.eml")
        XCTAssertTrue(message.isAutoSubmitted)
        XCTAssertEqual(message.automaticReason, "Auto-Submitted: auto-generated")
        XCTAssertNil(message.bounce)
    }

    func testPostfixDeliveryStatusNotification() throws {
        let message = try fixture("postfix-dsn.eml")
        XCTAssertTrue(message.isAutoSubmitted)
        let bounce = try XCTUnwrap(message.bounce)
        XCTAssertEqual(bounce.originalMessageID, "k-2026-0060.1@zonnebloem.example")
        XCTAssertEqual(bounce.recipients.count, 1)
        XCTAssertEqual(bounce.recipients.first?.address, "ouder.onbekend@example.nl")
        XCTAssertEqual(bounce.recipients.first?.action, "failed")
        XCTAssertEqual(bounce.recipients.first?.status, "5.1.1")
        XCTAssertEqual(bounce.recipients.first?.diagnostic,
                       "550 5.1.1 <ouder.onbekend@example.nl>: Recipient address rejected: User unknown in virtual mailbox table")
        XCTAssertEqual(message.from.first?.address, "MAILER-DAEMON@mail.zonnebloem.example")
        XCTAssertEqual(message.from.first?.name, "Mail Delivery System")
    }
}
