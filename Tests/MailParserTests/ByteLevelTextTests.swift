import XCTest
@testable import MailParser

/// The byte-level helpers that replaced Foundation's string searching, trimming and
/// splitting in the parser: the edges where bytes and characters could disagree.
final class ByteLevelTextTests: XCTestCase {
    func testByteSearchFindsFirstOccurrenceAndRespectsTheRange() {
        let haystack = Array("--a --b\n--b--".utf8)
        XCTAssertEqual(ByteSearch.firstIndex(of: Array("--b".utf8), in: haystack, range: 0..<haystack.count), 4)
        XCTAssertEqual(ByteSearch.firstIndex(of: Array("--b".utf8), in: haystack, range: 5..<haystack.count), 8)
        XCTAssertNil(ByteSearch.firstIndex(of: Array("--b--".utf8), in: haystack, range: 0..<12))
        XCTAssertNil(ByteSearch.firstIndex(of: Array("--c".utf8), in: haystack, range: 0..<haystack.count))
    }

    func testContainsBytesMatchesAtTheEdgesAndNotAcrossThem() {
        XCTAssertTrue("schreef:".containsBytes("schreef"))
        XCTAssertTrue("op maandag schreef".containsBytes("schreef"))
        XCTAssertFalse("schree".containsBytes("schreef"))
        XCTAssertTrue("écrit".containsBytes("écrit"))
        XCTAssertTrue("x".containsBytes(""))
        XCTAssertTrue("abc def"[...].dropFirst(4).containsBytes("def"))
        XCTAssertFalse("abc def"[...].dropFirst(4).containsBytes("abc"))
    }

    func testSpacesAreTrimmedButLineBreaksKept() {
        XCTAssertEqual(" \t waarde\u{00A0} ".trimmingSpaces(), "waarde")
        XCTAssertEqual("\nwaarde\n".trimmingSpaces(), "\nwaarde\n")
        XCTAssertEqual(" \n waarde \r\n".trimmingWhitespace(), "waarde")
        XCTAssertEqual(" <id@host> ".trimmingSpaces(and: "<>"), "id@host")
    }

    func testNewlineSeparatedLinesKeepEmptyLinesAndCarriageReturns() {
        XCTAssertEqual("a\r\n\nb".newlineSeparatedLines, ["a\r", "", "b"])
        XCTAssertEqual("".newlineSeparatedLines, [""])
    }

    func testDelimiterInsideALineDoesNotSplitTheMultipart() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary="grens"

            --grens
            Content-Type: text/plain; charset=utf-8

            Tekst met --grens midden in de regel.
            --grens--
            """)
        XCTAssertEqual(message.text, "Tekst met --grens midden in de regel.")
        XCTAssertTrue(message.defects.isEmpty, "\(message.defects)")
    }

    func testDelimiterAfterABareCarriageReturnStillSplits() {
        let raw = Array("Content-Type: multipart/mixed; boundary=g\r\n\r\n--g\rContent-Type: text/plain\r\rEen\r--g--\r".utf8)
        XCTAssertEqual(MessageParser.parse(raw).text, "Een")
    }

    func testEncodedWordsSeparatedByANoBreakSpaceAreJoined() {
        XCTAssertEqual(EncodedWordDecoder.decode("=?utf-8?q?Klacht_?=\u{00A0}=?utf-8?q?BSO?="), "Klacht BSO")
        XCTAssertEqual(EncodedWordDecoder.decode("=?utf-8?q?caf=C3?= =?utf-8?q?=A9?= daarna"), "café daarna")
        XCTAssertEqual(EncodedWordDecoder.decode("geen woord =? hier"), "geen woord =? hier")
    }

    func testQuoteHeaderComparisonLowersLatinCapitals() {
        let reply = ReplyExtractor.newText(of: "Akkoord.\n\n-----URSPRÜNGLICHE NACHRICHT-----\nVon: x")
        XCTAssertEqual(reply, "Akkoord.")
    }
}
