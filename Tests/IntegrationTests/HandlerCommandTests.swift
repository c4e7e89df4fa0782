import ComplaintCore
import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 6: handlers run a case by replying to its mails, and nobody else can, on the real servers.
final class HandlerCommandTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testHandlerJudgementByReplySendsTheLetterAndRecordsOutcomeAndMeasuresDue() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder1", handler: "behandelaar1")
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address)
        XCTAssertTrue(replyTo.hasPrefix("klachten+\(reference.lowercased()).") || replyTo.hasPrefix("klachten+\(reference)."), replyTo)

        try server.send(from: "behandelaar1@example.test", to: [replyTo], handlerReply(
            from: "behandelaar1@example.test", to: replyTo, replyingTo: assignment, body: """
                #oordeel gegrond
                #maatregel Alle medewerkers volgen opnieuw de instructie voor het overdragen bij het ophalen.
                #termijn 4 weken

                Wij hebben met de pedagogisch medewerkers gesproken. Uw dochter had niet alleen bij de deur mogen wachten.
                """))

        let letters = try server.waitForInbox("ouder1", count: 2)
        let letter = try XCTUnwrap(letters.last)
        let text = try XCTUnwrap(letter.text)
        // Four weeks from today, on a working day: a counted term never ends on a weekend or holiday.
        let due = Self.workingDay(onOrAfter: Self.amsterdamToday().addingTimeInterval(28 * 86_400))
        XCTAssertTrue(letter.subject?.contains("[\(reference)]") ?? false)
        XCTAssertTrue(text.contains("gegrond"), text)
        XCTAssertTrue(text.contains("niet alleen bij de deur mogen wachten"), "the reasons are in the letter")
        XCTAssertTrue(text.contains("instructie voor het overdragen"), "the measure is in the letter")
        XCTAssertTrue(text.contains(Self.dutchDate(due)), "the measure has its concrete date: \(Self.dutchDate(due))\n\(text)")
        XCTAssertTrue(text.contains("Klachtenloket Kinderopvang"))
        XCTAssertTrue(text.contains("Geschillencommissie"))
        XCTAssertEqual(letter.inReplyTo.first, letters.first?.inReplyTo.first, "the letter is in the parent's thread")
        XCTAssertEqual(letter.from.first?.address, "klachten@example.test")

        let detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["outcome"] as? String, "gegrond")
        XCTAssertEqual(detail["measures_due"] as? String, Self.iso(due))
        XCTAssertEqual(detail["state"] as? String, "measures_pending")
        let measures = try XCTUnwrap(detail["measures"] as? [[String: Any]])
        XCTAssertEqual(measures.first?["due"] as? String, Self.iso(due))
        let caseText = try daemon.klachtd(["case", reference]).output
        XCTAssertTrue(caseText.contains("maatregelen uiterlijk: \(Self.iso(due))"))
        XCTAssertTrue(caseText.contains("    - Alle medewerkers volgen opnieuw de instructie voor het overdragen bij het ophalen. (uiterlijk \(Self.iso(due)))"),
                      "each measure with its own term\n\(caseText)")
        XCTAssertTrue(try server.inbox("kwaliteit").isEmpty, "a verified command alerts nobody")
    }

    func testAnswerReachesTheParentInTheirThreadAndTheirReplyComesBackToTheCase() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder1", handler: "behandelaar1")
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address)
        try server.send(from: "behandelaar1@example.test", to: [replyTo], handlerReply(
            from: "behandelaar1@example.test", to: replyTo, replyingTo: assignment,
            body: "#antwoord\n\nIk bel u morgen om tien uur om uw klacht te bespreken."))
        let mails = try server.waitForInbox("ouder1", count: 2)
        let answer = try XCTUnwrap(mails.last)
        XCTAssertTrue(answer.text?.contains("Ik bel u morgen om tien uur") ?? false, answer.text ?? "")
        XCTAssertEqual(answer.from.first?.address, "klachten@example.test")
        XCTAssertEqual(answer.inReplyTo, mails.first?.inReplyTo, "in the parent's own thread")
        XCTAssertTrue(answer.replyTo.isEmpty, "the parent answers the organisation address, never a staff token")

        try server.send(from: "ouder1@example.test", to: ["klachten@example.test"], [
            "From: Ouder <ouder1@example.test>", "To: klachten@example.test", "Subject: Re: \(answer.subject ?? "")",
            "Message-ID: <\(UUID().uuidString)@ouders.example.test>", "In-Reply-To: <\(answer.messageID ?? "")>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", "Prima, tot morgen.", "",
        ].joined(separator: "\r\n"))
        try server.waitForInbox("behandelaar1", count: 2)
        XCTAssertEqual(try daemon.cases().count, 1)
        let messages = try XCTUnwrap(try daemon.caseDetail(reference)["messages"] as? [[String: Any]])
        XCTAssertTrue(messages.contains { $0["role"] as? String == "complainant" && $0["text"] as? String == "Prima, tot morgen." })
    }

    func testParentForgingTheHandlersFromWithAWrongTokenChangesNothing() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder2", handler: "behandelaar1")
        let forged = "klachten+\(reference).0123456789abcdef@example.test"
        try server.send(from: "ouder2@example.test", to: [forged], handlerReply(
            from: "behandelaar1@example.test", to: forged, replyingTo: assignment, body: "#oordeel ongegrond\n\nNiets aan de hand."))
        try assertNothingChanged(daemon, reference: reference, parent: "ouder2", handler: "behandelaar1", quality: 1)
    }

    func testValidTokenOfOneCaseUsedOnAnotherChangesNothing() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (first, firstAssignment) = try openCase(daemon, parent: "ouder3", handler: "behandelaar1")
        let (second, _) = try openCase(daemon, parent: "ouder4", handler: "behandelaar1", inbox: 2)
        let token = try XCTUnwrap(firstAssignment.replyTo.first?.address.split(separator: "@").first?.split(separator: ".").last)
        let crossed = "klachten+\(second).\(token)@example.test"
        try server.send(from: "behandelaar1@example.test", to: [crossed], handlerReply(
            from: "behandelaar1@example.test", to: crossed, replyingTo: firstAssignment, body: "#oordeel ongegrond\n\nGeen klacht."))
        try assertNothingChanged(daemon, reference: second, parent: "ouder4", handler: "behandelaar1", handlerMails: 2, quality: 1)
        XCTAssertEqual(try daemon.caseDetail(first)["outcome"] as? NSNull, NSNull())
    }

    func testComplainantWritingAJudgementToTheHandlerAddressChangesNothing() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder5", handler: "behandelaar1")
        let handlerAddress = try XCTUnwrap(assignment.replyTo.first?.address)
        try server.send(from: "ouder5@example.test", to: [handlerAddress], handlerReply(
            from: "ouder5@example.test", to: handlerAddress, replyingTo: assignment, body: "#oordeel ongegrond\n\nIk trek het in."))
        try assertNothingChanged(daemon, reference: reference, parent: "ouder5", handler: "behandelaar1", quality: 1)
        let kept = try XCTUnwrap((try daemon.caseDetail(reference)["messages"] as? [[String: Any]])?.last { $0["direction"] as? String == "in" })
        XCTAssertEqual(kept["verified"] as? Bool, false, "kept on the case, marked unverified")
    }

    func testCommandOnlyInTheQuotedHistoryIsANoteAndChangesNothing() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder6", handler: "behandelaar1")
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address)
        try server.send(from: "behandelaar1@example.test", to: [replyTo], handlerReply(
            from: "behandelaar1@example.test", to: replyTo, replyingTo: assignment, body: """
                Ik bel de ouder morgen.

                Op 16 nov. 2026 om 09:12 schreef Kinderopvang De Vlinder <klachten@example.test>:
                > #oordeel gegrond
                > Beste collega,
                """))
        try assertNothingChanged(daemon, reference: reference, parent: "ouder6", handler: "behandelaar1", quality: 0)
        let note = try XCTUnwrap((try daemon.caseDetail(reference)["messages"] as? [[String: Any]])?.last)
        XCTAssertEqual(note["role"] as? String, "handler")
        XCTAssertEqual(note["verified"] as? Bool, true)
        XCTAssertEqual(note["text"] as? String, "Ik bel de ouder morgen.")
    }

    func testSenderWhoIsNotTheHandlerChangesNothing() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder7", handler: "behandelaar1")
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address)
        try server.send(from: "behandelaar2@example.test", to: [replyTo], handlerReply(
            from: "behandelaar2@example.test", to: replyTo, replyingTo: assignment, body: "#oordeel ongegrond\n\nGeen klacht."))
        try assertNothingChanged(daemon, reference: reference, parent: "ouder7", handler: "behandelaar1", quality: 1)
        XCTAssertTrue(try server.inbox("behandelaar2").isEmpty, "no backscatter to the claimed sender")
    }

    func testBadCommandChangesNothingAndTheHandlerIsToldWhatIsValid() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder8", handler: "behandelaar1")
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address)
        try server.send(from: "behandelaar1@example.test", to: [replyTo], handlerReply(
            from: "behandelaar1@example.test", to: replyTo, replyingTo: assignment, body: "#oordeel misschien\n#maatregel Iets\n\nRedenen."))
        let reply = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 2).last)
        XCTAssertTrue(reply.text?.contains("misschien") ?? false, reply.text ?? "")
        XCTAssertTrue(reply.text?.contains("#oordeel UITKOMST") ?? false, "the help is included")
        XCTAssertEqual(reply.replyTo.first?.address.lowercased(), replyTo.lowercased(), "the reply address keeps the handler's token")
        XCTAssertNil(try daemon.caseDetail(reference)["outcome"] as? String)
        XCTAssertEqual(try server.inbox("ouder8").count, 1)
    }

    func testQualityStaffJudgeFromTheCommandLine() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let (reference, _) = try openCase(daemon, parent: "ouder9", handler: "behandelaar1")
        let reasons = daemon.directory + "/reasons.txt"
        try "Na een telefoongesprek met de ouder: de factuur was fout.".write(toFile: reasons, atomically: true, encoding: .utf8)
        let result = try daemon.klachtd(["case", reference, "judge", "deels-gegrond", "--measure", "Factuur corrigeren",
                                         "--term", "2099-07-01", "--reasons-file", reasons])
        XCTAssertEqual(result.status, 0, result.error)
        let letter = try XCTUnwrap(server.waitForInbox("ouder9", count: 2).last)
        XCTAssertTrue(letter.text?.contains("deels gegrond") ?? false)
        XCTAssertTrue(letter.text?.contains("1 juli 2099") ?? false, letter.text ?? "")
        let detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["measures_due"] as? String, "2099-07-01")
        let events = try XCTUnwrap(detail["events"] as? [[String: Any]])
        XCTAssertTrue(events.contains { ($0["actor"] as? String)?.hasPrefix("cli:") ?? false })

        let refused = try daemon.klachtd(["case", reference, "judge", "ongegrond", "--reasons", "Nog een keer."])
        XCTAssertEqual(refused.status, 1, "a second judgement is refused")
        XCTAssertTrue(refused.error.contains("nothing changed"), refused.error)
    }

    /// The test Postfix adds no Authentication-Results, so the messages carry their own; a real
    /// server (OpenDKIM, rspamd) removes any that claim its authserv-id before adding its verdict.
    func testRequiredAuthenticationResultsDecideWhetherAValidTokenCounts() throws {
        let daemon = try startDaemon(extra: "[authentication]\nauthserv_id = mail.example.test\nrequire_dkim_or_spf = yes\n")
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder2", handler: "behandelaar1")
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address)
        let judgement = "#oordeel ongegrond\n\nDe redenen."
        let forgedVerdict = "Authentication-Results: elsewhere.test; dkim=pass header.d=example.test"
        try server.send(from: "behandelaar1@example.test", to: [replyTo], handlerReply(
            from: "behandelaar1@example.test", to: replyTo, replyingTo: assignment, body: judgement, extraHeaders: [forgedVerdict]))
        try assertNothingChanged(daemon, reference: reference, parent: "ouder2", handler: "behandelaar1", quality: 1)

        try server.send(from: "behandelaar1@example.test", to: [replyTo], handlerReply(
            from: "behandelaar1@example.test", to: replyTo, replyingTo: assignment, body: judgement,
            extraHeaders: ["Authentication-Results: mail.example.test; spf=pass smtp.mailfrom=behandelaar1@example.test"]))
        try server.waitForInbox("ouder2", count: 2)
        XCTAssertEqual(try daemon.caseDetail(reference)["outcome"] as? String, "ongegrond")
    }

    /// Issue 16: commands by email work out of the box. Without `[organisation] secret_file`,
    /// klachtd makes a secret once beside the database and signs the reply addresses with it.
    func testCommandsByEmailWorkWithoutASecretFile() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        let (reference, assignment) = try openCase(daemon, parent: "ouder3", handler: "behandelaar1")
        let replyTo = try XCTUnwrap(assignment.replyTo.first?.address)
        XCTAssertTrue(replyTo.lowercased().hasPrefix("klachten+\(reference.lowercased())."), "a signed reply address: \(replyTo)")

        try server.send(from: "behandelaar1@example.test", to: [replyTo], handlerReply(
            from: "behandelaar1@example.test", to: replyTo, replyingTo: assignment, body: """
                #oordeel ongegrond

                De BSO sluit volgens het contract om 18:30; uw dochter is tot dat moment opgevangen.
                """))
        let letters = try server.waitForInbox("ouder3", count: 2)
        XCTAssertTrue(letters.last?.text?.contains("ongegrond") ?? false, letters.last?.text ?? "")
        XCTAssertEqual(try daemon.caseDetail(reference)["outcome"] as? String, "ongegrond")

        let secretPath = daemon.databasePath + ".reply-secret"
        let attributes = try FileManager.default.attributesOfItem(atPath: secretPath)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let secret = try String(contentsOfFile: secretPath, encoding: .utf8)
        XCTAssertFalse(try String(contentsOfFile: daemon.logPath, encoding: .utf8).contains(secret.prefix(64)),
                       "the secret is never logged")
        let check = try daemon.klachtd(["check-config"]).output
        XCTAssertTrue(check.contains("staff commands by email: on"), check)
    }

    // MARK: Support

    private func startDaemon(extra: String = "") throws -> DaemonFixture {
        let daemon = try DaemonFixture(server: server, extraConfiguration: extra)
        try daemon.useFixedReplySecret()
        try daemon.start()
        return daemon
    }

    /// A complaint about BSO Morel; returns its reference and the handler's assignment mail.
    private func openCase(_ daemon: DaemonFixture, parent: String, handler: String, inbox: Int = 1) throws -> (String, ParsedMessage) {
        try server.send(from: server.address(parent), to: ["klachten@example.test"], complaintMail(
            from: server.address(parent), name: "Ouder \(parent)", subject: "Klacht over BSO Morel",
            body: "Mijn dochter stond om 18:15 nog alleen bij de deur van BSO Morel."))
        try server.waitForInbox(parent, count: 1)
        let assignment = try XCTUnwrap(server.waitForInbox(handler, count: inbox).last)
        let reference = try XCTUnwrap(assignment.subject.flatMap { subject in
            subject.range(of: "KL-[0-9]{4}-[0-9]{4}", options: .regularExpression).map { String(subject[$0]) }
        })
        return (reference, assignment)
    }

    private func handlerReply(from: String, to: String, replyingTo original: ParsedMessage, body: String,
                              extraHeaders: [String] = []) -> String {
        let id = original.messageID ?? ""
        return ([
            "From: \(from)", "To: \(to)", "Subject: Re: \(original.subject ?? "")", "Date: Mon, 16 Nov 2026 10:00:00 +0100",
            "Message-ID: <\(UUID().uuidString)@example.test>", "In-Reply-To: <\(id)>", "References: <\(id)>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ] + extraHeaders).joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }

    /// The case is untouched, the parent has only the acknowledgement, the claimed handler nothing new,
    /// and the quality staff `quality` notices.
    private func assertNothingChanged(_ daemon: DaemonFixture, reference: String, parent: String, handler: String,
                                      handlerMails: Int = 1, quality: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        try daemon.waitUntil("the message is decided", file: file, line: line) {
            let messages = try daemon.caseDetail(reference)["messages"] as? [[String: Any]] ?? []
            return messages.filter { $0["direction"] as? String == "in" }.count >= 2
        }
        if quality > 0 { try server.waitForInbox("kwaliteit", count: quality) }
        Thread.sleep(forTimeInterval: 2.5)
        let detail = try daemon.caseDetail(reference)
        XCTAssertEqual(detail["state"] as? String, "assigned", file: file, line: line)
        XCTAssertNil(detail["outcome"] as? String, file: file, line: line)
        XCTAssertNil(detail["measures_due"] as? String, file: file, line: line)
        XCTAssertEqual(try server.inbox(parent).count, 1, "the parent got nothing", file: file, line: line)
        XCTAssertEqual(try server.inbox(handler).count, handlerMails, "no backscatter", file: file, line: line)
        XCTAssertEqual(try server.inbox("kwaliteit").count, quality, file: file, line: line)
    }

    private static func amsterdamToday() -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        return calendar.date(bySettingHour: 12, minute: 0, second: 0, of: Date()) ?? Date()
    }

    /// The first working day (Dutch holidays, weekends) on or after `date`, at the same hour.
    private static func workingDay(onOrAfter date: Date) -> Date {
        let calendar = WorkingDayCalendar(holidays: DutchHolidays())
        var day = date
        while let local = LocalDate(iso: iso(day)), !calendar.isWorkingDay(local) { day = day.addingTimeInterval(86_400) }
        return day
    }

    private static func iso(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    private static func dutchDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
        return "\(c.day ?? 0) \(months[(c.month ?? 1) - 1]) \(c.year ?? 0)"
    }
}
