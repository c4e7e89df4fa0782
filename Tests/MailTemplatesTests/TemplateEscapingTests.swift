import XCTest
@testable import MailTemplates

final class TemplateEscapingTests: XCTestCase {
    private let hostile = "Klacht\r\nBcc: iedereen@example.org\n\rX\u{0B}\u{0C}\u{85}\u{2028}\u{2029}\u{0}\u{7}\u{1B}\u{7F}\u{9F}\tY"

    func testHeaderEscapingRemovesEveryLineBreakAndControlCharacter() throws {
        let template = try Template(source: "Re: {{s}} [{{r}}]", name: "subject")
        let rendered = try template.render(["s": .string(hostile), "r": "K-1"], escaping: .header)
        XCTAssertFalse(rendered.contains("\r"))
        XCTAssertFalse(rendered.contains("\n"))
        XCTAssertFalse(rendered.unicodeScalars.contains { $0.properties.generalCategory == .control })
        XCTAssertFalse(rendered.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" })
        XCTAssertTrue(rendered.hasPrefix("Re: Klacht  Bcc: iedereen@example.org"))
        XCTAssertTrue(rendered.hasSuffix(" Y [K-1]"))
    }

    func testHeaderEscapingOfEveryControlScalar() {
        for value in UInt32(0)...0x9F {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory == .control else { continue }
            let escaped = TemplateEscaping.header.escape("a\(Character(scalar))b")
            XCTAssertTrue(escaped == "ab" || escaped == "a b", "U+\(String(value, radix: 16)) gave \(escaped.debugDescription)")
        }
    }

    func testHeaderEscapingKeepsOrdinaryText() {
        XCTAssertEqual(TemplateEscaping.header.escape("Café ‘De Boomhut’ – groep 3"), "Café ‘De Boomhut’ – groep 3")
    }

    func testHtmlEscapingOfTheFiveSpecialCharacters() throws {
        let template = try Template(source: "<p>{{v}}</p>", name: "html")
        XCTAssertEqual(try template.render(["v": "<script>alert('x') & \"y\"</script>"], escaping: .html),
                       "<p>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</p>")
    }

    func testPlainInsertsValuesAsTheyAre() throws {
        let template = try Template(source: "{{v}}", name: "plain")
        XCTAssertEqual(try template.render(["v": "a <b> & c\nd"], escaping: .plain), "a <b> & c\nd")
    }

    func testMailSubjectIsAlwaysHeaderEscaped() throws {
        let mail = try MailTemplate(fileContents: "Subject: {{s}}\n\n{{s}}\n", name: "m")
        let rendered = try mail.render(["s": "a\r\nb"])
        XCTAssertEqual(rendered.subject, "a  b")
        XCTAssertEqual(rendered.body, "a\r\nb\n")
    }
}
