import XCTest
@testable import FormReader

final class HTMLTextTests: XCTestCase {
    private func text(_ html: String) -> String {
        HTMLText.render(HTMLParser.parse(html))
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
        XCTAssertEqual(rows.map { HTMLTableFields.cellsOf($0).map(HTMLText.render) },
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
