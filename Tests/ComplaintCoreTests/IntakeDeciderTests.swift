import ComplaintCore
import Foundation
import XCTest

final class IntakeDeciderTests: XCTestCase {
    let organisation = OrganisationAddresses(mailbox: "klachten@example.test", quality: ["kwaliteit@example.test"],
                                             management: ["directie@example.test"], safeguarding: ["aandacht@example.test"],
                                             messageIDDomain: "example.test")
    let morel = LocationProfile(name: "Morel", aliases: ["bso morel"], handler: "behandelaar1@example.test")

    func context(thread: CaseSnapshot? = nil, tagged: [CaseSnapshot] = []) -> IntakeContext {
        IntakeContext(organisation: organisation, locations: [morel], threadCase: thread, taggedCases: tagged)
    }

    func message(from: String = "ouder1@example.test", subject: String = "Klacht over de BSO",
                 text: String = "Bij BSO Morel werd mijn kind te laat opgehaald.") -> InboundMessage {
        InboundMessage(messageID: "abc@mail.example", from: Party(name: "Ouder Een", address: from), subject: subject,
                       text: text, receivedAt: Date(timeIntervalSince1970: 1_777_000_000))
    }

    let existing = CaseSnapshot(id: 9, reference: CaseReference(year: 2026, number: 9), state: .assigned,
                                complainantAddress: "ouder1@example.test", handler: "behandelaar1@example.test", location: "Morel")

    func testComplaintWithKnownLocationIsAcknowledgedAndGoesToItsHandler() throws {
        guard case .newCase(let plan) = IntakeDecider.decide(message(), context: context()) else { return XCTFail("no new case") }
        XCTAssertEqual(plan.kind, .klacht)
        XCTAssertEqual(plan.location?.name, "Morel")
        XCTAssertEqual(plan.handler, "behandelaar1@example.test")
        XCTAssertEqual(plan.mails, [MailIntent("acknowledgement", to: .complainant), MailIntent("handler-assignment", to: .handler)])
        XCTAssertEqual(plan.flags, [])
    }

    func testComplaintWithoutLocationGoesToTheQualityStaff() {
        guard case .newCase(let plan) = IntakeDecider.decide(message(text: "Het eten was koud."), context: context()) else { return XCTFail() }
        XCTAssertNil(plan.location)
        XCTAssertEqual(plan.flags, [.unknownLocation])
        XCTAssertEqual(plan.mails, [MailIntent("acknowledgement", to: .complainant), MailIntent("quality-unassigned", to: .quality)])
    }

    func testSafeguardingHitSendsOnlyANeutralReceiptAndNeverReachesTheHandler() {
        let decision = IntakeDecider.decide(message(text: "Bij BSO Morel is mijn zoon geslagen door een medewerker."), context: context())
        guard case .newCase(let plan) = decision else { return XCTFail() }
        XCTAssertEqual(plan.initialState, .safeguarding)
        XCTAssertNil(plan.handler)
        XCTAssertEqual(plan.mails, [MailIntent("neutral-receipt", to: .complainant), MailIntent("safeguarding-alert", to: .safeguarding)])
    }

    func testSeriousComplaintAlsoAlertsManagement() {
        guard case .newCase(let plan) = IntakeDecider.decide(message(text: "BSO Morel: mijn kind moest naar het ziekenhuis."), context: context()) else { return XCTFail() }
        XCTAssertTrue(plan.flags.contains(.serious))
        XCTAssertTrue(plan.mails.contains(MailIntent("serious-alert", to: .management)))
    }

    func testAutomaticMailIsNeverAnswered() {
        var auto = message()
        auto.automaticReason = "Auto-Submitted: auto-replied"
        XCTAssertEqual(IntakeDecider.decide(auto, context: context(thread: existing)), .ignore(reason: "automatic mail (Auto-Submitted: auto-replied)", caseID: 9))
    }

    func testOurOwnMailComingBackIsIgnored() {
        var own = message()
        own.carriesOurLoopHeader = true
        guard case .ignore = IntakeDecider.decide(own, context: context()) else { return XCTFail() }
        var ownID = message()
        ownID.messageID = "klachtd.KL-2026-0001.abc@example.test"
        guard case .ignore = IntakeDecider.decide(ownID, context: context()) else { return XCTFail() }
    }

    func testReplyFromTheComplainantInTheThreadJoinsTheCaseAndTellsTheHandler() {
        let decision = IntakeDecider.decide(message(subject: "Re: [KL-2026-0009] Ontvangstbevestiging"), context: context(thread: existing))
        XCTAssertEqual(decision, .followUp(FollowUpPlan(caseID: 9, role: .complainant, mails: [MailIntent("follow-up-notice", to: .handler)])))
    }

    func testStrangerQuotingACaseNumberGetsACaseOfTheirOwn() {
        let decision = IntakeDecider.decide(message(from: "ouder2@example.test", subject: "Over [KL-2026-0009]"), context: context(tagged: [existing]))
        guard case .newCase = decision else { return XCTFail("a stranger joined someone else's case") }
    }

    func testComplainantQuotingTheirOwnCaseNumberJoinsIt() {
        let decision = IntakeDecider.decide(message(subject: "Nog iets over [KL-2026-0009]"), context: context(tagged: [existing]))
        guard case .followUp(let plan) = decision else { return XCTFail() }
        XCTAssertEqual(plan.caseID, 9)
    }

    func testFormNotificationUsesTheFormsAddressNotTheWebsiteSender() {
        var form = message(from: "wordpress@website.example")
        form.form = FormSubmission(plugin: "gravity-forms", fields: [("Naam", "Jan"), ("E-mail", "jan@ouders.example")],
                                   name: "Jan", email: "jan@ouders.example", location: "BSO Morel", kind: "klacht", description: "Te laat.")
        guard case .newCase(let plan) = IntakeDecider.decide(form, context: context()) else { return XCTFail() }
        XCTAssertEqual(plan.complainant?.address, "jan@ouders.example")
        XCTAssertEqual(plan.location?.name, "Morel")
    }

    func testFormWithoutAnyAddressIsFlaggedAndTheQualityStaffAreTold() {
        var form = message(from: "wordpress@website.example")
        form.form = FormSubmission(plugin: "contact-form-7", fields: [], email: "[your-email]", location: "Morel", description: "x")
        guard case .newCase(let plan) = IntakeDecider.decide(form, context: context()) else { return XCTFail() }
        XCTAssertNil(plan.complainant)
        XCTAssertTrue(plan.flags.contains(.noAddress))
        XCTAssertFalse(plan.mails.contains { $0.audience == .complainant })
        XCTAssertTrue(plan.mails.contains(MailIntent("quality-unassigned", to: .quality)))
    }
}
