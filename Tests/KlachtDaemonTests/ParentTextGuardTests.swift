import CaseStore
import ComplaintCore
import DaemonSupport
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailParser
import XCTest

/// Issue 17: whatever quote stripping misses, a token address or a staff mail's words never reach a parent.
final class ParentTextGuardTests: HandlerIntakeTestCase {
    func testTokenAddressesOfAnyCaseAndStaffLinesAreFound() throws {
        let record = try openCase()
        let guardrail = ParentTextGuard(runtime: runtime, reference: record.reference, handler: record.handler)
        let token = try tokenAddress(record, for: "behandelaar1@example.test")
        XCTAssertNotNil(guardrail.problem(in: "Zie hieronder.\nVan: Klachten <\(token.uppercased())>"))
        XCTAssertNotNil(guardrail.problem(in: "mailto:klachten%2BKL-2099-0001.00ff00ff00ff00ff%40example.test"), "percent-encoded, another case")
        let bareToken = String(token.split(separator: "@").first?.split(separator: ".").last ?? "")
        XCTAssertNotNil(guardrail.problem(in: "code \(bareToken) ergens los"), "the token without its address")
        XCTAssertNotNil(guardrail.problem(in: "> Reageren gaat per e-mail\n> Beantwoord deze e-mail en laat [\(record.reference)] in het onderwerp staan. Begin je bericht met\n> een van deze opdrachten:"),
                        "a staff mail's words, rewrapped and quoted")
        XCTAssertNil(guardrail.problem(in: "Beste mevrouw, ik bel u morgen. U kunt ook mailen naar klachten@example.test of klachten+\(record.reference)@example.test."))
        XCTAssertNil(guardrail.problem(in: "Met vriendelijke groet,\nSophie"), "words letters to parents use too")
    }

    func testAnswerWithATokenIsRefusedTheHandlerToldAndTheQualityStaffAlerted() throws {
        let record = try openCase()
        let token = try tokenAddress(record, for: "behandelaar1@example.test")
        // A client no rule knows: the quoted block has neither a date nor an address line shape.
        try deliver(reply(from: "behandelaar1@example.test", to: token, body: """
            #antwoord

            Beste mevrouw, ik bel u morgen.

            ## Cevap yazan: Klachtenregistratie \(token) ##
            Beste collega, er is een klacht binnengekomen.
            """))
        let outbox = try store.outbox(caseID: record.id)
        XCTAssertFalse(outbox.contains { $0.kind == "handler-message" }, "nothing goes to the parent")
        let reply = try XCTUnwrap(outbox.last { $0.kind == "command-reply" })
        XCTAssertEqual(reply.recipients, ["behandelaar1@example.test"])
        XCTAssertTrue(MessageParser.parse(reply.bytes).text?.contains("niet naar de ouder gestuurd") ?? false)
        // One mail per quality officer (issue 20): each carries that person's own desk address as Reply-To.
        let notices = outbox.filter { $0.kind == "parent-text-refused" }
        XCTAssertEqual(notices.map(\.recipients), [["kwaliteit@example.test"], ["kwaliteit2@example.test"]])
        let notice = try XCTUnwrap(notices.last)
        XCTAssertFalse(String(decoding: notice.bytes, as: UTF8.self).contains(String(token.dropFirst(20))), "the token itself is not repeated")
        XCTAssertTrue(try store.events(caseID: record.id).contains { $0.action == "text to the parent refused" })
    }

    func testCleanAnswerStillGoesOut() throws {
        let record = try openCase()
        let token = try tokenAddress(record, for: "behandelaar1@example.test")
        try deliver(reply(from: "behandelaar1@example.test", to: token, body: "#antwoord\n\nBeste mevrouw, ik bel u morgen."))
        let letter = try XCTUnwrap(store.outbox(caseID: record.id).last { $0.kind == "handler-message" })
        XCTAssertTrue(MessageParser.parse(letter.bytes).text?.contains("ik bel u morgen") ?? false)
    }
}
