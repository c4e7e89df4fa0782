import XCTest
@testable import MailParser

final class HTMLTextTests: XCTestCase {
    func testBlockElementsAndBreaksBecomeLines() {
        XCTAssertEqual(HTMLText.text(from: "<div>Beste</div><div>mevrouw,<br>regel twee</div><p>Alinea</p>"),
                       "Beste\nmevrouw,\nregel twee\n\nAlinea")
    }

    func testListItemsGetDashes() {
        XCTAssertEqual(HTMLText.text(from: "<p>Punten:</p><ul><li>een</li><li>twee</li></ul>"), "Punten:\n\n- een\n- twee")
    }

    func testScriptStyleAndHeadAreDropped() {
        let html = "<html><head><title>x</title><style>p{color:red}</style></head><body><script>alert(1)</script>Tekst</body></html>"
        XCTAssertEqual(HTMLText.text(from: html), "Tekst")
    }

    func testEntitiesAreDecoded() {
        XCTAssertEqual(HTMLText.text(from: "&lt;a&gt; &amp; &quot;b&quot; &#8364; &#x20AC; &euro; &eacute;&nbsp;x &bogus;"),
                       "<a> & \"b\" € € € é x &bogus;")
    }

    func testNumericC1ReferenceMeansWindows1252() {
        XCTAssertEqual(HTMLText.text(from: "&#150;"), "–")
    }

    /// Issue 19: the form reader's letters with any diacritic (`&scaron;`) are in the one table now;
    /// an upper-case letter keeps its case (`&Yacute;` is not `&yacute;`).
    func testAnyLetterWithADiacriticIsComposed() {
        XCTAssertEqual(HTMLText.text(from: "Ta&scaron;a &Ccaron;ech &Yacute;r &AMP; co"), "Taša Čech Ýr & co")
    }

    func testWhitespaceIsCollapsed() {
        XCTAssertEqual(HTMLText.text(from: "  Veel \n\n   ruimte\t\there  "), "Veel ruimte here")
    }

    func testCommentsAreSkipped() {
        XCTAssertEqual(HTMLText.text(from: "a<!-- <p>verborgen</p> -->b"), "ab")
    }

    func testUnclosedHeadDoesNotSwallowTheBody() {
        XCTAssertEqual(HTMLText.text(from: "<head><meta charset=utf-8><body>Tekst"), "Tekst")
    }

    func testHTMLCharsetFromMetaTagWhenHeaderHasNone() {
        let raw = bytes(Array("Content-Type: text/html\r\n\r\n<meta charset=\"windows-1252\"><p>".utf8), [0x80], Array("</p>".utf8))
        XCTAssertEqual(MessageParser.parse(raw).text, "€")
    }

    func testBlockquoteContentIsMarkedAsQuoted() {
        XCTAssertEqual(HTMLText.text(from: "<div>Nieuw</div><blockquote type=\"cite\"><div>Oud</div><ul><li>punt</li></ul></blockquote><div>Na</div>"),
                       "Nieuw\n\n> Oud\n> - punt\n\nNa")
    }

    func testHTMLOnlyReplyLosesItsQuotedHistory() {
        let message = parse("""
            Content-Type: text/html; charset=utf-8

            <div>Akkoord met het voorstel.</div><blockquote type="cite"><div>Beste ouder, ons voorstel is...</div></blockquote>
            """)
        XCTAssertEqual(message.textSource, .html)
        XCTAssertEqual(message.replyText, "Akkoord met het voorstel.")
    }

    func testPreformattedTextKeepsSpacesAndBreaks() {
        XCTAssertEqual(HTMLText.text(from: "<p>Tabel:</p><pre>naam    datum\n  Jan   3 mei</pre><p>Einde</p>"),
                       "Tabel:\n\nnaam    datum\n  Jan   3 mei\n\nEinde")
    }
}
