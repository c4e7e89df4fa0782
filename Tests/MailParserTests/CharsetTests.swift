import XCTest
@testable import MailParser

final class CharsetTests: XCTestCase {
    private func decode(_ bytes: [UInt8], _ charset: String?) -> String {
        CharsetDecoder.decode(bytes, charset: charset).text
    }

    func testLatin1LabelWithWindows1252BytesDecodesAsWindows1252() {
        // 0x80 euro, 0x93/0x94 curly double quotes, 0x92 apostrophe.
        let text: [UInt8] = [0x93, 0x4B, 0x6C, 0x61, 0x63, 0x68, 0x74, 0x94, 0x20, 0x80, 0x35, 0x20, 0x92, 0x73]
        XCTAssertEqual(decode(text, "iso-8859-1"), "“Klacht” €5 ’s")
        XCTAssertEqual(decode(text, "latin1"), "“Klacht” €5 ’s")
        XCTAssertEqual(decode(text, "us-ascii"), "“Klacht” €5 ’s")
    }

    func testASCIILabelledUTF8IsReadAsUTF8() {
        XCTAssertEqual(decode(Array("crème".utf8), "us-ascii"), "crème")
    }

    func testIconvCharsets() {
        let cases: [(String, [UInt8], String)] = [
            ("iso-8859-2", [0x50, 0xB3, 0xF3, 0x64, 0xBC], "Płódź"),
            ("ISO-8859-15", [0xA4], "€"),
            ("windows-1250", [0x8A, 0x9A], "Šš"),
            ("windows-1251", [0xCF, 0xF0, 0xE8], "При"),
            ("koi8-r", [0xF0, 0xD2, 0xC9], "При"),
            ("koi8-u", [0xA4], "є"),
            ("iso-8859-7", [0xC1], "Α"),
            ("windows-1258", [0x80], "€"),
            ("gb2312", [0xC4, 0xE3, 0xBA, 0xC3], "你好"),
            ("gbk", [0xC4, 0xE3, 0xBA, 0xC3], "你好"),
            ("gb18030", [0xC4, 0xE3, 0xBA, 0xC3], "你好"),
            ("big5", [0xA7, 0x41, 0xA6, 0x6E], "你好"),
            ("shift_jis", [0x82, 0xB1, 0x82, 0xF1], "こん"),
            ("x-sjis", [0x82, 0xB1, 0x82, 0xF1], "こん"),
            ("euc-jp", [0xA4, 0xB3, 0xA4, 0xF3], "こん"),
            ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x1B, 0x28, 0x42], "こん"),
            ("euc-kr", [0xC7, 0xD1], "한"),
            ("ks_c_5601-1987", [0xC7, 0xD1], "한"),
            ("utf-7", Array("Hi +AOk-".utf8), "Hi é"),
            ("utf-16", [0xFF, 0xFE, 0x41, 0x00, 0xE9, 0x00], "Aé"),
            ("utf-16", [0xFE, 0xFF, 0x00, 0x41, 0x00, 0xE9], "Aé"),
            ("cp1252", [0x80], "€"),
        ]
        for (charset, input, expected) in cases {
            XCTAssertEqual(decode(input, charset), expected, charset)
            XCTAssertFalse(CharsetDecoder.decode(input, charset: charset).unknownCharset, charset)
        }
    }

    func testInvalidBytesBecomeReplacementCharacterAndDecodingContinues() {
        XCTAssertEqual(decode([0x61, 0xFF, 0x62], "utf-8"), "a\u{FFFD}b")
        XCTAssertEqual(decode([0x41, 0x82, 0x42], "shift_jis"), "A\u{FFFD}B")
        XCTAssertEqual(decode([0xC4, 0xE3, 0xC4], "gbk"), "你\u{FFFD}")
    }

    func testUnknownCharsetTriesUTF8ThenWindows1252() {
        let utf8 = CharsetDecoder.decode(Array("crème".utf8), charset: "x-unknown-thing")
        XCTAssertEqual(utf8.text, "crème")
        XCTAssertTrue(utf8.unknownCharset)
        XCTAssertEqual(decode([0x63, 0x72, 0xE8, 0x6D, 0x65], "x-unknown-thing"), "crème")
    }

    func testUnknownCharsetInMessageIsDefect() {
        let message = parse("Content-Type: text/plain; charset=x-bogus\n\nhallo")
        XCTAssertEqual(message.text, "hallo")
        XCTAssertTrue(message.defects.contains("unknown charset \"x-bogus\""))
    }

    func testDecodingIsSafeFromManyThreads() {
        let input: [UInt8] = [0xC4, 0xE3, 0xBA, 0xC3]
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            XCTAssertEqual(CharsetDecoder.decode(input, charset: "gbk").text, "你好")
        }
    }

    /// iconv descriptors are kept and reused between calls (`IconvPool`): a conversion that
    /// ends inside a shifted sequence, or on a broken byte, must not leave its state to the next.
    func testReusedDescriptorStartsInInitialState() {
        let shifted: [UInt8] = [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73]   // ESC $ B こん, never shifted back
        for _ in 0..<3 {
            XCTAssertEqual(decode(shifted, "iso-2022-jp"), "こん")
            XCTAssertEqual(decode([0x24, 0x33, 0x41], "iso-2022-jp"), "$3A")
            XCTAssertEqual(decode([0xC4, 0xE3, 0xC4], "gbk"), "你\u{FFFD}")
            XCTAssertEqual(decode([0xBA, 0xC3], "gbk"), "好")
        }
        DispatchQueue.concurrentPerform(iterations: 100) { index in
            if index.isMultiple(of: 2) {
                XCTAssertEqual(CharsetDecoder.decode(shifted, charset: "iso-2022-jp").text, "こん")
            } else {
                XCTAssertEqual(CharsetDecoder.decode([0x24, 0x33, 0x41], charset: "iso-2022-jp").text, "$3A")
            }
        }
    }
}
