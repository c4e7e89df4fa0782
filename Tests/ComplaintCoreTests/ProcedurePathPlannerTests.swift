import ComplaintCore
import XCTest

/// Issue 15: the paths off the happy path, as plans (what changes, what is sent), without servers.
final class ProcedurePathPlannerTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 5, day: 20)
    let received = LocalDate(year: 2026, month: 5, day: 4)
    let morel = LocationProfile(name: "Morel", aliases: ["bso morel"], handler: "Behandelaar1@example.test")

    func facts(state: CaseState = .assigned, kind: MessageKind = .klacht, location: String? = "Morel") -> CaseFacts {
        let terms = CaseTerms(regime: .wko, receivedDate: received, acknowledgementDue: LocalDate(year: 2026, month: 5, day: 11),
                              firstContactDue: LocalDate(year: 2026, month: 5, day: 11), solutionTargetDue: nil,
                              decisionDue: LocalDate(year: 2026, month: 6, day: 15), gckWindowEnd: LocalDate(year: 2027, month: 5, day: 4),
                              reminders: [])
        var facts = CaseFacts(snapshot: CaseSnapshot(id: 1, reference: CaseReference(year: 2026, number: 1), state: state,
                                                     complainantAddress: "ouder1@example.test",
                                                     handler: state == .safeguarding ? nil : "behandelaar1@example.test", location: location),
                              regime: .wko, terms: state == .safeguarding ? nil : terms, locations: [morel],
                              assignableAddresses: ["behandelaar1@example.test"], termPolicy: TermPolicy(), today: today)
        facts.kind = kind
        facts.receiptTerms = terms
        facts.receivedDate = received
        return facts
    }

    func plan(_ text: String, role: CommandRole = .handler, facts: CaseFacts? = nil) -> CommandPlan {
        CommandPlanner.plan(CommandParser.parse(text), role: role, facts: facts ?? self.facts())
    }

    func testReleaseStartsTheProcedureWithTermsFromReceiptHandlerAndBothMails() {
        let result = plan("#vrijgeven", role: .safeguarding, facts: facts(state: .safeguarding))
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.changes, [
            .transition(.releaseFromSafeguarding, reason: "vrijgegeven door de aandachtsfunctionaris"),
            .setDate(.acknowledgementDue, LocalDate(year: 2026, month: 5, day: 11)),
            .setDate(.firstContactDue, LocalDate(year: 2026, month: 5, day: 11)), .setDate(.solutionTargetDue, nil),
            .setDate(.decisionDue, LocalDate(year: 2026, month: 6, day: 15)), .setDate(.gckWindowEnd, LocalDate(year: 2027, month: 5, day: 4)),
            .set(.handler, "behandelaar1@example.test"),
            .transition(.assign, reason: "na vrijgave toegewezen aan behandelaar1@example.test"),
        ])
        XCTAssertEqual(result.mails, [.releaseAcknowledgement, .assignment])
    }

    func testReleaseWithoutALocationHandlerGoesToTheQualityStaff() {
        let result = plan("#vrijgeven", role: .safeguarding, facts: facts(state: .safeguarding, location: nil))
        XCTAssertEqual(result.mails, [.releaseAcknowledgement, .unassigned])
        XCTAssertFalse(result.changes.contains(.transition(.assign, reason: "na vrijgave toegewezen aan behandelaar1@example.test")))
    }

    func testMeldcodeOnAMeldcodeCaseClosesItAndNeedsAReason() {
        let closed = plan("#meldcode melding gedaan bij Veilig Thuis", role: .safeguarding, facts: facts(state: .safeguarding))
        XCTAssertEqual(closed.changes, [.transition(.closeUnderMeldcode, reason: "gesloten onder de meldcode: melding gedaan bij Veilig Thuis")])
        XCTAssertEqual(closed.mails, [], "the parent hears from the officer in person, not from klachtd")
        let bare = plan("#meldcode", role: .safeguarding, facts: facts(state: .safeguarding))
        XCTAssertEqual(bare.changes, [])
        XCTAssertTrue(bare.errors.first?.dutch.contains("reden") ?? false, "\(bare.errors)")
    }

    func testAComplaintCannotBeClosedWithoutAJudgementButCanBeResolvedWithTheParentsAgreement() {
        let refused = plan("#gesloten")
        XCTAssertEqual(refused.changes, [])
        XCTAssertTrue(refused.errors.first?.dutch.contains("#opgelost") ?? false, "\(refused.errors)")
        XCTAssertFalse(plan("#gesloten", facts: facts(state: .suspended)).errors.isEmpty)
        XCTAssertEqual(plan("#gesloten beantwoord", facts: facts(kind: .vraag)).errors, [], "a question closes without a judgement")

        let resolved = plan("#opgelost Wij hebben samen afgesproken dat u voortaan om 17:45 wordt gebeld.")
        XCTAssertEqual(resolved.changes, [.set(.outcome, "informeel opgelost"),
                                          .transition(.close, reason: "opgelost zonder oordeel, met instemming van de ouder")])
        XCTAssertEqual(resolved.mails, [.resolution(text: "Wij hebben samen afgesproken dat u voortaan om 17:45 wordt gebeld.")])
        XCTAssertFalse(plan("#opgelost").errors.isEmpty, "the text for the parent is required")
        XCTAssertFalse(plan("#opgelost Tekst", facts: facts(state: .measuresPending)).errors.isEmpty, "after the judgement: #gesloten")
    }

    func testSuspensionHasAReviewDateAndResumingPicksTheCaseUpAgain() {
        let suspended = plan("#geschorst 2026-06-10 wij wachten op een gesprek")
        XCTAssertEqual(suspended.changes, [.transition(.suspend, reason: "wij wachten op een gesprek"), .setDate(.reviewDue, LocalDate(year: 2026, month: 6, day: 10))])
        XCTAssertFalse(plan("#geschorst 2026-05-01 te laat").errors.isEmpty, "a review date in the past")
        let resumed = plan("#hervatten", facts: facts(state: .suspended))
        XCTAssertEqual(resumed.changes, [.transition(.resume, reason: "behandeling hervat"), .setDate(.reviewDue, nil)])
        XCTAssertEqual(resumed.mails, [.resumption])
        XCTAssertFalse(plan("#hervatten").errors.isEmpty, "only a suspended case resumes")
    }

    func testContactIsRecordedWithItsDayAndMethod() {
        XCTAssertEqual(plan("#contact telefonisch").changes, [.recordContact(today, .phone)])
        XCTAssertEqual(plan("#contact 6-5-2026 gesprek").changes, [.recordContact(LocalDate(year: 2026, month: 5, day: 6), .meeting)])
        XCTAssertFalse(plan("#contact 2026-05-21 telefonisch").errors.isEmpty, "not in the future")
        XCTAssertFalse(plan("#contact 2026-05-01 mail").errors.isEmpty, "not before the case arrived")
        XCTAssertFalse(plan("#contact duif").errors.isEmpty)
    }

    func testReferralDisputeAndRulingAreRecordedAndTheRulingClosesTheCase() {
        XCTAssertEqual(plan("#klachtenloket 2026-05-18").changes, [.recordReferral(LocalDate(year: 2026, month: 5, day: 18))],
                       "the Klachtenloket does not stop the internal procedure")
        let dispute = plan("#geschil 19-5-2026", facts: facts(state: .measuresPending))
        XCTAssertEqual(dispute.changes, [
            .transition(.referToGeschillencommissie, reason: "geschil voorgelegd aan de Geschillencommissie op 2026-05-19"),
            .recordDispute(LocalDate(year: 2026, month: 5, day: 19)),
        ])
        let ruling = plan("#uitspraak deels gegrond 2026-05-20", facts: facts(state: .referredGeschillencommissie))
        XCTAssertEqual(ruling.changes, [.recordRuling(.partlyUpheld, today),
                                        .transition(.close, reason: "uitspraak van de Geschillencommissie: deels gegrond")])
        XCTAssertFalse(plan("#uitspraak gegrond 2026-05-20").errors.isEmpty, "a ruling needs a dispute")
        XCTAssertFalse(plan("#uitspraak misschien 2026-05-20", facts: facts(state: .referredGeschillencommissie)).errors.isEmpty)
        XCTAssertFalse(plan("#geschil volgende week").errors.isEmpty)
    }

    func testHelpNamesEveryNewCommandAndWhichTextGoesToTheParent() {
        let help = CommandVocabulary.help
        for word in ["#opgelost", "#contact", "#hervatten", "#klachtenloket", "#geschil", "#uitspraak", "#meldcode [REDEN]"] {
            XCTAssertTrue(help.contains(word), word)
        }
        XCTAssertTrue(help.contains("letterlijk in de brief aan de ouder"))
        XCTAssertTrue(help.contains("de REDEN blijft in het dossier"))
    }
}
