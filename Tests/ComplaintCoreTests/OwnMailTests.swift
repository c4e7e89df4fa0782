import ComplaintCore
import Foundation
import XCTest

/// Who the complainant is when the mail comes from the organisation's own people or address.
final class OwnMailTests: XCTestCase {
    let organisation = OrganisationAddresses(mailbox: "klachten@example.test", quality: ["kwaliteit@example.test"],
                                             management: ["directie@example.test"], safeguarding: ["aandacht@example.test"],
                                             messageIDDomain: "example.test", staff: ["@devlinder.example.test", "invaller@gmail.example.test"])
    let morel = LocationProfile(name: "Morel", aliases: ["bso morel"], handler: "behandelaar1@example.test")
    let arrived = Date(timeIntervalSince1970: 1_779_000_000)  // 2026-05-17
    let written = Date(timeIntervalSince1970: 1_778_500_000)  // five and a half days earlier

    var context: IntakeContext { IntakeContext(organisation: organisation, locations: [morel]) }

    func staffForward(from sender: String, original: Party?, text: String = "Bij BSO Morel stond mijn dochter alleen buiten.") -> InboundMessage {
        var message = InboundMessage(messageID: "fw1@devlinder.example.test", from: Party(name: "Marieke Jansen", address: sender),
                                     recipients: ["klachten@example.test"], subject: "FW: Ophalen",
                                     text: "Zie hieronder.\n\nVan: ...", receivedAt: arrived)
        message.forwarded = ForwardedOriginal(from: original, date: written, subject: "Ophalen", text: text, note: "Zie hieronder.")
        return message
    }

    func testAStaffForwardMakesTheParentTheComplainantWithTheOriginalDate() throws {
        let message = staffForward(from: "m.jansen@devlinder.example.test", original: Party(name: "Vries, Anouk de", address: "anouk@ouders.example.test"))
        guard case .newCase(let plan) = IntakeDecider.decide(message, context: context) else { return XCTFail("no case") }
        XCTAssertEqual(plan.complainant, Party(name: "Anouk de Vries", address: "anouk@ouders.example.test"))
        XCTAssertEqual(plan.forwardedBy?.address, "m.jansen@devlinder.example.test")
        XCTAssertEqual(plan.receivedAt, written)
        XCTAssertEqual(plan.text, "Bij BSO Morel stond mijn dochter alleen buiten.")
        XCTAssertEqual(plan.subject, "Ophalen")
        XCTAssertEqual(plan.location?.name, "Morel")
        XCTAssertEqual(plan.mails.first, MailIntent("acknowledgement", to: .complainant))
    }

    func testAHandlerCountsAsStaffWithoutBeingListed() {
        let message = staffForward(from: "behandelaar1@example.test", original: Party(address: "anouk@ouders.example.test"))
        guard case .newCase(let plan) = IntakeDecider.decide(message, context: context) else { return XCTFail("no case") }
        XCTAssertEqual(plan.complainant?.address, "anouk@ouders.example.test")
    }

    func testALaterForwardedDateDoesNotMoveTheReceipt() {
        var message = staffForward(from: "invaller@gmail.example.test", original: Party(address: "anouk@ouders.example.test"))
        message.forwarded?.date = arrived.addingTimeInterval(3600)
        guard case .newCase(let plan) = IntakeDecider.decide(message, context: context) else { return XCTFail("no case") }
        XCTAssertEqual(plan.receivedAt, arrived)
    }

    func testAForwardFromAParentIsTheirOwnComplaint() {
        let message = staffForward(from: "anouk@ouders.example.test", original: Party(address: "anouk.werk@bedrijf.example.test"))
        guard case .newCase(let plan) = IntakeDecider.decide(message, context: context) else { return XCTFail("no case") }
        XCTAssertEqual(plan.complainant?.address, "anouk@ouders.example.test")
        XCTAssertNil(plan.forwardedBy)
    }

    func testAStaffMailWithOurAddressInCcOpensNoCase() {
        let message = InboundMessage(messageID: "s1@devlinder.example.test", from: Party(name: "Marieke Jansen", address: "m.jansen@devlinder.example.test"),
                                     recipients: ["anouk@ouders.example.test", "klachten@example.test"], subject: "Re: Ophalen",
                                     text: "Beste Anouk, ik bel je morgen.", receivedAt: arrived)
        XCTAssertEqual(IntakeDecider.decide(message, context: context), .keptForQuality(reason: "a staff mail with our address in To or Cc"))
    }

    func testAStaffForwardOfAColleaguesMailOpensNoCase() {
        let message = staffForward(from: "m.jansen@devlinder.example.test", original: Party(address: "p.smit@devlinder.example.test"))
        guard case .keptForQuality = IntakeDecider.decide(message, context: context) else { return XCTFail("a colleague's mail became a case") }
    }

    func testAMailFromOurOwnAddressOpensNoCase() {
        let message = InboundMessage(messageID: "o1@example.test", from: Party(address: "Klachten@Example.test"),
                                     recipients: ["ouder@ouders.example.test"], subject: "Uw klacht", text: "Beste ouder,", receivedAt: arrived)
        XCTAssertEqual(IntakeDecider.decide(message, context: context), .keptForQuality(reason: "a mail from our own address"))
    }

    func testSurnameCommaGivenNameIsTurnedRound() {
        XCTAssertEqual(PersonName.natural("de Vries, Anouk"), "Anouk de Vries")
        XCTAssertEqual(PersonName.natural("Vries, Anouk de"), "Anouk de Vries")
        XCTAssertEqual(PersonName.natural("Jansen, P."), "P. Jansen")
        XCTAssertEqual(PersonName.natural("Anouk de Vries"), "Anouk de Vries")
        XCTAssertEqual(PersonName.natural("Kinderopvang De Vlinder, locatie Morel, team 2"), "Kinderopvang De Vlinder, locatie Morel, team 2")
        XCTAssertTrue(PersonName.same("de Vries, Anouk", "Anouk de Vries"))
        XCTAssertFalse(PersonName.same("Anouk", "Anouk"))
    }
}
