import ComplaintCore
import Foundation
import XCTest

/// A parent who writes in English gets the English letters; the location's language is the default.
final class LanguageGuessTests: XCTestCase {
    func testEnglishDutchAndUnclearTexts() {
        XCTAssertEqual(LanguageGuess.language(of: "Dear team, my son was left alone at the gate of BSO Morel and nobody noticed. Please call me."), "en")
        XCTAssertEqual(LanguageGuess.language(of: "Beste team, mijn zoon stond alleen bij het hek van BSO Morel en niemand had het door."), "nl")
        XCTAssertNil(LanguageGuess.language(of: "BSO Morel 18:15"))
    }

    func testTheNewCasePlanCarriesTheParentsLanguage() {
        let organisation = OrganisationAddresses(mailbox: "klachten@example.test", quality: ["kwaliteit@example.test"], management: [],
                                                 safeguarding: ["aandacht@example.test"], messageIDDomain: "example.test")
        let message = InboundMessage(messageID: "e1@parents.example.test", from: Party(name: "Emma Clarke", address: "emma@parents.example.test"),
                                     subject: "Complaint about pick-up", text: "Our daughter was not picked up from school on Tuesday and we were not told.",
                                     receivedAt: Date(timeIntervalSince1970: 1_780_000_000))
        guard case .newCase(let plan) = IntakeDecider.decide(message, context: IntakeContext(organisation: organisation, locations: [])) else {
            return XCTFail()
        }
        XCTAssertEqual(plan.language, "en")
    }
}
