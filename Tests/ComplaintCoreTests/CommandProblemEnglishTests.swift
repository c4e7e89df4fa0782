import ComplaintCore
import XCTest

/// Every reason a command is refused has its English sentence, so a handler of an English
/// location is not answered in Dutch: a battery of wrong commands, each as a handler writes it,
/// through the parser and the planner, in English and in Dutch spelling.
final class CommandProblemEnglishTests: XCTestCase, PlannerFixture {
    /// Words that only Dutch sentences have.
    private let dutchWords = [" de ", " het ", " een ", " mist ", " geen ", " kies ", " ligt ", " zaak ", " schrijf ", " niet ",
                              " van ", " voor ", " kan ", " hoort ", " tekst "]

    private let wrong: [(String, CommandRole, CaseState)] = [
        ("#bedank", .handler, .assigned), ("#judgement", .handler, .assigned), ("#judgement maybe", .handler, .assigned),
        ("#judgement upheld", .handler, .assigned), ("#judgement upheld\n#judgement unfounded\n\nReasons.", .handler, .assigned),
        ("#answer\n#judgement upheld\n\nText.", .handler, .assigned), ("#answer", .handler, .assigned),
        ("#term 4 weeks\n\nText.", .handler, .assigned), ("#judgement upheld\n#measure New agreements\n\nReasons.", .handler, .assigned),
        ("#measure New agreements\n#term 4 weeks", .handler, .assigned), ("#term soon", .handler, .assigned),
        ("#term 2026-05-01", .handler, .assigned), ("#category weather", .handler, .assigned), ("#location Atlantis", .handler, .assigned),
        ("#kind rant", .handler, .assigned), ("#address tomorrow", .handler, .assigned), ("#assign someone", .handler, .assigned),
        ("#assign someone@elsewhere.test", .handler, .assigned), ("#extend four weeks", .handler, .assigned),
        ("#extend 4 weeks", .handler, .assigned), ("#extend 4 weeks waiting for a meeting", .handler, .assigned),
        ("#withdrawn", .handler, .assigned), ("#suspended 2026-06-01", .handler, .assigned), ("#suspended 2026-05-01 too late", .handler, .assigned),
        ("#resolved", .handler, .assigned), ("#resolved Agreed.", .handler, .measuresPending), ("#close", .handler, .assigned),
        ("#contact pigeon", .handler, .assigned), ("#contact 2026-05-30 phone", .handler, .assigned),
        ("#referral next week", .handler, .assigned), ("#referral 2026-05-30", .handler, .assigned), ("#dispute 2026-05-30", .handler, .assigned),
        ("#ruling upheld 2026-05-19", .handler, .assigned), ("#ruling maybe 2026-05-19", .handler, .referredGeschillencommissie),
        ("#ruling upheld", .handler, .referredGeschillencommissie), ("#safeguarding", .handler, .assigned), ("#release", .quality, .safeguarding),
        ("#safeguarding", .safeguarding, .safeguarding), ("#answer\n\nHello.", .handler, .safeguarding), ("#answer\n\nHello.", .management, .assigned),
        ("#approve", .handler, .assigned), ("#approve", .quality, .assigned), ("#return", .quality, .assigned), ("#measure-done", .handler, .assigned),
        ("#measure-done two", .handler, .measuresPending), ("#annual-report 2026", .handler, .closed), ("#resume", .handler, .assigned),
    ]

    func testEveryRefusalHasAnEnglishSentence() {
        var seen = 0
        for (text, role, state) in wrong {
            let result = plan(text, role: role, facts: facts(state: state))
            XCTAssertFalse(result.errors.isEmpty, "\(text) should be refused")
            for problem in result.errors {
                seen += 1
                XCTAssertNotEqual(problem.english, problem.dutch, text)
                // The names a sentence lists (categories, locations) are the organisation's own, in Dutch.
                let sentence = problem.english.components(separatedBy: "choose from:")[0]
                let padded = " " + sentence.lowercased() + " "
                for word in dutchWords { XCTAssertFalse(padded.contains(word), "\(text): Dutch '\(word)' in \"\(problem.english)\"") }
                XCTAssertEqual(problem.text(english: true), problem.english)
                XCTAssertEqual(problem.text(english: false), problem.dutch)
            }
        }
        XCTAssertGreaterThanOrEqual(seen, wrong.count)
    }

    func testTheEnglishSentenceNamesTheEnglishCommandWord() {
        XCTAssertEqual(plan("#oordeel misschien").errors.map(\.english),
                       ["#judgement 'misschien' is not an outcome; choose upheld, partly-upheld or unfounded"])
        XCTAssertEqual(plan("#geschorst", facts: facts()).errors.map(\.english), ["#suspended needs the reason"])
        XCTAssertEqual(plan("#hervatten").errors.map(\.english), ["#resume is not possible for a case that is 'in progress'"])
    }
}
