import Foundation
import HexDigits
import XCTest
@testable import MailParser

/// Issue 16, "Reading MIME": parts and headers as real gateways, webmailers and old clients
/// write them.
final class MailAsItArrivesTests: XCTestCase {
    func testNamedPlainPartWithoutDispositionIsTheTextAndStaysAnAttachment() {
        // An MMS-to-email gateway: the text is a named part without Content-Disposition.
        let text = "Vanmiddag was de deur van de BSO weer niet op slot. Kunt u mij bellen?"
        let message = parse("""
            From: +31612345678@mms.example.nl
            Subject: MMS
            Content-Type: multipart/mixed; boundary="mms"

            --mms
            Content-Type: text/plain; charset=utf-8; name="text_0.txt"
            Content-Transfer-Encoding: base64

            \(Data(text.utf8).base64EncodedString())
            --mms
            Content-Type: image/jpeg; name="IMG_2041.jpg"
            Content-Transfer-Encoding: base64

            /9j/4AAQSkZJRg==
            --mms--
            """)
        XCTAssertEqual(message.text, text)
        XCTAssertEqual(message.attachments.map(\.filename), ["text_0.txt", "IMG_2041.jpg"])
    }

    func testNamedPlainPartIsNotTheTextWhenAnUnnamedPlainBodyExists() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Zie de bijlage.
            --b
            Content-Type: text/plain; name="notities.txt"

            Aantekeningen
            --b--
            """)
        XCTAssertEqual(message.text, "Zie de bijlage.")
        XCTAssertEqual(message.attachments.map(\.filename), ["notities.txt"])
    }

    func testNoticePartBeforeAlternativeDoesNotHideTheMessage() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/plain; charset=utf-8

            Dit bericht is verstuurd via de Ouderportaal-app.
            --outer
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            Mijn zoon kwam gisteren met een natte broek thuis en niemand had het gezien.
            --alt
            Content-Type: text/html; charset=utf-8

            <p>Mijn zoon kwam gisteren met een natte broek thuis en niemand had het gezien.</p>
            --alt--
            --outer--
            """)
        XCTAssertEqual(message.text, """
            Dit bericht is verstuurd via de Ouderportaal-app.
            Mijn zoon kwam gisteren met een natte broek thuis en niemand had het gezien.
            """)
    }

    func testNoticePartBeforeAnHTMLOnlyAlternativeKeepsTheHTMLText() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/plain; charset=utf-8

            Verzonden vanaf mijn Samsung Galaxy-smartphone.
            --outer
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/html; charset=utf-8

            <div>De factuur van november klopt niet.</div>
            --alt--
            --outer--
            """)
        XCTAssertEqual(message.text?.contains("De factuur van november klopt niet."), true, message.text ?? "")
        XCTAssertEqual(message.text?.hasPrefix("Verzonden vanaf mijn Samsung"), true)
    }

    func testOnlyOneVersionOfAnAlternativeCounts() {
        let message = parse("""
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            Hallo
            --alt
            Content-Type: text/plain; charset=utf-8; format=flowed

            Hallo nogmaals
            --alt--
            """)
        XCTAssertEqual(message.text, "Hallo")
    }

    func testRaw8BitBytesInsideAnEncodedWordAreTheWordsCharset() {
        let raw = bytes(Array("From: a@example.test\r\nSubject: =?iso-8859-1?Q?Fr".utf8), [0xF6],
                        Array("sche_Woche?= und ".utf8), [0xE9],
                        Array("t\u{E9}".utf8.prefix(1)), Array("\r\n\r\nx\r\n".utf8))
        let message = MessageParser.parse(raw)
        XCTAssertEqual(message.subject, "Frösche Woche und ét")
    }

    func testUTF8EncodedWordsStillDecodeAsBefore() {
        let message = parse("Subject: =?utf-8?Q?Klacht_over_de_BSO_=E2=80=93_dringend?= =?utf-8?B?w6k=?=\n\nx")
        XCTAssertEqual(message.subject, "Klacht over de BSO – dringendé")
    }

    func testUUEncodedBlockWithoutFilenameIsCutOut() {
        let message = parse("""
            Content-Type: text/plain

            Zie bijgaand de foto.

            begin 644
            #0V%T
            `
            end

            Groet, Anouk
            """)
        XCTAssertEqual(message.text?.contains("begin 644"), false, message.text ?? "")
        XCTAssertEqual(message.text?.contains("Groet, Anouk"), true)
        XCTAssertEqual(message.attachments.map(\.filename), ["attachment.bin"])
        XCTAssertEqual(message.attachments.first?.data, Array("Cat".utf8))
    }

    func testNestedMultipartWithAnotherBoundaryShowsNoDelimiterLines() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="declared"

            --written
            Content-Type: text/plain; charset=utf-8

            Beste mensen, de opvang sluit te vroeg.
            --written
            Content-Type: text/html; charset=utf-8

            <p>Beste mensen, de opvang sluit te vroeg.</p>
            --written--
            --outer--
            """)
        XCTAssertEqual(message.text, "Beste mensen, de opvang sluit te vroeg.")
        XCTAssertTrue(message.defects.contains { $0.contains("not found") })
    }

    func testMultipartWithoutAnyDelimiterStaysText() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary="nergens"

            Gewoon tekst zonder delen.
            -- 
            Anouk
            """)
        XCTAssertEqual(message.text?.hasPrefix("Gewoon tekst zonder delen."), true)
    }
}

/// Outlook's Thread-Index (issue 16).
final class ThreadIndexParsingTests: XCTestCase {
    func testRootIsTheFirst22BytesOfAnOriginalAndOfAReply() {
        let root: [UInt8] = [0x01] + Array(1...21)
        let original = parse("Thread-Index: \(Data(root).base64EncodedString())\n\nx")
        let reply = parse("Thread-Index: \(Data(root + [7, 7, 7, 7, 7]).base64EncodedString())\n\nx")
        XCTAssertEqual(original.threadIndexRoot, "01" + (1...21).map { String(format: "%02x", $0) }.joined())
        XCTAssertEqual(reply.threadIndexRoot, original.threadIndexRoot)
    }

    func testShortOrBrokenThreadIndexIsNone() {
        XCTAssertNil(parse("Thread-Index: AQID\n\nx").threadIndexRoot)
        XCTAssertNil(parse("Thread-Index: !!!not base64 at all, really not!!!\n\nx").threadIndexRoot)
        XCTAssertNil(parse("Subject: geen\n\nx").threadIndexRoot)
    }

    func testBytesContinuingARootRoundTrip() throws {
        let root = Hex.encode([0x01] + Array(repeating: UInt8(0xAB), count: 21))
        let bytes = try XCTUnwrap(ThreadIndex.bytes(continuing: root, child: [1, 2, 3, 4, 5]))
        XCTAssertEqual(bytes.count, 27)
        XCTAssertEqual(ThreadIndex.root(of: Data(bytes).base64EncodedString()), root)
        XCTAssertNil(ThreadIndex.bytes(continuing: "zz", child: [1, 2, 3, 4, 5]))
    }
}
