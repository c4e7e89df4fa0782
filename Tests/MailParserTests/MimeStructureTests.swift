import Foundation
import XCTest
@testable import MailParser

final class MimeStructureTests: XCTestCase {
    func testMultipartAlternativePrefersPlainAndKeepsHTML() {
        let message = parse("""
            Content-Type: multipart/alternative; boundary="b1"

            This is a multi-part message in MIME format.
            --b1
            Content-Type: text/plain; charset=utf-8

            Hallo plain
            --b1
            Content-Type: text/html; charset=utf-8

            <p>Hallo <b>html</b></p>
            --b1--
            epilogue text
            """)
        XCTAssertEqual(message.text, "Hallo plain")
        XCTAssertEqual(message.textSource, .plain)
        XCTAssertEqual(message.html, "<p>Hallo <b>html</b></p>")
        XCTAssertTrue(message.attachments.isEmpty)
        XCTAssertTrue(message.defects.isEmpty, "\(message.defects)")
    }

    func testStubPlainBodyFallsBackToHTML() {
        let message = parse("""
            Content-Type: multipart/alternative; boundary=b1

            --b1
            Content-Type: text/plain

            This is an HTML message. Please use an HTML capable mail program to read this message.
            --b1
            Content-Type: text/html

            <html><body><p>Echte&nbsp;tekst &amp; meer</p></body></html>
            --b1--
            """)
        XCTAssertEqual(message.textSource, .html)
        XCTAssertEqual(message.text, "Echte tekst & meer")
    }

    func testNestedMultipartWithAttachments() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/related; boundary="inner"

            --inner
            Content-Type: text/plain

