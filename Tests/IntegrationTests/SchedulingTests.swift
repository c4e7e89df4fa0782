import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 5 on the real Dovecot and Postfix: time is stepped with `deliver --now` and `tick --now`.
final class SchedulingTests: XCTestCase {
    var server: TestMailServer!
    let received = "2026-05-04T10:00:00+02:00"

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }



    /// The subjects in a user's INBOX once `count` have arrived, after a pause in which no extra copy may arrive.
    private func settledSubjects(_ user: String, count: Int, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try server.waitForInbox(user, count: count, file: file, line: line)
        Thread.sleep(forTimeInterval: 1.5)
        let subjects = try server.inbox(user).map { $0.subject ?? "" }
        XCTAssertEqual(subjects.count, count, "\(user): \(subjects)", file: file, line: line)
        return subjects
    }

    func testTickAtTwoFourAndFiveWeeksAndPastSixRemindsTheHandlerThenEscalatesOnceEach() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.deliver(complaintMail(from: "ouder1@example.test", name: "Sanne de Vries", subject: "Klacht BSO Morel",
                                          body: "Mijn dochter werd bij BSO Morel pas om 18:30 opgehaald, niemand belde ons."), at: received)
        let assignment = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 1).first)
        let reference = try XCTUnwrap(try daemon.cases().first?["reference"] as? String)
        XCTAssertEqual(reference, "KL-2026-0001")

        // The handler answers the assignment the next day: the first contact is on file.
        let handlerReply = complaintMail(from: "behandelaar1@example.test", name: "Behandelaar Morel", subject: "Re: \(assignment.subject ?? "")",
                                         body: "Ik heb de ouder vandaag gebeld.",
                                         extraHeaders: ["In-Reply-To: <\(assignment.messageID ?? "")>"])
        try daemon.deliver(handlerReply, at: "2026-05-05T09:00:00+02:00")

        let steps: [(moment: String, keys: [String])] = [
            ("2026-05-18T10:00:00+02:00", ["reminder:week-2"]),
            // Ten working days after the acknowledgement (Hemelvaart on 14 May): the parent's progress update (issue 10).
            ("2026-06-01T10:00:00+02:00", ["reminder:week-4", "progress-update:2026-05-19"]),
            ("2026-06-08T10:00:00+02:00", ["reminder:week-5"]),
            ("2026-06-11T10:00:00+02:00", ["reminder:decision-minus-2"]),
            ("2026-06-16T10:00:00+02:00", ["escalation:decision:2026-06-16"]),
        ]
        for step in steps {
            let first = try daemon.tick(at: step.moment)
            let caseLines = first.filter { $0.contains(reference) }
            XCTAssertEqual(caseLines.count, step.keys.count, "\(step.moment): \(first)")
            for key in step.keys { XCTAssertTrue(caseLines.contains { $0.contains(" \(key) ") }, "\(step.moment): \(first)") }
            XCTAssertEqual(try daemon.tick(at: step.moment), ["nothing due"], "the second tick at \(step.moment) queues nothing")
        }

        let handler = try settledSubjects("behandelaar1", count: 6)
        XCTAssertEqual(handler.filter { $0.hasPrefix("Herinnering") && $0.contains("[\(reference)]") }.count, 4, "\(handler)")
        let reminders = try server.inbox("behandelaar1").filter { $0.subject?.hasPrefix("Herinnering") ?? false }
        XCTAssertTrue(reminders[0].text?.contains("2 weken geleden ontvangen") ?? false)
        XCTAssertTrue(reminders[2].text?.contains("5 weken geleden ontvangen") ?? false)
        XCTAssertTrue(reminders[3].text?.contains("loopt af op maandag 15 juni 2026") ?? false)

        let management = try settledSubjects("directie", count: 1)
        XCTAssertTrue(management[0].hasPrefix("Termijn verstreken") && management[0].contains("[\(reference)]"), management[0])
        // The quality staff: the same escalation, and the digest of each of the three Mondays ticked.
        let quality = try settledSubjects("kwaliteit", count: 4)
        XCTAssertEqual(quality.filter { $0.hasPrefix("Termijn verstreken") }.count, 1, "\(quality)")
        XCTAssertEqual(quality.filter { $0.hasPrefix("Weekoverzicht") }.count, 3, "\(quality)")
        let escalation = try XCTUnwrap(try server.inbox("kwaliteit").first { $0.subject?.hasPrefix("Termijn verstreken") ?? false })
        XCTAssertTrue(escalation.text?.contains("verstreken op maandag 15 juni 2026") ?? false, escalation.text ?? "")
        XCTAssertTrue(escalation.text?.contains("behandelaar1@example.test") ?? false)

        let events = try XCTUnwrap(try daemon.caseDetail(reference)["events"] as? [[String: Any]])
        XCTAssertEqual(events.filter { $0["action"] as? String == "reminder queued" }.count, 4)
        XCTAssertEqual(events.filter { $0["action"] as? String == "escalation queued" }.count, 1)
    }

    func testSafeguardingMessageReachesOnlyTheSafeguardingOfficerAndTheParentGetsANeutralReceipt() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.deliver(complaintMail(from: "ouder2@example.test", name: "Ouder Twee", subject: "Klacht BSO Morel",
                                          body: "Mijn zoon kwam thuis met een blauwe plek en zegt dat een leidster van BSO Morel hem kneep."),
                    at: received)
        let alert = try settledSubjects("aandacht", count: 1)
        let reference = try XCTUnwrap(try daemon.cases().first?["reference"] as? String)
        XCTAssertTrue(alert[0].contains(reference))
        let receipt = try XCTUnwrap(server.waitForInbox("ouder2", count: 1).first)
        XCTAssertTrue(receipt.subject?.hasPrefix("Wij hebben uw bericht ontvangen") ?? false, receipt.subject ?? "")
        XCTAssertFalse(receipt.text?.contains("Geschillencommissie") ?? true, "no standard acknowledgement, no procedure")
        XCTAssertFalse(receipt.text?.contains("blauwe plek") ?? true)
        XCTAssertEqual(try daemon.cases().first?["state"] as? String, "safeguarding")
        XCTAssertTrue(try daemon.cases().first?["decision_due"] is NSNull, "no 6-week clock")

        // Weeks later nobody acted: the officer is reminded once more (issue 15), with the quality staff as there is no
        // deputy; nothing else is sent about it and the digest only counts it.
        let reminded = try daemon.tick(at: "2026-05-18T10:00:00+02:00").filter { $0.contains(reference) }
        XCTAssertEqual(reminded.count, 1, "\(reminded)")
        XCTAssertTrue(reminded.first?.contains(" safeguarding:reminder-2 ") ?? false, "\(reminded)")
        XCTAssertFalse(try daemon.tick(at: "2026-06-22T10:00:00+02:00").contains { $0.contains(reference) })
        let quality = try server.waitForInbox("kwaliteit", count: 3)
        let digests = quality.filter { $0.subject?.hasPrefix("Weekoverzicht") ?? false }
        XCTAssertEqual(digests.count, 2, quality.map { $0.subject ?? "" }.joined(separator: "; "))
        for digest in digests {
            XCTAssertFalse(digest.text?.contains(reference) ?? true, "the digest only counts meldcode cases")
        }
        XCTAssertTrue(digests[0].text?.contains("Meldcodezaken in behandeling:  1") ?? false, digests[0].text ?? "")
        for user in ["behandelaar1", "behandelaar2", "behandelaar3", "directie"] {
            XCTAssertTrue(try server.inbox(user).isEmpty, "\(user) must not hear of a meldcode case")
        }
        XCTAssertEqual(try server.inbox("ouder2").count, 1)
        XCTAssertEqual(try server.inbox("aandacht").count, 2)
    }

    func testParentsReplyToTheAcknowledgementJoinsTheCaseAndTheHandlerIsTold() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.deliver(complaintMail(from: "ouder3@example.test", name: "Ouder Drie", subject: "Klacht BSO Morel",
                                          body: "De opvang bij BSO Morel sloot een half uur te vroeg."), at: received)
        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder3", count: 1).first)
        try server.waitForInbox("behandelaar1", count: 1)
        let reference = try XCTUnwrap(try daemon.cases().first?["reference"] as? String)

        let reply = complaintMail(from: "ouder3@example.test", name: "Ouder Drie", subject: "Re: \(acknowledgement.subject ?? "")",
                                  body: "Aanvulling: het gebeurde ook vorige week dinsdag.",
                                  extraHeaders: ["In-Reply-To: <\(acknowledgement.messageID ?? "")>",
                                                 "References: <\(acknowledgement.messageID ?? "")>"])
        try daemon.deliver(reply, at: "2026-05-06T08:00:00+02:00")
        XCTAssertEqual(try daemon.cases().count, 1, "the reply joins the case")
        let messages = try XCTUnwrap(try daemon.caseDetail(reference)["messages"] as? [[String: Any]])
        XCTAssertTrue(messages.contains { ($0["text"] as? String)?.contains("vorige week dinsdag") ?? false })
        let handler = try settledSubjects("behandelaar1", count: 2)
        XCTAssertTrue(handler[1].contains("[\(reference)]"), handler[1])
        let notice = try XCTUnwrap(try server.inbox("behandelaar1").last)
        XCTAssertTrue(notice.text?.contains("vorige week dinsdag") ?? false, notice.text ?? "")
        XCTAssertEqual(try server.inbox("ouder3").count, 1, "no second acknowledgement for a reply")
    }

    func testStrangerQuotingTheCaseNumberGetsACaseOfTheirOwn() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.deliver(complaintMail(from: "ouder4@example.test", name: "Ouder Vier", subject: "Klacht BSO Morel",
                                          body: "De factuur van BSO Morel klopt niet."), at: received)
        try server.waitForInbox("behandelaar1", count: 1)
        try daemon.deliver(complaintMail(from: "ouder5@example.test", name: "Ouder Vijf", subject: "Re: [KL-2026-0001] ook bij ons",
                                          body: "Bij ons klopt de factuur van BSO Morel ook niet."), at: "2026-05-05T09:00:00+02:00")
        let references = try daemon.cases().compactMap { $0["reference"] as? String }.sorted()
        XCTAssertEqual(references, ["KL-2026-0001", "KL-2026-0002"])
        let own = try XCTUnwrap(server.waitForInbox("ouder5", count: 1).first)
        XCTAssertTrue(own.subject?.contains("[KL-2026-0002]") ?? false, own.subject ?? "")
        let first = try XCTUnwrap(try daemon.caseDetail("KL-2026-0001")["messages"] as? [[String: Any]])
        XCTAssertFalse(first.contains { ($0["text"] as? String)?.contains("Bij ons") ?? false }, "no one joins another person's case")
        let handler = try settledSubjects("behandelaar1", count: 2)
        XCTAssertTrue(handler.allSatisfy { !$0.lowercased().contains("reactie") || $0.contains("KL-2026-0002") }, "\(handler)")
        XCTAssertTrue(handler[1].contains("[KL-2026-0002]"), "the handler gets a new assignment, not a follow-up: \(handler)")
    }

    func testRunningDaemonEscalatesWithinAMinuteAndATickAfterARestartSendsNothingAgain() throws {
        let daemon = try DaemonFixture(server: server)
        let sixWeeksAndTwoDaysAgo = Date().addingTimeInterval(-44 * 86_400)
        try daemon.deliver(complaintMail(from: "ouder6@example.test", name: "Ouder Zes", subject: "Klacht BSO Morel",
                                          body: "Niemand van BSO Morel heeft ons teruggebeld."),
                    at: sixWeeksAndTwoDaysAgo.formatted(.iso8601))
        let reference = try XCTUnwrap(try daemon.cases().first?["reference"] as? String)

        // The daemon's own pass (a minute after start, on the real clock): the first-contact and decision terms passed.
        try daemon.start()
        try server.waitForInbox("directie", count: 2, timeout: 100)
        XCTAssertEqual(daemon.stop(), 0)
        XCTAssertFalse(try daemon.tick(at: Date().formatted(.iso8601)).contains { $0.contains(reference) },
                       "a tick after the daemon stopped finds both escalations claimed")
        try daemon.start()
        Thread.sleep(forTimeInterval: 3)
        XCTAssertEqual(daemon.stop(), 0)

        let management = try settledSubjects("directie", count: 2)
        XCTAssertTrue(management.allSatisfy { $0.hasPrefix("Termijn verstreken") && $0.contains("[\(reference)]") }, "\(management)")
        let quality = try server.inbox("kwaliteit").compactMap(\.subject).filter { $0.hasPrefix("Termijn verstreken") }
        XCTAssertEqual(quality.count, 2, "\(quality)")
        XCTAssertEqual(try server.inbox("behandelaar1").count, 1, "only the assignment: every reminder's term had passed")
    }
}
