import ComplaintCore
import Foundation
import XCTest

/// Issue 15 items 1, 2 and 11: what kind a message is, which letters each kind gets, and who assigns.
final class KindAndAssignmentIntakeTests: XCTestCase {
    let organisation = OrganisationAddresses(mailbox: "klachten@example.test", quality: ["kwaliteit@example.test"],
                                             management: ["directie@example.test"], safeguarding: ["aandacht@example.test"],
                                             messageIDDomain: "example.test")
    let morel = LocationProfile(name: "Morel", aliases: ["bso morel"], handler: "leiding.morel@example.test",
                                handlerName: "Anna de Wit", handlerRole: "locatiemanager")

    private func plan(subject: String, text: String, formKind: String? = nil) throws -> NewCasePlan {
        var message = InboundMessage(messageID: "k-\(UUID().uuidString)@mail.example", from: Party(name: "Ouder", address: "ouder@example.test"),
                                     subject: subject, text: text, receivedAt: Date(timeIntervalSince1970: 1_777_000_000))
        if let formKind {
            message.form = FormSubmission(plugin: "cf7", fields: [("Soort", formKind)], email: "ouder@example.test", location: "Morel",
                                          kind: formKind, description: text)
        }
        guard case .newCase(let plan) = IntakeDecider.decide(message, context: IntakeContext(organisation: organisation, locations: [morel]))
        else { throw XCTSkip("no new case") }
        return plan
    }

    // MARK: Item 2

    func testDissatisfactionIsAComplaintWhateverItIsCalled() throws {
        let wachtlijst = try plan(subject: "Onvrede over de wachtlijst", text: "Wij staan al een jaar op de wachtlijst voor BSO Morel, ik ben echt boos.")
        XCTAssertEqual(wachtlijst.kind, .klacht, "onvrede is a klacht and runs the clock")
        XCTAssertFalse(wachtlijst.flags.contains(.kindInDoubt))
        let thanksBut = try plan(subject: "Bedankt", text: "Bedankt voor niets. Mijn zoon is bij BSO Morel weer vergeten en ik ben teleurgesteld.")
        XCTAssertEqual(thanksBut.kind, .klacht, "a subject of thanks does not make dissatisfaction a compliment")
        XCTAssertTrue(thanksBut.flags.contains(.kindInDoubt))
        XCTAssertTrue(thanksBut.mails.contains(MailIntent("kind-review", to: .quality)))
        let questionAndWorry = try plan(subject: "Vraag over de BSO", text: "Wanneer gaat BSO Morel weer open? Ik ben ongerust over de opvang.")
        XCTAssertEqual(questionAndWorry.kind, .klacht)
        XCTAssertTrue(questionAndWorry.flags.contains(.kindInDoubt))
    }

    func testClearQuestionsAndComplimentsNeedNoPerson() throws {
        let question = try plan(subject: "Vraag over ruildagen", text: "Hoe werkt het ruilen van een dag bij BSO Morel? Kan ik dat online doen?")
        XCTAssertEqual(question.kind, .vraag)
        XCTAssertFalse(question.flags.contains(.kindInDoubt))
        let thanks = try plan(subject: "Afscheid", text: "Hartelijk dank aan alle juffen van BSO Morel voor vier fijne jaren!")
        XCTAssertEqual(thanks.kind, .compliment)
        let plain = try plan(subject: "Ophalen", text: "Mijn dochter stond om 18:15 nog alleen bij de deur van BSO Morel.")
        XCTAssertEqual(plain.kind, .klacht, "no sign of another kind: a complaint, no doubt to flag")
        XCTAssertFalse(plain.flags.contains(.kindInDoubt))
    }

    func testTheFormsKindFieldIsTheParentsChoice() throws {
        XCTAssertEqual(try plan(subject: "Formulier", text: "Ik ben boos over de factuur.", formKind: "Vraag").kind, .vraag)
        XCTAssertEqual(try plan(subject: "Formulier", text: "Het gaat niet goed.", formKind: "Onvrede").kind, .klacht)
        XCTAssertEqual(KindClassifier.kind(named: "onvrede"), .klacht, "#soort onvrede is a complaint too")
        XCTAssertEqual(try plan(subject: "Formulier", text: "Een moestuin zou leuk zijn.", formKind: "Suggestie / idee").kind, .suggestie)
        XCTAssertEqual(KindClassifier.kind(named: "Klacht (onvrede)"), .klacht)
        XCTAssertNil(KindClassifier.kind(named: "Vraag of klacht"), "two kinds named: the text decides")
    }

