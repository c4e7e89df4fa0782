import XCTest
@testable import MailParser

final class RTFTextTests: XCTestCase {
    private func text(_ rtf: String) -> String? {
        if case .text(let text) = RTFText.body(from: Array(rtf.utf8)) { return text }
        return nil
    }

    func testControlWordsDroppedAndParagraphsKept() {
        let rtf = #"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}\f0\fs20 Beste ouder,\par Caf\'e9 \'80 5\par}"#
        XCTAssertEqual(text(rtf), "Beste ouder,\nCafé € 5\n")
    }

    func testUnicodeEscapesSkipTheirFallback() {
        XCTAssertEqual(text(#"{\rtf1\uc1 Zo\u235?"}"#), "Zoë\"")
    }

    func testIgnorableDestinationsAreSkipped() {
        XCTAssertEqual(text(#"{\rtf1{\*\generator Riched20;}Tekst}"#), "Tekst")
    }

    func testEncapsulatedHTMLComesBackAsHTML() {
        let rtf = #"{\rtf1\ansi\fromhtml1{\*\htmltag19 <p>}\htmlrtf {\htmlrtf0 Hallo{\*\htmltag4 \par }\htmlrtf }\htmlrtf0 {\*\htmltag19 </p>}}"#
        guard case .html(let html) = RTFText.body(from: Array(rtf.utf8)) else { return XCTFail("expected HTML") }
        XCTAssertEqual(HTMLText.text(from: html), "Hallo")
    }

    func testUncompressedAndDamagedCompressedRTF() {
        let header: [UInt8] = [19, 0, 0, 0, 3, 0, 0, 0] + [0x4D, 0x45, 0x4C, 0x41] + [0, 0, 0, 0]
        XCTAssertEqual(CompressedRTF.decompress(header + Array("abc".utf8)), Array("abc".utf8))
        XCTAssertNil(CompressedRTF.decompress([1, 2, 3]))
        let truncated: [UInt8] = [200, 0, 0, 0, 100, 0, 0, 0] + [0x4C, 0x5A, 0x46, 0x75] + [0, 0, 0, 0, 0xFF, 0x00]
        XCTAssertNotNil(CompressedRTF.decompress(truncated))
    }
}
