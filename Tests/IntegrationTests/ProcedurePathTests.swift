import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 15 on the real Dovecot and Postfix: the paths around the happy path, driven by staff
/// replying to klachtd's mails. What the parent, the handler, the quality staff and the
/// safeguarding officer receive, the state the case ends in, and which terms run.
final class ProcedurePathTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    /// A meldcode case: the parent's neutral receipt and the officer's alert.
    private func openMeldcodeCase(_ daemon: DaemonFixture, parent: String) throws -> (String, ParsedMessage) {
        try server.send(from: server.address(parent), to: ["klachten@example.test"], complaintMail(
            from: server.address(parent), name: "Fatima el Amrani", subject: "Klacht over BSO Morel",
            body: "Mijn zoon kwam thuis met een blauwe plek en zegt dat een leidster van BSO Morel hem kneep.\n\nMet vriendelijke groet,\nFatima"))
        try server.waitForInbox(parent, count: 1)
        let alert = try XCTUnwrap(server.waitForInbox("aandacht", count: 1).first)
        return (try ProcedureFixture.reference(of: alert), alert)
    }

    /// An ordinary complaint about BSO Morel: the parent's acknowledgement and the handler's assignment.
    private func openCase(_ daemon: DaemonFixture, parent: String) throws -> (String, ParsedMessage) {
        try server.openComplaintAboutMorel(parent: parent, name: "Sanne de Vries", subject: "Klacht BSO Morel")
    }

    func testTheAlertNamesTheOfficersDutiesAndReleaseStartsTheProcedureWithTermsFromReceipt() throws {
        let daemon = try ProcedureFixture.daemon(server, start: true)
        defer { daemon.stop() }
        let (reference, alert) = try openMeldcodeCase(daemon, parent: "ouder1")
        let duties = try XCTUnwrap(alert.text)
        for phrase in ["Veilig Thuis (0800-2000", "artikel 1.51b", "vertrouwensinspecteur", "0900-111 3 111", "politie",
                       "#vrijgeven", "#meldcode"] {
            XCTAssertTrue(duties.contains(phrase), "the alert names \(phrase)\n\(duties)")
        }

        try ProcedureFixture.send(server, from: "aandacht", replyingTo: alert, body: "#vrijgeven")
        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder1", count: 2).last)
        let letter = try XCTUnwrap(acknowledgement.text)
        XCTAssertTrue(letter.contains("Onze excuses"), letter)
        XCTAssertFalse(letter.lowercased().contains("meldcode"), "no word about the meldcode")
        XCTAssertFalse(letter.contains("blauwe plek"), "the complaint is not echoed")
        XCTAssertFalse(letter.contains("uiterlijk  ") || letter.contains("uiterlijk ."), "no empty dates\n\(letter)")
        XCTAssertEqual(acknowledgement.inReplyTo, try server.inbox("ouder1").first?.inReplyTo, "in the parent's thread")
        let assignment = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 1).first)
        XCTAssertTrue(assignment.subject?.contains("[\(reference)]") ?? false)
        XCTAssertTrue(assignment.text?.contains("kneep") ?? false, "the handler gets the complaint itself")

        let detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["state"] as? String, "assigned")
        XCTAssertEqual(detail["handler"] as? String, "behandelaar1@example.test")
        let received = try XCTUnwrap(detail["received_at"] as? String)
        let terms = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try daemon.klachtd(
            ["terms", "--received", received, "--location", "Morel", "--json"]).output.utf8)) as? [String: Any])
        XCTAssertEqual(detail["decision_due"] as? String, terms["decision_due"] as? String, "the six weeks run from the original receipt")
        XCTAssertEqual(detail["first_contact_due"] as? String, terms["first_contact_due"] as? String)
        XCTAssertEqual(detail["gck_window_end"] as? String, terms["gck_window_end"] as? String)
        XCTAssertTrue(try server.inbox("kwaliteit").isEmpty, "a verified release alerts nobody")
    }

    func testMeldcodeOnAMeldcodeCaseClosesItOnlyWithAReason() throws {
        let daemon = try ProcedureFixture.daemon(server, start: true)
        defer { daemon.stop() }
        let (reference, alert) = try openMeldcodeCase(daemon, parent: "ouder2")
        try ProcedureFixture.send(server, from: "aandacht", replyingTo: alert, body: "#meldcode")
        let refusal = try XCTUnwrap(server.waitForInbox("aandacht", count: 2).last)
        XCTAssertTrue(refusal.text?.contains("schrijf de reden erbij") ?? false, refusal.text ?? "")
        XCTAssertEqual(try daemon.caseDetail(reference)["state"] as? String, "safeguarding")

        try ProcedureFixture.send(server, from: "aandacht", replyingTo: alert,
                                  body: "#meldcode overlegd met Veilig Thuis; melding gedaan, klachtprocedure beëindigd")
        try daemon.waitUntil("the case is closed under the meldcode") { try daemon.caseDetail(reference)["state"] as? String == "closed" }
        let closing = try XCTUnwrap(try ProcedureFixture.events(daemon, reference, action: "closeUnderMeldcode").first)
        XCTAssertEqual(closing["actor"] as? String, "aandacht@example.test")
        XCTAssertTrue((closing["reason"] as? String)?.contains("Veilig Thuis") ?? false)
        Thread.sleep(forTimeInterval: 2)
        XCTAssertEqual(try server.inbox("ouder2").count, 1, "the parent only ever had the neutral receipt")
        XCTAssertTrue(try server.inbox("behandelaar1").isEmpty, "the location never hears of it")
        XCTAssertEqual(try server.inbox("aandacht").count, 2)
    }

    func testSuspensionAndResumptionAreConfirmedToTheParentWithoutTheInternalReason() throws {
        let daemon = try ProcedureFixture.daemon(server, start: true)
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder3")
        try ProcedureFixture.send(server, from: "behandelaar1", replyingTo: assignment,
                                  body: "#geschorst 2099-03-02 ouder reageert niet op onze telefoontjes")
        let notice = try XCTUnwrap(server.waitForInbox("ouder3", count: 2).last)
        XCTAssertTrue(notice.text?.contains("maandag 2 maart 2099") ?? false, notice.text ?? "")
        XCTAssertFalse(notice.text?.contains("telefoontjes") ?? true, "the internal reason stays in the file")
        var detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["state"] as? String, "suspended")
        XCTAssertEqual(detail["review_due"] as? String, "2099-03-02")

        try ProcedureFixture.send(server, from: "behandelaar1", replyingTo: assignment, body: "#hervatten")
        let resumed = try XCTUnwrap(server.waitForInbox("ouder3", count: 3).last)
        XCTAssertTrue(resumed.subject?.hasPrefix("Wij gaan verder met uw klacht") ?? false, resumed.subject ?? "")
        detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["state"] as? String, "assigned")
        XCTAssertTrue(detail["review_due"] is NSNull)
        XCTAssertNotNil(detail["decision_due"] as? String, "the decision term still runs")
    }

    func testAComplaintClosesOnlyWithJudgementWithdrawalOrTheParentsAgreement() throws {
        let daemon = try ProcedureFixture.daemon(server, start: true)
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder4")
        try ProcedureFixture.send(server, from: "behandelaar1", replyingTo: assignment, body: "#gesloten ouder gebeld, is tevreden")
        let refusal = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 2).last)
        XCTAssertTrue(refusal.text?.contains("#opgelost") ?? false, refusal.text ?? "")
        XCTAssertEqual(try daemon.caseDetail(reference)["state"] as? String, "assigned")
        XCTAssertEqual(try server.inbox("ouder4").count, 1, "nothing went to the parent")

        try ProcedureFixture.send(server, from: "behandelaar1", replyingTo: assignment, body: """
            #opgelost Wij hebben afgesproken dat de BSO u voortaan om 17:45 belt als uw dochter nog niet is opgehaald.

            Met de ouder telefonisch besproken op dinsdag.
            """)
        let letter = try XCTUnwrap(server.waitForInbox("ouder4", count: 2).last)
        XCTAssertTrue(letter.text?.contains("voortaan om 17:45 belt") ?? false, "the agreed text goes to the parent word for word")
        XCTAssertTrue(letter.text?.contains("geen schriftelijk oordeel meer nodig") ?? false, letter.text ?? "")
        let detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["state"] as? String, "closed")
        XCTAssertEqual(detail["outcome"] as? String, "informeel opgelost")
    }

    func testWithdrawalIsConfirmedToTheParent() throws {
        let daemon = try ProcedureFixture.daemon(server, start: true)
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder5")
        try ProcedureFixture.send(server, from: "behandelaar1", replyingTo: assignment, body: "#ingetrokken moeder belde: opgelost met de mentor")
        let confirmation = try XCTUnwrap(server.waitForInbox("ouder5", count: 2).last)
        XCTAssertTrue(confirmation.subject?.hasPrefix("Uw klacht is ingetrokken") ?? false, confirmation.subject ?? "")
        XCTAssertFalse(confirmation.text?.contains("mentor") ?? true, "the internal reason stays in the file")
        XCTAssertEqual(try daemon.caseDetail(reference)["state"] as? String, "withdrawn")
    }
}
