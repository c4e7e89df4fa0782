import XCTest
@testable import MailTemplates

final class TemplateRenderingTests: XCTestCase {
    private func render(_ source: String, _ context: [String: TemplateValue],
                        _ escaping: TemplateEscaping = .plain) throws -> String {
        try Template(source: source, name: "test").render(context, escaping: escaping)
    }

    func testVariablesWithDottedPaths() throws {
        let context: [String: TemplateValue] = ["case": ["reference": "K-2026-0042", "location": "De Boomhut"]]
        XCTAssertEqual(try render("Kenmerk {{case.reference}} ({{ case.location }})", context),
                       "Kenmerk K-2026-0042 (De Boomhut)")
        XCTAssertEqual(try render("geen tags", [:]), "geen tags")
        XCTAssertEqual(try render("", [:]), "")
    }

    func testIfElseAndUnlessFollowTruthiness() throws {
        let cases: [(TemplateValue, String)] = [
            ("tekst", "ja"), ("", "nee"), (true, "ja"), (false, "nee"), (["x"], "ja"), (.list([]), "nee"),
            (.object([:]), "ja"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(try render("{{#if v}}ja{{else}}nee{{/if}}", ["v": value]), expected, "\(value)")
            XCTAssertEqual(try render("{{#unless v}}nee{{else}}ja{{/unless}}", ["v": value]), expected, "\(value)")
        }
        XCTAssertEqual(try render("a{{#if v}}b{{/if}}c", ["v": false]), "ac")
    }

    func testEachLoopsWithThisItemAndNumbers() throws {
        let measures: TemplateValue = [["text": "Extra overdracht", "due": "1 juni"], ["text": "Nieuw rooster", "due": "15 juni"]]
        let source = "{{#each m}}{{@number}}. {{item.text}} ({{this.due}}) #{{@index}}\n{{/each}}"
        XCTAssertEqual(try render(source, ["m": measures]),
                       "1. Extra overdracht (1 juni) #0\n2. Nieuw rooster (15 juni) #1\n")
        XCTAssertEqual(try render("{{#each e}}- {{this}}\n{{/each}}", ["e": ["een", "twee"]]), "- een\n- twee\n")
        XCTAssertEqual(try render("[{{#each e}}x{{/each}}]", ["e": .list([])]), "[]")
    }

    func testNestedLoopsShadowTheOuterItem() throws {
        let groups: TemplateValue = [["name": "A", "kids": ["1", "2"]], ["name": "B", "kids": ["3"]]]
        let source = "{{#each g}}{{item.name}}:{{#each item.kids}}{{this}}{{/each}};{{/each}}"
        XCTAssertEqual(try render(source, ["g": groups]), "A:12;B:3;")
    }

    func testCommentsLeaveNothing() throws {
        XCTAssertEqual(try render("a{{! een opmerking }}b", [:]), "ab")
        XCTAssertEqual(try render("a{{! over\ntwee regels }}b", [:]), "ab")
    }

    func testBlockTagsAloneOnALineLeaveNoBlankLines() throws {
        let source = """
        Geachte ouder,
        {{! uitleg }}
        {{#if a}}
          A
        {{else}}
          niet A
        {{/if}}
        {{#each list}}
        - {{this}}
        {{/each}}
        Groet
        """
        XCTAssertEqual(try render(source, ["a": true, "list": ["x", "y"]]), "Geachte ouder,\n  A\n- x\n- y\nGroet")
        XCTAssertEqual(try render(source, ["a": false, "list": .list([])]), "Geachte ouder,\n  niet A\nGroet")
    }

    func testInlineBlocksKeepTheirLine() throws {
        XCTAssertEqual(try render("Locatie: {{#if l}}{{l}}{{else}}onbekend{{/if}}\nEinde", ["l": ""]),
                       "Locatie: onbekend\nEinde")
        XCTAssertEqual(try render("{{#if a}}x{{/if}}\nb", ["a": false]), "\nb")
    }

    func testReferencedPathsExcludeLoopLocals() throws {
        let template = try Template(source: """
            {{case.reference}}
            {{#if judgement.measures}}
            {{#each judgement.measures}}{{item.text}} {{this.due}} {{@number}} {{organisation.name}}{{/each}}
            {{/if}}
            {{#unless case.location}}x{{/unless}}
            """, name: "t")
        XCTAssertEqual(template.referencedPaths,
                       ["case.reference", "judgement.measures", "organisation.name", "case.location"])
        XCTAssertEqual(template.line(of: "judgement.measures"), 2)
        XCTAssertEqual(template.line(of: "organisation.name"), 3)
        XCTAssertEqual(template.line(of: "case.location"), 5)
    }
}