            Zie bijlage.
            --inner
            Content-Type: image/png; name="logo.png"
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --inner--
            --outer
            Content-Type: application/pdf
            Content-Disposition: attachment; filename="klacht.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --outer--
            """)
        XCTAssertEqual(message.text, "Zie bijlage.")
        XCTAssertEqual(message.attachments.map(\.filename), ["logo.png", "klacht.pdf"])
        XCTAssertEqual(message.attachments.map(\.contentType), ["image/png", "application/pdf"])
        XCTAssertEqual(message.attachments[1].data, Array("%PDF-1.4\n".utf8))
        XCTAssertEqual(message.attachments[0].size, 8)
    }

    func testMissingClosingBoundaryKeepsLastPart() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary=x

            --x
            Content-Type: text/plain

            Tekst
            --x
            Content-Type: text/csv; name=lijst.csv

            a;b
            """)
        XCTAssertEqual(message.text, "Tekst")
        XCTAssertEqual(message.attachments.first?.data, Array("a;b".utf8))
        XCTAssertTrue(message.defects.contains("multipart missing closing boundary"))
    }

    func testWrongBoundaryFallsBackToPlainText() {
        let message = parse("Content-Type: multipart/mixed; boundary=nope\n\n--other\n\nInhoud\n")
        XCTAssertEqual(message.text, "--other\n\nInhoud\n")
        XCTAssertTrue(message.defects.contains { $0.contains("not found in body") })
    }

    func testMissingBoundaryParameterIsDefect() {
        let message = parse("Content-Type: multipart/mixed\n\nInhoud")
        XCTAssertEqual(message.text, "Inhoud")
        XCTAssertTrue(message.defects.contains("multipart without boundary parameter"))
    }

    func testDeepNestingIsCappedWithDefect() {
        var text = ""
        for level in 0..<80 { text += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n" }
        text += "Content-Type: text/plain\n\ndiep\n"
        let message = parse(text)
        XCTAssertTrue(message.defects.contains("multipart nesting deeper than 50 levels"))
    }

    func testAttachedMessageIsKeptWholeAndNotSearchedForParts() {
        let inner = "From: ouder@example.nl\r\nSubject: Originele klacht\r\nContent-Type: multipart/mixed; boundary=i\r\n\r\n--i\r\nContent-Type: image/jpeg; name=foto.jpg\r\n\r\nJPEG\r\n--i--"
        let message = MessageParser.parse(mail("""
            Subject: Fwd: klacht
            Content-Type: multipart/mixed; boundary=o

            --o
            Content-Type: text/plain

            Zie doorgestuurd bericht.
            --o
            Content-Type: message/rfc822


            """) + Array(inner.utf8) + mail("\n--o--\n"))
        XCTAssertEqual(message.text, "Zie doorgestuurd bericht.")
        XCTAssertEqual(message.attachments.count, 1)
        XCTAssertEqual(message.attachments[0].contentType, "message/rfc822")
        XCTAssertEqual(message.attachments[0].data, Array(inner.utf8))
    }

    func testDigestPartsDefaultToAttachedMessages() {
        let message = parse("""
            Content-Type: multipart/digest; boundary=d

            --d

            Subject: een

            body een
            --d

            Subject: twee

            body twee
            --d--
            """)
        XCTAssertEqual(message.attachments.map(\.contentType), ["message/rfc822", "message/rfc822"])
    }

    func testQuotedPrintableSoftBreaksAndEscapes() {
        let message = parse("""
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Dit is een lange regel die door=
            loopt, met caf=C3=A9 en =3D teken.=20
            Fout =ZZ blijft.
            """)
        XCTAssertEqual(message.text, "Dit is een lange regel die doorloopt, met café en = teken. \nFout =ZZ blijft.")
    }

    func testBase64WithGarbageAndMissingPadding() {
        let message = parse("""
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            S2xh!!Y2h0
            IGluZ2V*kaWVuZA
            """)
        XCTAssertEqual(message.text, "Klacht ingediend")
        XCTAssertTrue(message.defects.contains("base64 body with invalid characters or padding"))
    }

    func testEightBitAndBinaryBodiesPassThrough() {
        let raw = bytes(Array("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".utf8),
                        Array("Crèche".utf8))
        XCTAssertEqual(MessageParser.parse(raw).text, "Crèche")
    }

    func testUUEncodedBlockInPlainTextBecomesAttachment() {
        let message = parse("""
            Content-Type: text/plain

            Zie bijlage hieronder.

            begin 644 test.txt
            #86)C
            `
            end
            Groet
            """)
        XCTAssertEqual(message.attachments.map(\.filename), ["test.txt"])
        XCTAssertEqual(message.attachments.first?.data, Array("abc".utf8))
        XCTAssertEqual(message.text, "Zie bijlage hieronder.\n\nGroet")
    }

    func testAttachmentShaIsOfDecodedBytes() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            x
            --b
            Content-Type: application/octet-stream; name=abc.bin
            Content-Transfer-Encoding: base64

            YWJj
            --b--
            """)
        XCTAssertEqual(message.attachments.first?.sha256Hex,
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testInlineTextPartWithAttachmentDispositionIsAnAttachment() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            Hoofdtekst
            --b
            Content-Type: text/plain
            Content-Disposition: attachment

            Bijlage zonder naam
            --b--
            """)
        XCTAssertEqual(message.text, "Hoofdtekst")
        XCTAssertEqual(message.attachments.count, 1)
        XCTAssertNil(message.attachments[0].filename)
    }

    func testNamedInlineTextPartIsTheBodyWhenThereIsNoOther() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain
            Content-Disposition: inline; filename="bericht.txt"

            Eerste deel
            --b
            Content-Type: text/plain
            Content-Disposition: inline; filename="bijlage.txt"

            Tweede deel
            --b--
            """)
        XCTAssertEqual(message.text, "Eerste deel")
        XCTAssertEqual(message.attachments.map(\.filename), ["bijlage.txt"])
    }

    func testFormatFlowedParagraphsAreJoined() {
        let message = parse("Content-Type: text/plain; charset=utf-8; format=flowed\n\nDit is een \nlange regel.\n Van stuffing.\n-- \nJan\n")
        XCTAssertEqual(message.text, "Dit is een lange regel.\nVan stuffing.\n-- \nJan\n")
        let delsp = parse("Content-Type: text/plain; format=flowed; delsp=yes\n\naan elkaar \ngeschreven\n")
        XCTAssertEqual(delsp.text, "aan elkaargeschreven\n")
    }

    func testTextSplitAroundInlineImageIsJoined() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            Boven de foto.
            --b
            Content-Type: image/jpeg; name=foto.jpg
            Content-Disposition: inline; filename=foto.jpg

            JPEG
            --b
            Content-Type: text/plain

            Onder de foto.
            --b--
            """)
        XCTAssertEqual(message.text, "Boven de foto.\nOnder de foto.")
        XCTAssertEqual(message.attachments.map(\.filename), ["foto.jpg"])
    }

    /// Issue 16: every inline, unnamed text/plain leaf of a multipart/mixed counts, in document
    /// order (this test asserted the opposite before that issue).
    func testPlainLeafAfterAnAlternativeInAMixedCounts() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/plain

            Tekst
            --a
            Content-Type: text/html

            <p>Tekst</p>
            --a--
            --b
            Content-Type: text/plain

            Losse notitie
            --b--
            """)
        XCTAssertEqual(message.text, "Tekst\nLosse notitie")
    }

    func testMultipartWithCROnlyLineEndings() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary=cr

            --cr
            Content-Type: text/plain

            Regel een
            Regel twee
            --cr
            Content-Type: application/octet-stream; name=a.bin
            Content-Transfer-Encoding: base64

            YWJj
            --cr--
            """, lineEnding: "\r")
        XCTAssertEqual(message.text, "Regel een\nRegel twee")
        XCTAssertEqual(message.attachments.first?.data, Array("abc".utf8))
        XCTAssertTrue(message.defects.isEmpty, "\(message.defects)")
    }

    func testParserIsUsableFromManyThreadsAtOnce() {
        let raw = mail("""
            From: =?utf-8?q?Ren=C3=A9e?= <renee@example.nl>
            Subject: =?iso-2022-jp?B?GyRCJDMkcxsoQg==?=
            Content-Type: text/plain; charset=gbk


            """) + [0xC4, 0xE3, 0xBA, 0xC3]
        let expected = MessageParser.parse(raw)
        XCTAssertEqual(expected.subject, "こん")
        XCTAssertEqual(expected.text, "你好")
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let message = MessageParser.parse(raw)
            XCTAssertEqual(message.text, "你好")
            XCTAssertEqual(message.subject, expected.subject)
            XCTAssertEqual(message.from, expected.from)
        }
    }

    func testPartWithoutHeadersIsAllBody() {
        let message = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\nGewoon tekst zonder kop\n--b--\n")
        XCTAssertEqual(message.text, "Gewoon tekst zonder kop")
        XCTAssertTrue(message.defects.contains("entity without header fields"))
    }
}
