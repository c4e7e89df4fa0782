import XCTest
@testable import MailTemplates

final class TemplateErrorTests: XCTestCase {
    private func parseError(_ source: String) -> TemplateError? {
        do {
            _ = try Template(source: source, name: "nl/test.txt")
            return nil
        } catch {
            return error
        }
    }

    private func renderError(_ source: String, _ context: [String: TemplateValue]) -> TemplateError? {
        do {
            _ = try Template(source: source, name: "nl/test.txt").render(context, escaping: .plain)
            return nil
        } catch {
            return error
        }
    }

    func testUnknownVariableAtRenderNamesTheLineAndTheChoices() throws {
        let error = try XCTUnwrap(renderError("Geachte ouder,\n\nKenmerk {{case.referense}}\n",
                                              ["case": ["reference": "K-1", "location": ""]]))
        XCTAssertEqual(error.file, "nl/test.txt")
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(error.problem.contains("{{case.referense}}"))
        XCTAssertTrue(error.fix.contains("location, reference"))
        XCTAssertTrue(error.description.hasPrefix("nl/test.txt:3: unknown variable {{case.referense}}."))
    }

    func testUnknownTopLevelVariableInAConditionIsAnErrorToo() throws {
        let error = try XCTUnwrap(renderError("a\n{{#if judgement.outcome}}x{{/if}}", [:]))
        XCTAssertEqual(error.line, 2)
    }

    func testWrongKindsOfValues() throws {
        let list = try XCTUnwrap(renderError("{{m}}", ["m": ["a"]]))
        XCTAssertTrue(list.problem.contains("list"))
        XCTAssertTrue(list.fix.contains("{{#each m}}"))
        let group = try XCTUnwrap(renderError("{{case}}", ["case": ["reference": "K"]]))
        XCTAssertTrue(group.fix.contains("{{case.reference}}"))
        let loopOverText = try XCTUnwrap(renderError("\n\n{{#each t}}x{{/each}}", ["t": "tekst"]))
        XCTAssertEqual(loopOverText.line, 3)
        XCTAssertTrue(loopOverText.problem.contains("needs a list"))
        XCTAssertNotNil(renderError("{{a.b}}", ["a": "tekst"]))
    }

    func testSyntaxErrorsCarryTheirLine() throws {
        let cases: [(source: String, line: Int, words: String)] = [
            ("a\n{{#if x}}\nb\n", 2, "never closed"),
            ("a\n\n{{/if}}", 3, "closes nothing"),
            ("{{#if x}}\n{{/each}}", 2, "closes {{#if x}} of line 1"),
            ("{{else}}", 1, "{{else}}"),
            ("{{#if x}}{{else}}{{else}}{{/if}}", 1, "second"),
            ("{{#each x}}{{else}}{{/each}}", 1, "{{else}}"),
            ("a\nb {{case.reference", 2, "never closed"),
            ("{{#with x}}{{/with}}", 1, "unknown block"),
            ("{{#if}}{{/if}}", 1, "exactly one variable"),
            ("{{#if a b}}{{/if}}", 1, "exactly one variable"),
            ("{{/if x}}", 1, "extra words"),
            ("\n{{case reference}}", 2, "not a variable name"),
            ("{{case..reference}}", 1, "not a variable name"),
            ("{{}}", 1, "not a variable name"),
            ("{{{v}}}", 1, "triple braces"),
            ("\n\n{{this}}", 3, "only known inside"),
            ("{{item.text}}", 1, "only known inside"),
        ]
        for c in cases {
            let error = try XCTUnwrap(parseError(c.source), c.source)
            XCTAssertEqual(error.line, c.line, c.source)
            XCTAssertTrue(error.problem.contains(c.words), "\(c.source): \(error)")
            XCTAssertFalse(error.fix.isEmpty)
        }
    }

    func testLineNumbersCountFromTheFileNotTheBody() throws {
        let file = "Subject: Klacht [{{case.reference}}]\n\nGeachte ouder,\n\n{{#if x}}\n"
        XCTAssertThrowsError(try MailTemplate(fileContents: file, name: "t")) { error in
            XCTAssertEqual((error as? TemplateError)?.line, 5)
        }
        let mail = try MailTemplate(fileContents: "Subject: K\n\nregel 3\n{{onbekend}}\n", name: "t")
        XCTAssertThrowsError(try mail.render([:])) { error in
            XCTAssertEqual((error as? TemplateError)?.line, 4)
        }
    }
}
