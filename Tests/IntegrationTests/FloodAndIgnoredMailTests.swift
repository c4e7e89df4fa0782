import CaseStore
import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 17, findings 4 and 5, against the real Dovecot and Postfix: forged floods do not
/// make klachtd a spam cannon, and messages answered to nobody are listed, not lost.
final class FloodAndIgnoredMailTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    /// Every mailbox a forged From below can reach (plus addresses land in ouder1 … ouder9).
    func parentMail() throws -> [ParsedMessage] {
        try (1...9).flatMap { try server.inbox("ouder\($0)") }
    }

    func testSixtyForgedComplaintsGiveTenAcknowledgementsSixtyCasesAndOneNotice() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: """
            [limits]
            new_address_mails_per_hour = 10
            """)
        try daemon.start()
        defer { daemon.stop() }
        // Sixty different third parties, as a forger picks them; Gmail-style messages.
        for n in 1...60 {
            let victim = "ouder\(n % 9 + 1)+slachtoffer\(n)@example.test"
            try server.send(from: victim, to: ["klachten@example.test"], complaintMail(
                from: victim, name: "Klik hier www.winnen.example \(n)", subject: "Klacht over BSO Morel",
                body: "Mijn kind werd bij BSO Morel niet opgehaald van school.",
                extraHeaders: ["X-Mailer: Gmail"]))
        }
        try daemon.waitUntil("60 cases", timeout: 60) { try daemon.cases().count == 60 }
        try daemon.waitUntil("nothing left to send", timeout: 60) {
            try CaseStore(path: daemon.databasePath).outbox(caseID: nil).allSatisfy { $0.state != .queued && $0.state != .sending }
        }
        let notices = try server.waitForInbox("kwaliteit", count: 1).filter { $0.subject?.contains("Veel nieuwe afzenders") ?? false }
        Thread.sleep(forTimeInterval: 2)
        let acknowledgements = try parentMail()
        XCTAssertEqual(acknowledgements.count, 10, "only the limit's worth reached strangers")
        XCTAssertTrue(acknowledgements.allSatisfy { $0.text?.contains("Beste ouder of verzorger,") ?? false },
                      "a name with a link or digits is not printed")
        XCTAssertEqual(notices.count, 1)
        XCTAssertEqual(try server.inbox("kwaliteit").filter { $0.subject?.contains("Veel nieuwe afzenders") ?? false }.count, 1,
                       "the quality staff are told once")
        let store = try CaseStore(path: daemon.databasePath)
        XCTAssertEqual(try store.outbox(caseID: nil).filter { $0.kind == "acknowledgement" && $0.state == .held }.count, 50,
                       "the rest is held, not dropped")
        let status = try daemon.klachtd(["status"])
        XCTAssertTrue(status.output.contains("50 held"), status.output)
        let heldReference = try XCTUnwrap(daemon.cases().compactMap { $0["reference"] as? String }.max())
        let detail = try daemon.klachtd(["case", heldReference])
        XCTAssertTrue(detail.output.contains("acknowledgement → ") && detail.output.contains(": held"), detail.output)
        daemon.stop()

        // An hour later the hour has room again: the ten oldest held acknowledgements go out.
        try daemon.tick(at: ISO8601DateFormatter().string(from: Date().addingTimeInterval(3660)))
        try daemon.waitUntil("twenty acknowledgements in all") { try parentMail().count >= 20 }
        Thread.sleep(forTimeInterval: 1)
        XCTAssertEqual(try parentMail().count, 20)
        XCTAssertEqual(try CaseStore(path: daemon.databasePath).outbox(caseID: nil)
            .filter { $0.kind == "acknowledgement" && $0.state == .held }.count, 40)
    }

    func testForgedSenderFailingSPFAndDKIMGetsNoAcknowledgement() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[authentication]\nauthserv_id = mx.example.test\n")
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "ouder2@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder2@example.test", name: "Sanne de Vries", subject: "Klacht BSO Morel", body: "Over BSO Morel.",
            extraHeaders: ["Authentication-Results: mx.example.test; spf=fail smtp.mailfrom=ouder2@example.test; dkim=fail header.d=example.test"]))
        try server.send(from: "ouder3@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder3@example.test", name: "Ayşe Çelik", subject: "Klacht BSO Morel", body: "Ook over BSO Morel.",
            extraHeaders: ["Authentication-Results: mx.example.test; spf=pass smtp.mailfrom=ouder3@example.test; dkim=none"]))
        try daemon.waitUntil("two cases") { try daemon.cases().count == 2 }
        let genuine = try XCTUnwrap(server.waitForInbox("ouder3", count: 1).first)
        XCTAssertTrue(genuine.text?.contains("Beste Ayşe Çelik,") ?? false, genuine.text ?? "")
        Thread.sleep(forTimeInterval: 2)
        XCTAssertTrue(try server.inbox("ouder2").isEmpty, "no acknowledgement to a sender nobody vouches for")
        let flagged = try daemon.cases().filter { ($0["flags"] as? [String])?.contains("sender-unverified") ?? false }
        XCTAssertEqual(flagged.count, 1)
    }

    func testIgnoredMessagesAreListedInQuarantineAndStatusAndCountedInTheDigest() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        // A newsletter from a list, a message with a null Return-Path (Dovecot writes the empty
        // envelope sender), and a parent's complaint a location's mailbox forwarded by a rule.
        try server.send(from: "nieuws@ouderraad.example.test", to: ["klachten@example.test"], complaintMail(
            from: "nieuws@ouderraad.example.test", name: "Ouderraad", subject: "Nieuwsbrief november",
            body: "Het laatste nieuws van de ouderraad.",
            extraHeaders: ["List-Id: Ouderraad <ouderraad.example.test>", "List-Unsubscribe: <mailto:uit@ouderraad.example.test>",
                           "Precedence: list"]))
        try server.send(from: "", to: ["klachten@example.test"], complaintMail(
            from: "ouder4@example.test", name: "Ouder Vier", subject: "Klacht BSO Morel", body: "Over BSO Morel."))
        try server.send(from: "ouder5@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder5@example.test", name: "Ouder Vijf", subject: "Klacht BSO Morel", body: "Doorgestuurd door de locatie.",
            extraHeaders: ["Auto-Submitted: auto-forwarded", "X-MS-Exchange-Inbox-Rules-Loop: bso-morel@example.test"]))
        try daemon.waitUntil("the forwarded complaint is a case") { try daemon.cases().count == 1 }
        try daemon.waitUntil("all three decided") { try CaseStore(path: daemon.databasePath).rawMessageCounts()[.pending] ?? 0 == 0 }
        XCTAssertEqual(try server.waitForInbox("ouder5", count: 1).count, 1, "the forwarded parent is acknowledged")
        daemon.stop()

        let listing = try daemon.klachtd(["quarantine"])
        XCTAssertTrue(listing.output.contains("Precedence: list"), listing.output)
        XCTAssertTrue(listing.output.contains("null Return-Path"), listing.output)
        XCTAssertTrue(listing.output.contains("niet beantwoord): 2"), listing.output)
        let status = try daemon.klachtd(["status"])
        XCTAssertTrue(status.output.contains("not answered (7 days): 2"), status.output)
        XCTAssertTrue(status.output.contains("null Return-Path"), status.output)

        // The Monday after: the weekly overview counts them.
        let monday = Self.nextMonday(after: Date())
        let tick = try daemon.tick(at: monday)
        XCTAssertTrue(tick.contains { $0.contains("weekly-digest") }, tick.joined(separator: "\n"))
        try daemon.waitUntil("the weekly overview arrives") {
            try server.inbox("kwaliteit").contains { $0.subject?.contains("Weekoverzicht") ?? false }
        }
        let digest = try XCTUnwrap(server.inbox("kwaliteit").first { $0.subject?.contains("Weekoverzicht") ?? false })
        XCTAssertTrue(digest.text?.contains("Niet beantwoord:               2") ?? false, digest.text ?? "")
    }

    func testTwentyFollowUpsInAFewMinutesReachTheHandlerAsOneCollectedNotice() throws {
        let daemon = try DaemonFixture(server: server)
        let outlook = ["X-Mailer: Microsoft Outlook 16.0", "Thread-Topic: Klacht BSO Morel", "Content-Language: nl-NL"]
        try daemon.deliver(complaintMail(from: "ouder6@example.test", name: "Fatima el Amrani", subject: "Klacht BSO Morel",
                                         body: "Mijn zoon is bij BSO Morel gevallen en niemand belde mij.", extraHeaders: outlook),
                           at: "2026-11-16T09:00:00+01:00")
        let reference = try XCTUnwrap(daemon.cases().first?["reference"] as? String)
        for n in 1...20 {
            try daemon.deliver(complaintMail(from: "ouder6@example.test", name: "Fatima el Amrani",
                                             subject: "RE: Ontvangstbevestiging van uw klacht [\(reference)]",
                                             body: "Nog iets, deel \(n): ik wil graag teruggebeld worden.", extraHeaders: outlook),
                               at: String(format: "2026-11-16T09:10:%02d+01:00", n * 2))
        }
        try server.waitForInbox("behandelaar1", count: 2)
        Thread.sleep(forTimeInterval: 2)
        XCTAssertEqual(try server.inbox("behandelaar1").count, 2, "the assignment and the first message's notice, not 21 mails")

        try daemon.tick(at: "2026-11-16T09:30:00+01:00")
        let mails = try server.waitForInbox("behandelaar1", count: 3)
        Thread.sleep(forTimeInterval: 1)
        XCTAssertEqual(try server.inbox("behandelaar1").count, 3)
        let collected = try XCTUnwrap(mails.first { $0.text?.contains("19 berichten sinds de vorige melding") ?? false },
                                      mails.compactMap(\.text).joined(separator: "\n====\n"))
        XCTAssertTrue(collected.text?.contains("deel 20:") ?? false)
        XCTAssertTrue(collected.text?.contains("deel 2:") ?? false)
    }

    /// 09:00 in Amsterdam on the Monday of the week after `date`'s week, as ISO 8601: its overview covers `date`.
    static func nextMonday(after date: Date) -> String {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let weekStart = calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
        let monday = calendar.date(byAdding: DateComponents(day: 7, hour: 9), to: weekStart) ?? date
        return ISO8601DateFormatter().string(from: monday)
    }
}
