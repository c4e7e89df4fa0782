import Foundation
import XCTest
@testable import MailTemplates

/// Loads the real `Templates/` folder shipped with the daemon and renders every text.
final class TemplateFolderTests: XCTestCase {
    private static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates").path

    private func load(_ language: String) throws -> TemplateSet {
        try TemplateSet.load(directory: TemplateFolderTests.templatesFolder, language: language)
    }

    func testBothLanguagesHaveEveryTemplateAndOnlyOfferedVariables() throws {
        for language in ["nl", "en"] {
            let set = try load(language)
            XCTAssertEqual(set.names, MailTemplateCatalog.names, language)
            XCTAssertEqual(set.fallbackNames, [], language)
            XCTAssertEqual(set.validate(knownPaths: MailTemplateCatalog.knownPaths).map(\.description), [], language)
        }
    }

    func testEveryTemplateRendersWithFullAndSparseContexts() throws {
        for language in ["nl", "en"] {
            let set = try load(language)
            for name in set.names {
                let template = try XCTUnwrap(set.template(name))
                for context in [TemplateSampleContext.full(language: language), TemplateSampleContext.sparse(language: language)] {
                    let mail = try template.render(context)
                    XCTAssertFalse(mail.subject.isEmpty, "\(language)/\(name)")
                    XCTAssertFalse(mail.subject.contains("\n") || mail.subject.contains("\r"), "\(language)/\(name)")
                    XCTAssertFalse(mail.body.contains("{{") || mail.body.contains("}}"), "\(language)/\(name)")
                    XCTAssertFalse(mail.body.contains("\n\n\n\n"), "\(language)/\(name) has a run of blank lines")
                    XCTAssertFalse(mail.body.hasPrefix("\n"), "\(language)/\(name) starts with a blank line")
                    XCTAssertTrue(mail.body.hasSuffix("\n"), "\(language)/\(name)")
                }
            }
        }
    }

    func testCaseMailSubjectsCarryTheReferenceTag() throws {
        for language in ["nl", "en"] {
            let set = try load(language)
            // Mails about no one case (the overview, klachtd's own notices without a case, the report round, the desk's
            // replies) carry no tag: they are the ones not offered a case reference.
            for name in set.names where MailTemplateCatalog.knownPaths[name]?.contains("case.reference") ?? true {
                let mail = try XCTUnwrap(set.template(name)).render(TemplateSampleContext.full(language: language))
                XCTAssertTrue(mail.subject.contains("[K-2026-0042]"), "\(language)/\(name): \(mail.subject)")
            }
        }
    }

    func testParentLettersNeverEchoTheComplaint() throws {
        let parentLetters = ["acknowledgement", "neutral-receipt", "progress-update", "extension-notice",
                             "judgement-letter", "closing-letter", "compliment-thanks"]
        for language in ["nl", "en"] {
            let set = try load(language)
            for name in parentLetters {
                let template = try XCTUnwrap(set.template(name))
                XCTAssertFalse(template.referencedPaths.contains("case.text"), "\(language)/\(name)")
                XCTAssertFalse(template.referencedPaths.contains("case.subject"), "\(language)/\(name)")
                let mail = try template.render(TemplateSampleContext.full(language: language))
                XCTAssertFalse(mail.body.contains("UNIEKE-KLACHTTEKST"), "\(language)/\(name)")
            }
        }
    }

    func testAcknowledgementNamesTermsAndBothOutsideBodies() throws {
        let nl = try XCTUnwrap(load("nl").template("acknowledgement")).render(TemplateSampleContext.full(language: "nl"))
        for expected in ["K-2026-0042", "maandag 15 juni 2026", "Klachtenloket Kinderopvang", "www.klachtenloket-kinderopvang.nl",
                         "0900-1877", "Geschillencommissie Kinderopvang", "www.degeschillencommissie.nl",
                         "twaalf maanden", "dinsdag 4 mei 2027", "Beste J. de Vries,", "klachtengeld", "letsel"] {
            XCTAssertTrue(nl.body.contains(expected), expected)
        }
    }

