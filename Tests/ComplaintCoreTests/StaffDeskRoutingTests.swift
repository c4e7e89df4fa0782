import ComplaintCore
import Foundation
import XCTest

/// Issue 20: which mails to the complaints address are desk commands, and which of those count.
final class StaffDeskRoutingTests: XCTestCase {
    let organisation = OrganisationAddresses(mailbox: "klachten@example.test", quality: ["kwaliteit@example.test"],
                                             management: ["directie@example.test"], safeguarding: ["aandacht@example.test"],
                                             messageIDDomain: "example.test")
    let morel = LocationProfile(name: "Morel", aliases: ["bso morel"], handler: "behandelaar1@example.test")
    let arrived = Date(timeIntervalSince1970: 1_779_000_000)

    func context(_ evidence: DeskEvidence) -> IntakeContext {
        var context = IntakeContext(organisation: organisation, locations: [morel])
        context.deskEvidence = evidence
        return context
    }

    func mail(from sender: String, _ text: String) -> InboundMessage {
        InboundMessage(messageID: "a1@example.test", from: Party(name: "Sanne Bakker", address: sender),
                       recipients: ["klachten@example.test"], subject: "overzicht", text: text, receivedAt: arrived)
    }

    func testAVerifiedTokenMakesTheQualityOfficersCommandCount() {
        let decision = IntakeDecider.decide(mail(from: "kwaliteit@example.test", "#zaken te-laat\n\nSanne"),
                                            context: context(DeskEvidence(tokenPresented: true, tokenVerified: true)))
        XCTAssertEqual(decision, .staffDesk(StaffDeskPlan(sender: "kwaliteit@example.test", role: .quality,
                                                          reading: .command(.cases(.overdue)))))
    }

    func testTheServersDKIMOrSPFPassCountsWithoutAToken() {
        let decision = IntakeDecider.decide(mail(from: "directie@example.test", "#jaarverslag 2026"),
                                            context: context(DeskEvidence(serverVouches: true)))
        XCTAssertEqual(decision, .staffDesk(StaffDeskPlan(sender: "directie@example.test", role: .management,
                                                          reading: .command(.annualReport(year: 2026)))))
    }

    func testAForgedQualityAddressWithoutTokenOrAWrongTokenIsKeptForTheQualityStaffOnly() {
        for evidence in [DeskEvidence(), DeskEvidence(tokenPresented: true, tokenVerified: false),
                         DeskEvidence(tokenPresented: true, tokenVerified: true, authenticationFailure: "DKIM en SPF slagen niet")] {
            XCTAssertEqual(IntakeDecider.decide(mail(from: "kwaliteit@example.test", "#zaak KL-2026-0001"), context: context(evidence)),
                           .keptForQuality(reason: StaffDeskRouting.unverifiedReason), "\(evidence)")
        }
    }

    func testAParentWhoStartsWithAHashWordIsAComplaintAsAlways() {
        guard case .newCase = IntakeDecider.decide(mail(from: "ouder@ouders.example.test", "#zaken\nBij BSO Morel ging het mis."),
                                                   context: context(DeskEvidence())) else { return XCTFail("not a case") }
    }

    func testAQualityReplyInACaseThreadWithoutDeskTokenStaysTheCasesBusiness() {
        var context = context(DeskEvidence())
        context.threadCase = CaseSnapshot(id: 7, reference: CaseReference("KL-2026-0007")!, state: .assigned, complainantAddress: "ouder@ouders.example.test",
                                          handler: "behandelaar1@example.test", location: "Morel")
        if case .staffDesk = IntakeDecider.decide(mail(from: "kwaliteit@example.test", "#help"), context: context) {
            XCTFail("a reply in a case's thread is not a desk command")
        }
    }

