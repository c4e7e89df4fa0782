import Foundation
import XCTest
@testable import MailTemplates

final class TemplateSetTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "klachtd-templates-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/nl", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/en", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: folder)
    }

    private func write(_ path: String, _ text: String) throws {
        try text.write(toFile: folder + "/" + path, atomically: true, encoding: .utf8)
    }

    func testEnglishFallsBackToDutchPerMissingFile() throws {
        try write("nl/acknowledgement.txt", "Subject: Ontvangen [{{case.reference}}]\n\nDank u.\n")
        try write("nl/closing-letter.txt", "Subject: Gesloten [{{case.reference}}]\n\nGesloten.\n")
        try write("en/acknowledgement.txt", "Subject: Received [{{case.reference}}]\n\nThank you.\n")
        try write("en/notes.md", "not a template")
        let english = try TemplateSet.load(directory: folder, language: "en")
        XCTAssertEqual(english.names, ["acknowledgement", "closing-letter"])
        XCTAssertEqual(english.fallbackNames, ["closing-letter"])
        XCTAssertEqual(try english.template("acknowledgement")?.render(["case": ["reference": "K"]]).subject, "Received [K]")
        XCTAssertEqual(try english.template("closing-letter")?.render(["case": ["reference": "K"]]).subject, "Gesloten [K]")
        XCTAssertNil(english.template("judgement-letter"))
        let dutch = try TemplateSet.load(directory: folder, language: "nl")
        XCTAssertEqual(dutch.fallbackNames, [])
    }

    func testLoadErrorsNameTheFile() throws {
        try write("nl/acknowledgement.txt", "Subject: x\n\n{{#if a}}\n")
        XCTAssertThrowsError(try TemplateSet.load(directory: folder, language: "nl")) { error in
            XCTAssertEqual((error as? TemplateError)?.file, "nl/acknowledgement.txt")
            XCTAssertEqual((error as? TemplateError)?.line, 3)
        }
        XCTAssertThrowsError(try TemplateSet.load(directory: folder, language: "../etc"))
        XCTAssertThrowsError(try TemplateSet.load(directory: folder + "/nergens", language: "nl")) { error in
            XCTAssertTrue((error as? TemplateError)?.problem.contains("no template files") ?? false)
        }
    }

    func testValidateReportsMissingUnknownAndUnofferedVariables() throws {
        let set = TemplateSet(language: "nl", templates: [
            try MailTemplate(fileContents: "Subject: [{{case.reference}}]\n\nTekst\n{{case.text}}\n", name: "acknowledgement"),
            try MailTemplate(fileContents: "Subject: x\n\ny\n", name: "acknowledgment"),
        ])
        let errors = set.validate(knownPaths: [
            "acknowledgement": ["case.reference", "organisation.name"],
            "judgement-letter": ["case.reference"],
        ])
        XCTAssertEqual(errors.count, 3, errors.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(errors.contains { $0.problem.contains("\"judgement-letter\" is missing") })
        XCTAssertTrue(errors.contains { $0.problem.contains("no template called \"acknowledgment\"") })
        let unoffered = try XCTUnwrap(errors.first { $0.problem.contains("{{case.text}}") })
        XCTAssertEqual(unoffered.line, 4)
        XCTAssertTrue(unoffered.fix.contains("case.reference, organisation.name"))
    }

    func testValidateAcceptsGroupsAndWildcards() throws {
        let set = TemplateSet(language: "nl", templates: [
            try MailTemplate(fileContents: "Subject: x\n\n{{#if digest}}{{digest.anything}}{{/if}}{{#if case}}{{/if}}\n",
                             name: "weekly-digest"),
        ])
        XCTAssertEqual(set.validate(knownPaths: ["weekly-digest": ["digest.*", "case.reference"]]), [])
    }
}
