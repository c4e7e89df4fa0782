import XCTest
@testable import MailTemplates

final class MailTemplateTests: XCTestCase {
    func testSubjectAndBodyAreSplitAtTheFirstBlankLine() throws {
        let mail = try MailTemplate(fileContents: "Subject: Ontvangen [{{case.reference}}]\n\nRegel 1\n\nRegel 3\n", name: "ack")
        XCTAssertEqual(mail.name, "ack")
        let rendered = try mail.render(["case": ["reference": "K-7"]])
        XCTAssertEqual(rendered, RenderedMail(subject: "Ontvangen [K-7]", body: "Regel 1\n\nRegel 3\n"))
        XCTAssertEqual(mail.referencedPaths, ["case.reference"])
    }

    func testCrlfFilesAndByteOrderMarksAreAccepted() throws {
        let mail = try MailTemplate(fileContents: "\u{FEFF}subject:  Hallo \r\n\r\nRegel\r\n", name: "m")
        XCTAssertEqual(try mail.render([:]), RenderedMail(subject: "Hallo", body: "Regel\n"))
    }

    func testHeaderMistakesAreExplained() {
        let cases: [(String, Int, String)] = [
            ("Subject: a\nBody zonder lege regel", 1, "no blank line"),
            ("Onderwerp: a\n\nbody", 1, "not a header"),
            ("Subject: a\nFrom: x@y\n\nbody", 2, "not a header"),
            ("Subject: a\nSubject: b\n\nbody", 2, "second Subject"),
            ("Subject:   \n\nbody", 1, "missing or empty"),
            ("\n\nbody", 1, "not a header"),
        ]
        for (file, line, words) in cases {
            XCTAssertThrowsError(try MailTemplate(fileContents: file, name: "m"), file) { error in
                guard let error = error as? TemplateError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.line, line, file)
                XCTAssertTrue(error.problem.contains(words), "\(file): \(error)")
            }
        }
    }
}