    /// Issue 17: a staff mail's reply address holds the token that lets commands count; printed in
    /// the body it travels with the quoted history of an #antwoord to the parent.
    func testNoStaffMailPrintsItsTokenBearingReplyAddress() throws {
        let token = "0123456789abcdef"
        let parentLetters: Set<String> = ["acknowledgement", "neutral-receipt", "progress-update", "satisfaction-question",
                                          "satisfaction-reminder", "escalation-information", "extension-notice",
                                          "judgement-letter", "closing-letter", "compliment-thanks", "handler-message",
                                          "release-acknowledgement", "withdrawal-confirmation", "suspension-notice",
                                          "resumption-notice", "resolution-letter",
                                          "question-receipt", "improvement-receipt", "suggestion-receipt"]
        for language in ["nl", "en"] {
            let set = try load(language)
            var context = TemplateSampleContext.full(language: language)
            context["reply"] = ["address": .string("klachten+KL-2026-0042.\(token)@example.org")]
            for name in set.names where !parentLetters.contains(name) {
                let template = try XCTUnwrap(set.template(name))
                XCTAssertFalse(MailTemplateCatalog.knownPaths[name]?.contains("reply.address") ?? true, "\(name) is offered reply.address")
                XCTAssertFalse(template.referencedPaths.contains("reply.address"), "\(language)/\(name)")
                let mail = try template.render(context)
                XCTAssertFalse(mail.body.contains(token), "\(language)/\(name) prints the token")
            }
        }
    }

    func testNeutralReceiptSaysNothingAboutProcedure() throws {
        for language in ["nl", "en"] {
            let template = try XCTUnwrap(load(language).template("neutral-receipt"))
            XCTAssertTrue(template.referencedPaths.isSubset(of: ["organisation.name", "organisation.address", "case.reference",
                                                                 "case.complainant_name", "reply.address"]))
            let body = try template.render(TemplateSampleContext.full(language: language)).body.lowercased()
            for word in ["klachtenloket", "geschillencommissie", "weken", "weeks", "termijn", "term", "klacht", "complaint"] {
                XCTAssertFalse(body.contains(word), "\(language): \(word)")
            }
        }
    }

    func testJudgementLetterListsMeasuresWithTheirTermAndTheWindowEnd() throws {
        let letter = try XCTUnwrap(load("nl").template("judgement-letter")).render(TemplateSampleContext.full(language: "nl"))
        XCTAssertTrue(letter.body.contains("Ons oordeel: uw klacht is deels gegrond\nDat betekent: u hebt voor een deel gelijk."), letter.body)
        XCTAssertTrue(letter.body.contains("1. De BSO controleert dagelijks de ophaallijst met school.\n   Dit is uiterlijk maandag 1 juni 2026 gedaan."))
        XCTAssertTrue(letter.body.contains("2. Het team bespreekt"))
        XCTAssertTrue(letter.body.contains("uiterlijk dinsdag 4 mei 2027"))
        let none = try XCTUnwrap(load("nl").template("judgement-letter")).render(TemplateSampleContext.sparse(language: "nl"))
        XCTAssertTrue(none.body.contains("geen extra maatregelen"))
        XCTAssertTrue(none.body.contains("Beste ouder of verzorger,"))
    }

    func testHandlerAssignmentCarriesTheComplaintAndTheCommands() throws {
        let mail = try XCTUnwrap(load("nl").template("handler-assignment")).render(TemplateSampleContext.full(language: "nl"))
        for expected in ["UNIEKE-KLACHTTEKST", "BSO De Boomhut", "j.devries@example.org", "maandag 11 mei 2026",
                         "maandag 15 juni 2026", "#antwoord", "#oordeel", "#help", "Beantwoord deze e-mail"] {
            XCTAssertTrue(mail.body.contains(expected), expected)
        }
        XCTAssertFalse(mail.body.contains("klachten@example.org"), "the reply address is in the Reply-To header only")
        XCTAssertEqual(mail.subject, "Nieuwe klacht voor jou in behandeling [K-2026-0042]")
    }

    /// Prints every rendered text when KLACHTD_PRINT_TEMPLATES is set, for proofreading.
    func testPrintRenderedTextsOnRequest() throws {
        guard ProcessInfo.processInfo.environment["KLACHTD_PRINT_TEMPLATES"] != nil else { return }
        for language in ["nl", "en"] {
            let set = try load(language)
            for name in set.names {
                let mail = try XCTUnwrap(set.template(name)).render(TemplateSampleContext.full(language: language))
                print("===== \(language)/\(name)\nSubject: \(mail.subject)\n\n\(mail.body)")
            }
        }
    }
}
