@testable import ComplaintCore
import Foundation
import XCTest

/// A later message on a case is screened like the first one.
final class FollowUpScreeningTests: XCTestCase {
    let organisation = OrganisationAddresses(mailbox: "klachten@example.test", quality: ["kwaliteit@example.test"],
                                             management: ["directie@example.test"], safeguarding: ["aandacht@example.test"],
                                             messageIDDomain: "example.test")

    func snapshot(_ state: CaseState) -> CaseSnapshot {
        CaseSnapshot(id: 9, reference: CaseReference(year: 2026, number: 9), state: state,
                     complainantAddress: "ouder1@example.test", handler: "behandelaar1@example.test", location: "Morel")
    }

    func reply(_ text: String) -> InboundMessage {
        InboundMessage(messageID: "r1@ouders.example.test", from: Party(name: "Sanne de Vries", address: "ouder1@example.test"),
                       subject: "Re: Ontvangstbevestiging [KL-2026-0009]", text: text + "\n\nOp 16 nov. 2026 schreef Klachten:\n> Geachte",
                       replyText: text, threadIDs: ["klachtd.KL-2026-0009.x@example.test"], receivedAt: Date(timeIntervalSince1970: 1_780_000_000))
    }

    func decide(_ text: String, state: CaseState) -> FollowUpPlan? {
        let context = IntakeContext(organisation: organisation, locations: [], threadCase: snapshot(state))
        guard case .followUp(let plan) = IntakeDecider.decide(reply(text), context: context) else { return nil }
        return plan
    }

    func testABruiseReportedOnAnOpenCaseGoesOnlyToTheOfficerAndRestrictsTheCase() throws {
        let plan = try XCTUnwrap(decide("Gisteren had hij een blauwe plek op zijn bovenarm, hij zegt dat de juf hem kneep.", state: .assigned))
        XCTAssertTrue(plan.restrictsCase)
        XCTAssertFalse(plan.safeguardingHits.isEmpty)
        XCTAssertEqual(plan.mails, [MailIntent("safeguarding-follow-up", to: .safeguarding)])
    }

    func testAnOrdinaryFollowUpStillGoesToTheHandler() throws {
        let plan = try XCTUnwrap(decide("Is er al iets bekend over de ophaaltijden? Het blijft geweldig op de groep.", state: .assigned))
        XCTAssertFalse(plan.restrictsCase)
        XCTAssertEqual(plan.mails, [MailIntent("follow-up-notice", to: .handler)])
    }

    func testAHitAfterTheJudgementStillRestrictsTheCase() throws {
        let plan = try XCTUnwrap(decide("Ze werd weer ruw aan haar arm meegesleurd.", state: .judgementSent))
        XCTAssertTrue(plan.restrictsCase)
    }

    func testAHitOnAClosedCaseAlertsTheOfficerWithoutAStateChange() throws {
        let plan = try XCTUnwrap(decide("Ik zag een rode plek in haar nek.", state: .closed))
        XCTAssertFalse(plan.restrictsCase)
        XCTAssertEqual(plan.mails, [MailIntent("safeguarding-follow-up", to: .safeguarding)])
    }

    func testOnlyTheNewTextIsScreenedNotTheQuotedHistory() throws {
        var message = reply("Dank u, dat is duidelijk.")
        message.text = "Dank u, dat is duidelijk.\n\n> Wij betreuren dat uw zoon is geduwd."
        let context = IntakeContext(organisation: organisation, locations: [], threadCase: snapshot(.assigned))
        guard case .followUp(let plan) = IntakeDecider.decide(message, context: context) else { return XCTFail() }
        XCTAssertFalse(plan.restrictsCase)
    }
}

/// A case restricted after its judgement asks the parent nothing more.
final class RestrictedAfterJudgementTests: XCTestCase {
    func testNoSatisfactionQuestionForACaseUnderTheMeldcode() {
        var scheduled = ScheduleFixture.complaint(state: .safeguarding)
        scheduled.parentReachable = true
        scheduled.judgementAt = ScheduleFixture.at("2026-05-20")
        XCTAssertEqual(ScheduleFixture.scheduler.parentFollowUps(for: scheduled, now: ScheduleFixture.at("2026-06-10")).count, 0)
        scheduled.state = .judgementSent
        XCTAssertEqual(ScheduleFixture.scheduler.parentFollowUps(for: scheduled, now: ScheduleFixture.at("2026-06-10")).map(\.template),
                       ["satisfaction-question"], "the same case before the restriction would be asked")
    }

    func testTheOfficersReminderCountsFromTheRestrictionNotFromTheFirstMessage() {
        var scheduled = ScheduleFixture.complaint(state: .safeguarding)  // received 4 May 2026
        scheduled.safeguardingSince = ScheduleFixture.at("2026-06-01")
        XCTAssertEqual(ScheduleFixture.scheduler.safeguardingReminders(for: scheduled, now: ScheduleFixture.at("2026-06-01", 12)).count, 0,
                       "not at once, weeks after the first message")
        XCTAssertEqual(ScheduleFixture.scheduler.safeguardingReminders(for: scheduled, now: ScheduleFixture.at("2026-06-02", 11)).map(\.key),
                       ["safeguarding:reminder-1"])
    }
}
