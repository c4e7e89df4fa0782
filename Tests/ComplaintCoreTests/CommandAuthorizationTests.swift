import ComplaintCore
import Foundation
import XCTest

/// Who may command a case: staff of the case, with its token, vouched for by the mail server.
final class CommandAuthorizationTests: XCTestCase {
    let organisation = OrganisationAddresses(mailbox: "klachten@example.test", quality: ["kwaliteit@example.test"],
                                             management: ["directie@example.test"], safeguarding: ["aandacht@example.test"],
                                             messageIDDomain: "example.test")
    let snapshot = CaseSnapshot(id: 9, reference: CaseReference(year: 2026, number: 9), state: .assigned,
                                complainantAddress: "ouder1@example.test", handler: "behandelaar1@example.test", location: "Morel")
    let verified = SenderEvidence(tokenPresented: true, tokenVerified: true)

    func testHandlerWithVerifiedTokenIsAuthorized() {
        XCTAssertEqual(CommandAuthorization.check(sender: "Behandelaar1@example.test", on: snapshot, organisation: organisation, evidence: verified),
                       .authorized(.handler))
        XCTAssertEqual(CommandAuthorization.check(sender: "kwaliteit@example.test", on: snapshot, organisation: organisation, evidence: verified),
                       .authorized(.quality))
        XCTAssertEqual(CommandAuthorization.check(sender: "aandacht@example.test", on: snapshot, organisation: organisation, evidence: verified),
                       .authorized(.safeguarding))
    }

    func testEveryMissingPieceRefuses() {
        let cases: [(String, SenderEvidence)] = [
            ("ouder1@example.test", verified),
            ("behandelaar2@example.test", verified),
            ("directie@example.test", SenderEvidence()),
            ("behandelaar1@example.test", SenderEvidence()),
            ("behandelaar1@example.test", SenderEvidence(tokenPresented: true, tokenVerified: false)),
            ("behandelaar1@example.test", SenderEvidence(tokenPresented: true, tokenVerified: true, authenticationFailure: "DKIM en SPF slagen niet")),
        ]
        for (sender, evidence) in cases {
            guard case .refused = CommandAuthorization.check(sender: sender, on: snapshot, organisation: organisation, evidence: evidence) else {
                return XCTFail("\(sender) with \(evidence) was authorized")
            }
        }
    }

    /// Issue 15 item 11: management appoints the handler of a serious complaint, and does nothing else by mail.
    func testManagementMayOnlyAssign() {
        XCTAssertEqual(CommandAuthorization.check(sender: "directie@example.test", on: snapshot, organisation: organisation,
                                                  evidence: verified), .authorized(.management))
        XCTAssertNil(CommandAuthorization.refusal(of: .assign("behandelaar2@example.test"), role: .management, state: .acknowledged))
        XCTAssertNotNil(CommandAuthorization.refusal(of: .answer, role: .management, state: .acknowledged))
        XCTAssertNotNil(CommandAuthorization.refusal(of: .assign("behandelaar2@example.test"), role: .management, state: .safeguarding))
    }

    func testMeldcodeCommandsAreForTheSafeguardingOfficer() {
        XCTAssertNotNil(CommandAuthorization.refusal(of: .meldcode(reason: nil), role: .handler, state: .assigned))
        XCTAssertNotNil(CommandAuthorization.refusal(of: .release, role: .quality, state: .safeguarding))
        XCTAssertNil(CommandAuthorization.refusal(of: .release, role: .safeguarding, state: .safeguarding))
        XCTAssertNil(CommandAuthorization.refusal(of: .meldcode(reason: nil), role: .operator, state: .assigned))
    }

    func testARestrictedCaseTakesNoCommandsFromTheHandler() {
        XCTAssertNotNil(CommandAuthorization.refusal(of: .answer, role: .handler, state: .safeguarding))
        XCTAssertNil(CommandAuthorization.refusal(of: .help, role: .handler, state: .safeguarding))
    }

    // MARK: Routing in the intake decision

    func context(evidence: SenderEvidence, addressed: Bool = true) -> IntakeContext {
        IntakeContext(organisation: organisation, locations: [], threadCase: snapshot,
                      addressedCase: addressed ? snapshot : nil, senderEvidence: evidence)
    }

    func reply(from: String, text: String) -> InboundMessage {
        InboundMessage(messageID: "r@x.test", from: Party(address: from), text: text, replyText: text,
                       threadIDs: ["klachtd.KL-2026-0009.1@example.test"], receivedAt: Date(timeIntervalSince1970: 1_777_000_000))
    }

    func testVerifiedHandlerReplyBecomesAStaffMessageWithItsCommands() {
        let decision = IntakeDecider.decide(reply(from: "behandelaar1@example.test", text: "#oordeel gegrond\n\nRedenen."), context: context(evidence: verified))
        guard case .staffMessage(let plan) = decision else { return XCTFail("\(decision)") }
        XCTAssertEqual(plan.role, .handler)
        XCTAssertEqual(plan.script.commands, [.judgement(.upheld)])
    }

    func testComplainantCommandIsUnverifiedAndAlerts() {
        let decision = IntakeDecider.decide(reply(from: "ouder1@example.test", text: "#oordeel ongegrond"), context: context(evidence: SenderEvidence(), addressed: false))
        guard case .unverified(let plan) = decision else { return XCTFail("\(decision)") }
        XCTAssertEqual(plan.claimedRole, "complainant")
        XCTAssertTrue(plan.alertsQuality)
    }

    func testComplainantPlainReplyStaysAnOrdinaryFollowUp() {
        let decision = IntakeDecider.decide(reply(from: "ouder1@example.test", text: "Nog een aanvulling."), context: context(evidence: SenderEvidence(), addressed: false))
        guard case .followUp(let plan) = decision else { return XCTFail("\(decision)") }
        XCTAssertEqual(plan.role, .complainant)
    }

    func testHandlerNoteWithoutTokenIsKeptUnverifiedWithoutAlert() {
        let decision = IntakeDecider.decide(reply(from: "behandelaar1@example.test", text: "Ik bel morgen."), context: context(evidence: SenderEvidence(), addressed: false))
        guard case .unverified(let plan) = decision else { return XCTFail("\(decision)") }
        XCTAssertFalse(plan.alertsQuality)
    }

    func testWrongTokenAlertsEvenWithoutCommands() {
        let decision = IntakeDecider.decide(reply(from: "behandelaar1@example.test", text: "Hallo."),
                                            context: context(evidence: SenderEvidence(tokenPresented: true, tokenVerified: false)))
        guard case .unverified(let plan) = decision else { return XCTFail("\(decision)") }
        XCTAssertTrue(plan.alertsQuality)
    }
}
