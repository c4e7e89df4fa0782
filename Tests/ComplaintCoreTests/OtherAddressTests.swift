import ComplaintCore
import Foundation
import XCTest

/// A parent's reply from another address joins their case, marked, and that address gets nothing.
final class OtherAddressTests: XCTestCase {
    let organisation = OrganisationAddresses(mailbox: "klachten@example.test", quality: ["kwaliteit@example.test"],
                                             management: [], safeguarding: ["aandacht@example.test"], messageIDDomain: "example.test")
    let existing = CaseSnapshot(id: 9, reference: CaseReference(year: 2026, number: 9), state: .assigned,
                                complainantAddress: "anouk@ouders.example.test", handler: "behandelaar1@example.test",
                                location: "Morel", complainantName: "Anouk de Vries")

    func reply(name: String, address: String) -> InboundMessage {
        InboundMessage(messageID: "w1@werk.example.test", from: Party(name: name, address: address),
                       subject: "RE: Ontvangstbevestiging [KL-2026-0009]", text: "Ik ben overdag op dit adres bereikbaar.",
                       replyText: "Ik ben overdag op dit adres bereikbaar.", threadIDs: ["klachtd.KL-2026-0009.a@example.test"],
                       receivedAt: Date(timeIntervalSince1970: 1_780_000_000))
    }

    func testTheSameNameFromAnotherAddressInTheThreadIsAFollowUpMarkedAsSuch() {
        let context = IntakeContext(organisation: organisation, locations: [], threadCase: existing)
        let decision = IntakeDecider.decide(reply(name: "Vries, Anouk de", address: "a.devries@werk.example.test"), context: context)
        XCTAssertEqual(decision, .followUp(FollowUpPlan(caseID: 9, role: .otherAddress,
                                                        mails: [MailIntent("follow-up-other-address", to: .handler)])))
    }

    func testTheSameNameWithOnlyTheTagInTheSubjectJoinsToo() {
        let context = IntakeContext(organisation: organisation, locations: [], taggedCases: [existing])
        var message = reply(name: "Anouk de Vries", address: "a.devries@werk.example.test")
        message.threadIDs = []
        guard case .followUp(let plan) = IntakeDecider.decide(message, context: context) else { return XCTFail() }
        XCTAssertEqual(plan.role, .otherAddress)
        XCTAssertFalse(plan.mails.contains { $0.audience == .complainant })
    }

    func testSomeoneElseInTheThreadGetsACaseOfTheirOwn() {
        let context = IntakeContext(organisation: organisation, locations: [], threadCase: existing)
        guard case .newCase = IntakeDecider.decide(reply(name: "Pieter de Vries", address: "pieter@ouders.example.test"), context: context) else {
            return XCTFail("a stranger joined someone else's case")
        }
    }

    func testABruiseFromTheOtherAddressIsScreenedToo() {
        let context = IntakeContext(organisation: organisation, locations: [], threadCase: existing)
        var message = reply(name: "Anouk de Vries", address: "a.devries@werk.example.test")
        message.replyText = "Hij had vandaag striemen op zijn rug."
        guard case .followUp(let plan) = IntakeDecider.decide(message, context: context) else { return XCTFail() }
        XCTAssertTrue(plan.restrictsCase)
        XCTAssertEqual(plan.mails, [MailIntent("safeguarding-follow-up", to: .safeguarding)])
    }
}

/// `#adres ADDRESS`: the handler confirms the parent's other address.
final class ConfirmAddressCommandTests: XCTestCase {
    func testAdresIsParsedAndRefusesWhatIsNoAddress() {
        XCTAssertEqual(CommandParser.parse("#adres <A.deVries@Werk.example.test>\n").commands, [.confirmAddress("a.devries@werk.example.test")])
        XCTAssertEqual(CommandParser.parse("#address a.devries@werk.example.test\n").commands, [.confirmAddress("a.devries@werk.example.test")])
        XCTAssertFalse(CommandParser.parse("#adres morgen bellen\n").errors.isEmpty)
    }
}