    // MARK: Item 1

    func testEachKindGetsItsOwnReceiptAndStaffNotice() throws {
        let cases: [(String, String, MessageKind, TemplateName, TemplateName)] = [
            ("Vraag", "Hoe laat sluit BSO Morel in de zomer?", .vraag, "question-receipt", "question-notice"),
            ("Verbeterpunt", "Een fietsenrek bij BSO Morel zou helpen.", .verbeterpunt, "improvement-receipt", "improvement-notice"),
            ("Suggestie", "Misschien een moestuin bij BSO Morel?", .suggestie, "suggestion-receipt", "suggestion-notice"),
            ("Compliment", "Wat een fijn team bij BSO Morel.", .compliment, "compliment-thanks", "compliment-notice"),
            ("Klacht", "BSO Morel belde niet terug.", .klacht, "acknowledgement", "handler-assignment"),
        ]
        for (subject, text, kind, receipt, notice) in cases {
            let p = try plan(subject: subject, text: text)
            XCTAssertEqual(p.kind, kind, subject)
            XCTAssertEqual(p.mails, [MailIntent(receipt, to: .complainant), MailIntent(notice, to: .handler)], subject)
        }
    }

    // MARK: Item 11

    func testASeriousComplaintIsAssignedByManagement() throws {
        let serious = try plan(subject: "Ongeluk", text: "Mijn zoon moest vanuit BSO Morel naar het ziekenhuis.")
        XCTAssertNil(serious.handler)
        XCTAssertTrue(serious.flags.contains(.managementAssigns))
        XCTAssertEqual(serious.mails, [MailIntent("acknowledgement", to: .complainant), MailIntent("serious-alert", to: .management)])
    }

    func testAComplaintAboutTheLocationsOwnHandlerIsNotTheirs() throws {
        for text in ["Klacht over Anna de Wit van BSO Morel: zij sprak mij onvriendelijk aan.",
                     "Mevrouw De Wit, de locatiemanager van BSO Morel, belde niet terug."] {
            let about = try plan(subject: "Klacht", text: text)
            XCTAssertNil(about.handler, text)
            XCTAssertTrue(about.flags.contains(.managementAssigns))
            XCTAssertEqual(about.mails, [MailIntent("acknowledgement", to: .complainant), MailIntent("management-assignment", to: .management)])
        }
        let other = try plan(subject: "Klacht", text: "Bij BSO Morel werd mijn kind te laat opgehaald.")
        XCTAssertEqual(other.handler, "leiding.morel@example.test")
    }

    func testManagementIsRemindedEveryWorkingDayUntilItAssigns() {
        let scheduler = Scheduler(policy: TermPolicy(), calendar: WorkingDayCalendar(holidays: DutchHolidays()), civil: CivilTime())
        var scheduled = ScheduledCase(id: 1, reference: CaseReference(year: 2026, number: 1), state: .acknowledged, kind: .klacht,
                                      regime: .wko, receivedAt: utc("2026-05-04", 8, 0), acknowledgementDue: day("2026-05-11"),
                                      firstContactDue: day("2026-05-11"), decisionDue: day("2026-06-15"), acknowledged: true)
        scheduled.managementAssigns = true
        XCTAssertNil(scheduler.assignmentReminder(for: scheduled, now: utc("2026-05-04", 12, 0)), "not on the day it came in")
        let tuesday = scheduler.assignmentReminder(for: scheduled, now: utc("2026-05-05", 7, 0))
        XCTAssertEqual(tuesday?.key, "assign-reminder:2026-05-05")
        XCTAssertEqual(tuesday?.audiences, [.management])
        XCTAssertEqual(tuesday?.template, "management-assignment")
        XCTAssertNil(scheduler.assignmentReminder(for: scheduled, now: utc("2026-05-09", 10, 0)), "not on a Saturday")
        XCTAssertTrue(scheduler.due(cases: [scheduled], globalSentKeys: [], now: utc("2026-05-06", 7, 0))
            .contains { $0.key == "assign-reminder:2026-05-06" })
        scheduled.handler = "iemand@example.test"
        XCTAssertNil(scheduler.assignmentReminder(for: scheduled, now: utc("2026-05-07", 7, 0)), "assigned: no more reminders")
    }
}
