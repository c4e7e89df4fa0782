import ComplaintCore
import Foundation
import XCTest

/// Issue 17 (10, 11): only a plain RFC 5321 mailbox is ever written to; a parent whose address
/// is not one still gets a case, flagged, and the quality staff are told.
final class MailboxSyntaxTests: XCTestCase {
    func testPlainMailboxesAreAccepted() {
        for address in ["ouder1@example.test", "j.de.vries+klacht@ziggo.nl", "o'brien@mail.example.co.uk", "a_b-c@xn--bcher-kva.example",
                        "JAN@GMAIL.COM", "x@sub-domain.example.nl"] {
            XCTAssertTrue(MailboxSyntax.isPlainMailbox(address), address)
        }
    }

    func testAddressesThatSmuggleRecipientsOrRoutesAreRefused() {
        for address in ["victim,other@evil.test", "\"a,b\"@x.test", "\"a,b\"@x", "a%b@example.test", "x!y@example.test",
                        "a@b@example.test", "@example.test", "jan@", "jan@localhost", "jan@[127.0.0.1]", "jan@127.0.0.1",
                        "jan..de@example.test", ".jan@example.test", "jan.@example.test", "jan@-example.test", "jan@example-.test",
                        "jan@example..test", "jan de vries@example.test", "jan@exa mple.test", "<jan@example.test>",
                        "jan@example.test\u{0}victim@evil.test", "jan\u{0}@example.test", "jan@example.test\r\nBcc: x@evil.test",
                        "jan\u{1B}[2J@example.test", "jän@example.test", "jan(comment)@example.test", "jan@example.test,",
                        String(repeating: "a", count: 65) + "@example.test"] {
            XCTAssertFalse(MailboxSyntax.isPlainMailbox(address), address.debugDescription)
            XCTAssertFalse(IntakeDecider.isUsableAddress(address), address.debugDescription)
        }
    }

    func context() -> IntakeContext {
        IntakeContext(organisation: OrganisationAddresses(mailbox: "klachten@example.test", quality: ["kwaliteit@example.test"],
                                                          management: ["directie@example.test"], safeguarding: ["aandacht@example.test"],
                                                          messageIDDomain: "example.test"),
                      locations: [LocationProfile(name: "Morel", aliases: ["bso morel"], handler: "behandelaar1@example.test")])
    }

    func testAFormWithARecipientListAsEmailStillMakesACaseFlaggedForTheQualityStaff() {
        var message = InboundMessage(messageID: "f1@example.test", from: Party(name: "WordPress", address: "wordpress@kinderopvang.example.test"),
                                     subject: "Nieuw klachtformulier", text: "", receivedAt: Date(timeIntervalSince1970: 1_777_000_000))
        message.form = FormSubmission(plugin: "cf7", fields: [("E-mail", "victim,other@evil.test")], name: "Jan",
                                      email: "victim,other@evil.test", location: "BSO Morel", description: "Mijn kind werd te laat opgehaald.")
        guard case .newCase(let plan) = IntakeDecider.decide(message, context: context()) else { return XCTFail("no case") }
        XCTAssertNil(plan.complainant, "nothing is sent to a recipient list")
        XCTAssertTrue(plan.flags.contains(.unusableAddress))
        XCTAssertFalse(plan.mails.contains { $0.audience == .complainant })
        XCTAssertTrue(plan.mails.contains(MailIntent("quality-unassigned", to: .quality)), "the quality staff see it")
    }

    func testAFromWithAPercentRouteGetsNoAcknowledgement() {
        let message = InboundMessage(messageID: "m1@example.test", from: Party(name: "Ouder", address: "a%b@example.test"),
                                     subject: "Klacht BSO Morel", text: "Te laat opgehaald.", receivedAt: Date(timeIntervalSince1970: 1_777_000_000))
        guard case .newCase(let plan) = IntakeDecider.decide(message, context: context()) else { return XCTFail("no case") }
        XCTAssertNil(plan.complainant)
        XCTAssertEqual(plan.flags.filter { $0 == .noAddress || $0 == .unusableAddress }, [.noAddress, .unusableAddress])
        XCTAssertEqual(IntakeDecider.claimedAddress(of: message), "a%b@example.test")
    }
}

/// A handler's `#toewijzen` names the next To: address: the same rule.
final class AssignAddressTests: XCTestCase {
    func testAssigningToARecipientListIsRefused() {
        for argument in ["victim,other@evil.test", "\"a,b\"@x.test", "a%b@example.test", "x!y@example.test"] {
            let script = CommandParser.parse("#toewijzen \(argument)\n\nGraag overnemen.")
            XCTAssertEqual(script.commands, [], argument)
            XCTAssertEqual(script.errors.count, 1, argument)
        }
        XCTAssertEqual(CommandParser.parse("#toewijzen <Behandelaar3@Example.test>").commands, [.assign("behandelaar3@example.test")])
    }
}