    func testTheCommandsAndTheirArguments() {
        XCTAssertEqual(StaffCommandParser.parse("#zaken"), .command(.cases(.open)))
        XCTAssertEqual(StaffCommandParser.parse("  #Zaken deze-week"), .command(.cases(.thisWeek)))
        XCTAssertEqual(StaffCommandParser.parse("#zaken locatie De Boomgaard"), .command(.cases(.location("De Boomgaard"))))
        XCTAssertEqual(StaffCommandParser.parse("#zaken jaar 2025"), .command(.cases(.year(2025))))
        XCTAssertEqual(StaffCommandParser.parse("#zaak [KL-2026-0042]"), .command(.caseFile(CaseReference("KL-2026-0042")!)))
        XCTAssertEqual(StaffCommandParser.parse("#kwartaal 2026q3"), .command(.quarterlyOverview("2026Q3")))
        XCTAssertEqual(StaffCommandParser.parse("#namens\n\nVan: ..."), .command(.onBehalf))
        XCTAssertEqual(StaffCommandParser.parse("#help"), .command(.help))
        XCTAssertEqual(StaffCommandParser.parse("#oudercommissie 3-6-2026"), .command(.reportRound(text: "#oudercommissie 3-6-2026")))
        XCTAssertEqual(StaffCommandParser.parse("#jaarverslag-verzonden 2026-05-20"), .command(.reportRound(text: "#jaarverslag-verzonden 2026-05-20")))
        XCTAssertNil(StaffCommandParser.parse("Beste collega,\n#zaken"), "only the top counts")
        XCTAssertNil(StaffCommandParser.parse("#oordeel gegrond"), "a case command is no desk word")
        guard case .problem(let text)? = StaffCommandParser.parse("#jaarverslag vorig jaar") else { return XCTFail("no problem") }
        XCTAssertTrue(text.contains("#jaarverslag 2026"), text)
        guard case .problem? = StaffCommandParser.parse("#zaken alles") else { return XCTFail("an unknown filter is a problem") }
    }

    func testARegistrationFromPhoneNotes() {
        let reading = StaffCommandParser.parse("""
            #nieuw
            Naam: Petra Jansen
            E-mail: Ouder5@Example.test
            Telefoon: 06-12345678
            Locatie: Morel
            Ontvangen: 12-11-2026 14:30

            Mevrouw Jansen belde: geen fruit.
            Ze wil teruggebeld worden.
            """)
        XCTAssertEqual(reading, .command(.register(Registration(
            name: "Petra Jansen", email: "ouder5@example.test", phone: "06-12345678", location: "Morel",
            received: LocalDate(year: 2026, month: 11, day: 12), receivedMinutes: 14 * 60 + 30,
            text: "Mevrouw Jansen belde: geen fruit.\nZe wil teruggebeld worden."))))
        XCTAssertEqual(StaffCommandParser.parse("#nieuw\nNaam: Henk\nOntvangen: 2026-11-10\n\nBrief."),
                       .command(.register(Registration(name: "Henk", received: LocalDate(year: 2026, month: 11, day: 10), text: "Brief."))))
        guard case .problem? = StaffCommandParser.parse("#nieuw\nNaam: Henk\nOntvangen: gisteren\n\nBrief.") else { return XCTFail("a bad date") }
        guard case .problem? = StaffCommandParser.parse("#nieuw\nNaam: Henk\n") else { return XCTFail("no text") }
        guard case .problem? = StaffCommandParser.parse("#nieuw\nE-mail: henk at home\n\nBrief.") else { return XCTFail("a bad address") }
    }

    func testADeskWordInAReplyToACaseMailCountsOnThatCasesVerifiedToken() {
        var context = context(DeskEvidence())
        context.addressedCase = CaseSnapshot(id: 7, reference: CaseReference("KL-2026-0007")!, state: .assigned,
                                             complainantAddress: "ouder@ouders.example.test", handler: "behandelaar1@example.test", location: "Morel")
        context.senderEvidence = SenderEvidence(tokenPresented: true, tokenVerified: true)
        XCTAssertEqual(IntakeDecider.decide(mail(from: "directie@example.test", "#zaken te-laat"), context: context),
                       .staffDesk(StaffDeskPlan(sender: "directie@example.test", role: .management, reading: .command(.cases(.overdue)))))
        if case .staffDesk = IntakeDecider.decide(mail(from: "kwaliteit@example.test", "#help"), context: context) {
            XCTFail("#help on a case is the case's help")
        }
        if case .staffDesk = IntakeDecider.decide(mail(from: "behandelaar1@example.test", "#zaken"), context: context) {
            XCTFail("a handler has no desk")
        }
        context.senderEvidence = SenderEvidence(tokenPresented: true, tokenVerified: false)
        if case .staffDesk = IntakeDecider.decide(mail(from: "kwaliteit@example.test", "#zaken"), context: context) {
            XCTFail("a wrong case token is no desk command")
        }
    }
}
