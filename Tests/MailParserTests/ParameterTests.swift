import XCTest
@testable import MailParser

final class ParameterTests: XCTestCase {
    private func filename(_ headers: String) -> String? {
        parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\(headers)\n\nx\n--b--\n").attachments.first?.filename
    }

    func testRFC2231ContinuationsWithCharset() {
        XCTAssertEqual(filename("""
            Content-Type: application/pdf
            Content-Disposition: attachment;
             filename*0*=utf-8''Klacht%20over%20cr;
             filename*1*=%C3%A8che;
             filename*2=".pdf"
            """), "Klacht over crèche.pdf")
    }

    func testRFC2231SingleExtendedValueInLatin1() {
        XCTAssertEqual(filename("Content-Type: application/pdf; name*=iso-8859-1'nl'caf%E9.pdf"), "café.pdf")
    }

    func testContinuationsOutOfOrderAreSorted() {
        XCTAssertEqual(filename("Content-Disposition: attachment; filename*1=\"deel2.txt\"; filename*0=\"deel1-\""),
                       "deel1-deel2.txt")
    }

    func testNonStandardEncodedWordInQuotedFilename() {
        XCTAssertEqual(filename("Content-Type: image/jpeg; name=\"=?utf-8?B?Zm90b+KCrC5qcGc=?=\""), "foto€.jpg")
    }

    func testDispositionFilenameWinsOverContentTypeName() {
        XCTAssertEqual(filename("Content-Type: text/plain; name=a.txt\nContent-Disposition: attachment; filename=b.txt"), "b.txt")
    }

    func testQuotedValueWithSemicolonAndEscapes() {
        XCTAssertEqual(filename("Content-Disposition: attachment; filename=\"a;b \\\"c\\\".txt\""), "a;b \"c\".txt")
    }

    func testContentTypeIsCaseInsensitiveAndTolerant() {
        XCTAssertEqual(ContentType(parsing: "TEXT/Plain; CHARSET=\"UTF-8\"")?.mimeType, "text/plain")
        XCTAssertEqual(ContentType(parsing: "TEXT/Plain; CHARSET=\"UTF-8\"")?.charset, "UTF-8")
        XCTAssertEqual(ContentType(parsing: "text/plain>")?.mimeType, "text/plain")
        XCTAssertNil(ContentType(parsing: "text"))
    }

    func testRaw8BitFilenameIsReadInThePartsCharset() {
        let raw = bytes(Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=gb2312; name=\"".utf8),
                        [0xC4, 0xE3, 0xBA, 0xC3], Array(".txt\"\r\nContent-Disposition: attachment\r\n\r\nx\r\n--b--\r\n".utf8))
        XCTAssertEqual(MessageParser.parse(raw).attachments.first?.filename, "你好.txt")
    }

    /// Control characters (a line break from careless folding inside an encoded word) leave
    /// the filename; a name without any is kept as written, accents and all (issue 22).
    func testFilenameLosesControlCharactersOnly() {
        let message = parse("""
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Zie bijlagen.
            --b
            Content-Type: application/pdf; name="=?utf-8?q?klacht=0Aopvang.pdf?="
            Content-Disposition: attachment

            x
            --b
            Content-Type: image/jpeg
            Content-Disposition: attachment; filename="=?utf-8?q?foto_cr=C3=A8che_Zo=C3=AB.jpg?="

            y
            --b--
            """)
        XCTAssertEqual(message.attachments.map(\.filename), ["klachtopvang.pdf", "foto crèche Zoë.jpg"])
    }
}
