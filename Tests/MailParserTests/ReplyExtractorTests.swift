import XCTest
@testable import MailParser

final class ReplyExtractorTests: XCTestCase {
    func testGmailDutchAttributionOnOneLine() {
        let text = "Dank voor uw reactie.\n\nOp vr 3 mei 2026 om 14:02 schreef Klachten <klachten@example.nl>:\n> Oude tekst\n"
        XCTAssertEqual(ReplyExtractor.newText(of: text), "Dank voor uw reactie.")
    }

    func testGmailDutchAttributionWrappedOverTwoLines() {
        let text = "Akkoord.\n\nOp vr 3 mei 2026 om 14:02 schreef Klachtencommissie Kinderopvang <\nklachten@example.nl>:\n\n> Oud\n"
        XCTAssertEqual(ReplyExtractor.newText(of: text), "Akkoord.")
    }

    func testAppleDutchAttribution() {
        let text = "Prima\n\nVerzonden vanaf mijn iPhone\n\n> Op 3 mei 2026 om 14:02 heeft Jan de Vries <jan@example.nl> het volgende geschreven:\n>\n> Oud\n"
        XCTAssertEqual(ReplyExtractor.newText(of: text), "Prima")
    }

    func testAppleDutchAttributionWithoutSignature() {
        let text = "Prima\n\nOp 3 mei 2026 om 14:02 heeft Jan de Vries <jan@example.nl> het volgende geschreven:\n\nOud"
        XCTAssertEqual(ReplyExtractor.newText(of: text), "Prima")
    }

    func testOutlookDutchHeaderBlock() {
        let text = """
            Hierbij de gevraagde informatie.

            Met vriendelijke groet,
            Petra

            Van: Klachten <klachten@example.nl>
            Verzonden: vrijdag 3 mei 2026 14:02
            Aan: Petra <petra@example.nl>
            Onderwerp: RE: Klacht [K-2026-0012]

            Oude tekst
            """
        XCTAssertEqual(ReplyExtractor.newText(of: text), "Hierbij de gevraagde informatie.\n\nMet vriendelijke groet,\nPetra")
    }

    func testOutlookEnglishHeaderBlockAfterUnderscoreLine() {
        let text = "Thanks.\n\n________________________________\nFrom: A <a@example.nl>\nSent: Friday\nTo: B\nSubject: x\n\nold"
        XCTAssertEqual(ReplyExtractor.newText(of: text), "Thanks.")
    }

    func testOriginalMessageSeparators() {
        XCTAssertEqual(ReplyExtractor.newText(of: "Nieuw\n-----Oorspronkelijk bericht-----\nVan: x"), "Nieuw")
        XCTAssertEqual(ReplyExtractor.newText(of: "New\n-----Original Message-----\nFrom: x"), "New")
    }

    func testEnglishOnWrote() {
        XCTAssertEqual(ReplyExtractor.newText(of: "Yes.\n\nOn Fri, May 3, 2026 at 2:02 PM Jan <jan@example.nl> wrote:\n> old"), "Yes.")
    }

    func testInterleavedQuotedLinesAreRemoved() {
        XCTAssertEqual(ReplyExtractor.newText(of: "> vraag 1\nantwoord 1\n> vraag 2\nantwoord 2"), "antwoord 1\nantwoord 2")
    }

    func testSignatureSeparatorEndsNewText() {
        XCTAssertEqual(ReplyExtractor.newText(of: "Tekst\n-- \nJan Jansen\n06-12345678"), "Tekst")
        XCTAssertEqual(ReplyExtractor.newText(of: "Text\n\nSent from my iPhone"), "Text")
        XCTAssertEqual(ReplyExtractor.newText(of: "Tekst\n\nVerzonden vanaf Outlook voor iOS\n\nVan: x"), "Tekst")
        XCTAssertEqual(ReplyExtractor.newText(of: "Tekst\nVerstuurd vanaf mijn Galaxy"), "Tekst")
    }

    func testLineMentioningFromInProseIsNotAHeaderBlock() {
        let text = "Van: dat weet ik niet.\nMaar het is echt gebeurd."
        XCTAssertEqual(ReplyExtractor.newText(of: text), text)
    }

    func testReplyTextIsNilWithoutText() {
        let message = parse("Content-Type: image/png; name=a.png\n\nx")
        XCTAssertNil(message.text)
        XCTAssertNil(message.replyText)
    }

    func testBottomPostedReplyKeepsTextBelowTheQuote() {
        let text = "Op 3 mei 2026 om 14:02 schreef Klachtenloket <klachten@example.nl>:\n> Kunt u het tijdstip noemen?\n\nOm half vijf.\n\n-- \nJan"
        XCTAssertEqual(ReplyExtractor.newText(of: text), "Om half vijf.")
    }

    func testOnlyQuotedTextGivesEmptyNewText() {
        XCTAssertEqual(ReplyExtractor.newText(of: "> alleen citaat\n> nog meer"), "")
    }

    /// Lines without a colon, dash or underscore skip the history tests (issue 22), unless the
    /// next line has a colon: a Spanish Gmail attribution wrapped after the address, whose
    /// first line has none of those bytes and starts with no word the rules know.
    func testWrappedAttributionWhoseFirstLineHasNoColon() {
        let text = "Gracias, lo miro mañana.\n\nEl lun, 7 dic 2026 a las 9.15, Jan de Vries (<jan@example.nl>)\n"
            + "escribió:\n\n> Oude tekst over de opvang\n> met twee regels\n"
        XCTAssertEqual(ReplyExtractor.newText(of: text), "Gracias, lo miro mañana.")
    }
}
