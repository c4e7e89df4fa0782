import XCTest
@testable import FormReader
import MailParser

final class HTMLTextTests: XCTestCase {
    private func text(_ html: String) -> String {
        HTMLParser.parse(html).visibleText
    }

    func testNamedAndNumericEntitiesAreDecoded() {
        XCTAssertEqual(text("Zo&euml; &amp; Ren&eacute;e&nbsp;&#233;&#xE9;n &lt;3 &unknown; R&amp;D"),
                       "Zoë & Renée één <3 &unknown; R&D")
    }

    func testMailtoLinkBecomesItsAddressAndOtherLinksTheirText() {
        XCTAssertEqual(text("<a href=\"mailto:jan%40example.nl?subject=Klacht\">Mail Jan</a>"), "jan@example.nl")
        XCTAssertEqual(text("<a href=\"https://example.nl/a\">onze site</a>"), "onze site")
        XCTAssertEqual(text("<a href=\"https://example.nl/a\"></a>"), "https://example.nl/a")
    }

    func testLineBreaksListItemsAndBlocksBecomeLines() {
        XCTAssertEqual(text("een<br>twee<br/><br />drie<ul><li>a<li>b</ul><p>vier</p><div>vijf</div>"),
                       "een\ntwee\n\ndrie\na\nb\nvier\nvijf")
    }

    func testScriptsStylesAndCommentsAreNotText() {
        XCTAssertEqual(text("<style>td { color: red }</style><!-- x < y -->zicht<script>var a = '<b>';</script>baar"),
                       "zichtbaar")
    }

    func testUnclosedTitleDoesNotHideTheRestOfTheMessage() {
        XCTAssertEqual(text("<head><title>Melding</head><body>Naam: Jan</body>"), "Melding\nNaam: Jan")
    }

    func testUnclosedCellsAndRowsAreClosedByTheNextOne() {
        let document = HTMLParser.parse("<table><tr><td>Naam:<td>Jan<tr><td>Plaats:<td>Utrecht</table>")
        let rows = HTMLTableFields.leafRows(of: document)
        XCTAssertEqual(rows.map { HTMLTableFields.cellsOf($0).map(\.visibleText) },
                       [["Naam:", "Jan"], ["Plaats:", "Utrecht"]])
    }

    func testStrayLessThanSignStaysText() {
        XCTAssertEqual(text("kinderen < 4 jaar en > 2"), "kinderen < 4 jaar en > 2")
    }

    func testHostileNestingIsFlattenedInsteadOfExhaustingTheStack() {
        let html = String(repeating: "<b><div>", count: 50_000) + "diep"
        XCTAssertEqual(text(html), "diep")
    }
}

/// Issue 19: there is one HTML-to-text engine (`MailParser.HTMLTextRenderer`). The form reader
/// walks its parsed tree into it; the parser scans bytes into it. Fed the same form, both
/// give the same text.
final class OneHTMLTextEngineTests: XCTestCase {
    private let forms: [(String, String)] = [
        ("Gravity Forms", GravityFormsFixtures.complaintHTML),
        ("Ninja Forms", NinjaFormsFixtures.fieldsTable),
        ("WPForms classic", WPFormsFixtures.classicHTML),
        ("WPForms smart tags", WPFormsFixtures.classicWithSmartTagsHTML),
        ("WPForms compact", WPFormsFixtures.compactHTML),
        ("WPForms legacy", WPFormsFixtures.legacyHTML),
        ("Dutch WordPress form with a mailto link, a list and a no-break space", """
            <div class="form"><p><strong>Naam&nbsp;ouder:</strong>&nbsp;Fatima&nbsp; el&nbsp;Amrani</p>
            <p>E-mail: <a href="mailto:f.elamrani%40hotmail.nl?subject=Klacht">stuur een mail</a></p>
            <ul><li>Locatie: De Boomhut</li><li>Groep: Peuters</li></ul>
            <table><tr><td>Omschrijving</td><td>Mijn zoon kwam thuis<br>met een blauwe plek.<br><br>Niemand wist ervan.</td></tr></table>
            <a href="https://kinderopvang.example.nl/privacy"><img src="logo.png"></a></div>
            """),
    ]

    func testTheTreeWalkAndTheByteScannerGiveTheSameText() {
        for (name, html) in forms {
            let walked = HTMLParser.parse(html).visibleText
            XCTAssertFalse(walked.isEmpty, name)
            XCTAssertEqual(walked, HTMLText.text(from: html, layout: .fields), name)
        }
    }

    func testTheFieldsLayoutReadsAFormAsLines() {
        XCTAssertEqual(HTMLText.text(from: forms[6].1, layout: .fields), """
            Naam ouder: Fatima el Amrani
            E-mail: f.elamrani@hotmail.nl
            Locatie: De Boomhut
            Groep: Peuters
            Omschrijving
            Mijn zoon kwam thuis
            met een blauwe plek.

            Niemand wist ervan.
            https://kinderopvang.example.nl/privacy
            """)
    }

    func testTheMessageLayoutReadsTheSameHTMLAsAMessage() {
        // The same elements, the other layout: paragraphs apart, "- " items, cells side by side,
        // the link's own text, and each no-break space kept as a space that does not collapse.
        XCTAssertEqual(HTMLText.text(from: forms[6].1), """
            Naam ouder: Fatima  el Amrani

            E-mail: stuur een mail

            - Locatie: De Boomhut
            - Groep: Peuters

            Omschrijving Mijn zoon kwam thuis
            met een blauwe plek.
            Niemand wist ervan.
            """)
    }
}
