import Foundation
import XCTest
@testable import MailParser

final class HeaderFieldTests: XCTestCase {
    func testFoldedSubjectIsUnfolded() {
        let message = parse("Subject: Klacht over\n de opvang\n\tvan vandaag\nFrom: a@example.nl\n\nBody\n")
        XCTAssertEqual(message.subject, "Klacht over de opvang\tvan vandaag")
        XCTAssertEqual(message.text, "Body\n")
    }

    func testLineEndingsLFCRLFAndCROnlyParseAlike() {
        let text = "From: Ouder <ouder@example.nl>\nSubject: Test\n folded\n\nRegel 1\nRegel 2\n"
        for ending in ["\n", "\r\n", "\r"] {
            let message = parse(text, lineEnding: ending)
            XCTAssertEqual(message.subject, "Test folded", "line ending \(ending.debugDescription)")
            XCTAssertEqual(message.from, [MailAddress(name: "Ouder", address: "ouder@example.nl")])
            XCTAssertEqual(message.text, "Regel 1\nRegel 2\n")
        }
    }

    func testRepeatedHeadersAreAllKeptAndFirstWins() {
        let message = parse("Received: one\nReceived: two\nSubject: first\nSubject: second\n\nx")
        XCTAssertEqual(message.headers(named: "received"), ["one", "two"])
        XCTAssertEqual(message.header("SUBJECT"), "first")
        XCTAssertTrue(message.defects.contains("repeated subject header"))
    }

    func testLineWithoutColonIsRecordedAsDefect() {
        let message = parse("Subject: ok\nthisisnotaheader\nFrom: a@b.nl\n\nbody")
        XCTAssertEqual(message.subject, "ok")
        XCTAssertEqual(message.from.first?.address, "a@b.nl")
        XCTAssertTrue(message.defects.contains("header line without a colon"))
    }

    func testObsoleteWhitespaceBeforeColonIsAccepted() {
        let message = parse("From : Jan <jan@example.nl>\nSubject : obsolete\n\nbody")
        XCTAssertEqual(message.subject, "obsolete")
        XCTAssertEqual(message.from.first?.address, "jan@example.nl")
    }

    func testMissingBlankLineBeforeBodyIsDefectNotFailure() {
        let message = parse("Subject: no separator\nDit is de tekst van de klacht.\n")
        XCTAssertEqual(message.subject, "no separator")
        XCTAssertEqual(message.text, "Dit is de tekst van de klacht.\n")
        XCTAssertTrue(message.defects.contains("missing blank line between header and body"))
    }

    func testRawUTF8HeaderIsDecoded() {
        let message = parse("Subject: Überraschung in de crèche\nFrom: Zoë <zoe@example.nl>\n\nx")
        XCTAssertEqual(message.subject, "Überraschung in de crèche")
        XCTAssertEqual(message.from.first?.name, "Zoë")
    }

    func testRawLatin1HeaderFallsBackToWindows1252() {
        let raw = bytes(Array("Subject: caf".utf8), [0xE9, 0x20, 0x80], Array("\r\n\r\nx".utf8))
        XCTAssertEqual(MessageParser.parse(raw).subject, "café €")
    }

    func testRawValueKeepsOriginalBytes() {
        let message = parse("Subject: =?utf-8?q?caf=C3=A9?=\n\nx")
        XCTAssertEqual(message.headers.first?.rawValue, Array("=?utf-8?q?caf=C3=A9?=".utf8))
        XCTAssertEqual(message.headers.first?.value, "café")
    }

    func testMessageIDAndReferencesLoseAngleBrackets() {
        let message = parse("""
            Message-ID: <abc@example.nl>
            In-Reply-To: <parent@example.nl> (comment)
            References: <one@example.nl>
             <two@example.nl> <three@example.nl>

            x
            """)
        XCTAssertEqual(message.messageID, "abc@example.nl")
        XCTAssertEqual(message.inReplyTo, ["parent@example.nl"])
        XCTAssertEqual(message.references, ["one@example.nl", "two@example.nl", "three@example.nl"])
    }

    func testMessageIDWithObsoleteSpacesAndCommentsIsCleaned() {
        XCTAssertEqual(parse("Message-ID:   <1234   @   local(blah)  .machine .example>\n\nx").messageID,
                       "1234@local.machine.example")
    }

    func testEmptyInputGivesEmptyMessageWithDefect() {
        let message = MessageParser.parse([])
        XCTAssertNil(message.subject)
        XCTAssertNil(message.text)
        XCTAssertNil(message.replyText)
        XCTAssertTrue(message.defects.contains("message has no header fields"))
    }

    func testMboxFromLineBeforeHeadersIsSkipped() {
        let message = parse("From sender@example.nl Sat Jan  3 01:05:34 1996\nSubject: mbox\n\nbody")
        XCTAssertEqual(message.subject, "mbox")
    }

    func testAdversarialHeadersStayFast() {
        let start = Date()
        let runs = [String(repeating: "=?", count: 100_000), String(repeating: "=?utf-8?q?", count: 20_000),
                    String(repeating: "(", count: 100_000)]
        for run in runs {
            let message = parse("Subject: \(run)\nFrom: \(run)\nDate: \(run)\n\nx")
            XCTAssertNil(message.date)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }

    func testRaw8BitHeadersAreReadInTheMessageCharset() {
        let raw = bytes(Array("Subject: ".utf8), [0xC4, 0xE3, 0xBA, 0xC3], Array("\r\nFrom: ".utf8), [0xCD, 0xF5],
                        Array(" <wang@example.cn>\r\nContent-Type: text/plain; charset=gb2312\r\n\r\nx".utf8))
        let message = MessageParser.parse(raw)
        XCTAssertEqual(message.subject, "你好")
        XCTAssertEqual(message.from, [MailAddress(name: "王", address: "wang@example.cn")])
        XCTAssertEqual(message.headers.first?.rawValue, [0xC4, 0xE3, 0xBA, 0xC3], "raw bytes stay raw")
    }

    /// Values are decoded when read (issue 22): every field still reads as it did when all were
    /// decoded at parse time, in the message's charset too, and a value given explicitly stays.
    func testValuesDecodedWhenReadMatchTheField() {
        let raw = bytes(Array("Received: from mx (=?utf-8?q?caf=C3=A9?=)\r\n\tby mx2\r\nX-Naam: ".utf8), [0xCD, 0xF5],
                        Array("\r\nContent-Type: text/plain; charset=gb2312\r\n\r\nx".utf8))
        let message = MessageParser.parse(raw)
        XCTAssertEqual(message.header("Received"), "from mx (café)\tby mx2")
        XCTAssertEqual(message.header("X-Naam"), "王")
        XCTAssertEqual(message.header("X-Naam"), "王", "read twice, decoded alike")
        var field = HeaderField(name: "Subject", value: "gegeven", rawValue: Array("=?utf-8?q?anders?=".utf8))
        XCTAssertEqual(field.value, "gegeven")
        field.value = "gewijzigd"
        XCTAssertEqual(field.value, "gewijzigd")
    }
}
