import ComplaintCore
import MailTemplates
import XCTest

/// The core names templates by constants (`TemplateName.acknowledgement`) so a typo does not
/// compile; the catalog in MailTemplates lists the same texts with their variables. The two
/// lists live in modules that do not know each other, so this test keeps them equal.
final class TemplateNameTests: XCTestCase {
    func testEveryConstantIsACatalogTemplateAndEveryTemplateHasAConstant() {
        let catalog = Set(MailTemplateCatalog.knownPaths.keys)
        let constants = Set(TemplateName.known.map(\.rawValue))
        XCTAssertEqual(constants.subtracting(catalog), [], "constants without a template in the catalog")
        XCTAssertEqual(catalog.subtracting(constants), [], "catalog templates without a TemplateName constant")
    }

    func testAnUnknownNameIsKeptAsItIs() {
        let own = TemplateName(rawValue: "eigen-brief")
        XCTAssertEqual(own.rawValue, "eigen-brief")
        XCTAssertFalse(TemplateName.known.contains(own))
        XCTAssertEqual(TemplateName("acknowledgement"), .acknowledgement)
    }

    /// The staff mails sent with an HTML version find it by name: each `-html` text in the catalog
    /// is the HTML version of a known template.
    func testTheHTMLVersionsAreTheCatalogsHTMLTexts() {
        let htmlTexts = Set(TemplateName.known.filter { $0.rawValue.hasSuffix("-html") })
        XCTAssertEqual(htmlTexts, [.deskCasesHtml, .deskCaseHtml, .weeklyDigestHtml])
        XCTAssertEqual(Set(TemplateName.known.map(\.htmlVersion)).intersection(TemplateName.known), htmlTexts)
        XCTAssertEqual(TemplateName.deskCase.htmlVersion, .deskCaseHtml)
    }
}
