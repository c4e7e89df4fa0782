@testable import CaseStore
import ComplaintCore
import Foundation
@testable import KlachtDaemon
import MailParser
import XCTest

/// The known limit of session 5: in an English organisation the desk's mails were English
/// around Dutch values ("in behandeling", "verstreken", "maandag 4 mei 2026", "binnen van
/// ouder"). Now `#zaken` and `#zaak` say them in English, and a Dutch organisation's mail is
/// unchanged (StaffDeskTests pins it).
final class EnglishDeskTests: XCTestCase {
    private var directory = ""
    private let received = "2026-05-04T10:00:00+02:00"
    /// Dutch words that were inside the English desk mails.
    private let dutch = ["in behandeling", "ontvangst bevestigd", "verstreken", "deze week", "op schema", "geen locatie",
                         "nog niet aangewezen", "Ontvangstbevestiging", "Eerste contact", "Maatregelen", "binnen van",
                         "verstuurd aan", "behandelaar", "maandag", "dinsdag", "mei 2026", "juni 2026", "openstaand",
                         "afgerond of loopt niet", "(onbekend)", "12 maanden"]

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-english-desk-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func process(at moment: String) throws -> (Runtime, CaseStore) {
        let configuration = try unitTestConfiguration(directory: directory, organisation: "language = en", sections: """
            [location "Kids Club"]
            handler = kidsclub@example.test
            aliases = kids club
            regime = wko
            """)
        let runtime = try Runtime(configuration: configuration, clock: Clock(fixed: try XCTUnwrap(try? Date(moment, strategy: .iso8601))))
        return (runtime, try runtime.openStore())
    }

    /// A parent's complaint from Gmail, in English, about Kids Club.
    private func deliverComplaint() throws {
        let (runtime, store) = try process(at: received)
        let mail = "From: Emma Clarke <emma.clarke@example.test>\r\nTo: klachten@example.test\r\nSubject: Complaint about Kids Club\r\n"
            + "Message-ID: <CAExample\(UUID().uuidString)@mail.gmail.com>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "My daughter was left waiting at the door of Kids Club for twenty minutes on Friday.\r\n\r\nKind regards,\r\nEmma\r\n"
        try deliverForTest(mail, runtime: runtime, store: store)
    }

    /// The desk's answer to `reading` at `moment`, rendered as the quality officer receives it.
    private func answer(_ reply: (StaffDesk) throws -> StaffDesk.Reply, at moment: String) throws -> ParsedMessage {
        let (runtime, store) = try process(at: moment)
        let renderer = MailRenderer(runtime: runtime, store: store)
        let desk = StaffDesk(runtime: runtime, store: store, renderer: renderer, now: runtime.clock.now())
        let made = try reply(desk)
        var values = made.values
        values["request"] = .object(["subject": .string("desk")])
        let id = try XCTUnwrap(try renderer.enqueueStaffMail(made.template, values: values, kind: OutboxKind(made.template),
                                                            to: ["kwaliteit@example.test"], strict: true))
        let bytes = try XCTUnwrap(try store.db.query("SELECT bytes FROM outbox WHERE id = ?", [.integer(id)]).first?.bytes("bytes"))
        return MessageParser.parse(bytes)
    }

    private func assertEnglish(_ mail: ParsedMessage, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try XCTUnwrap(mail.text, file: file, line: line)
        let html = try XCTUnwrap(mail.html, file: file, line: line)
        for word in dutch {
            XCTAssertFalse(text.contains(word), "Dutch '\(word)' in the text:\n\(text)", file: file, line: line)
            XCTAssertFalse(html.contains(word), "Dutch '\(word)' in the HTML", file: file, line: line)
        }
        for word in expected { XCTAssertTrue(text.contains(word), "'\(word)' missing:\n\(text)", file: file, line: line) }
    }

    func testCasesListsStatesTermsAndDatesInEnglish() throws {
        try deliverComplaint()
        let mail = try answer({ try $0.cases(.open) }, at: "2026-05-14T09:00:00+02:00")
        try assertEnglish(mail, ["in progress", "Kids Club", "overdue", "Monday 4 May 2026"])
    }

    func testCaseFileShowsTermsMessagesAndRolesInEnglish() throws {
        try deliverComplaint()
        let mail = try answer({ try $0.caseFile(CaseReference(year: 2026, number: 1)) }, at: "2026-05-14T09:00:00+02:00")
        try assertEnglish(mail, ["Acknowledgement", "First contact", "Judgement", "Geschillencommissie (12 months)",
                                 "received from parent", "sent to parent", "in progress"])
    }

    func testARefusalIsEnglishToo() throws {
        let mail = try answer({ desk in
            do { _ = try desk.caseFile(CaseReference(year: 2026, number: 9)); return StaffDesk.Reply(template: .deskHelp, values: [:]) }
            catch let refusal as StaffDesk.DeskRefusal {
                return StaffDesk.Reply(template: .deskProblem, values: ["desk": .object(["problem": .string(refusal.text)])])
            }
        }, at: "2026-05-14T09:00:00+02:00")
        XCTAssertTrue(mail.text?.contains("There is no case KL-2026-0009.") ?? false, mail.text ?? "")
    }

    /// The `#help` a handler of an English location gets is English, with the Dutch words beside them.
    func testHelpForAnEnglishLocationIsEnglish() throws {
        try deliverComplaint()
        let (runtime, store) = try process(at: "2026-05-06T09:00:00+02:00")
        let record = try XCTUnwrap(try store.caseRecord(reference: CaseReference(year: 2026, number: 1)))
        _ = try store.transaction {
            try CommandExecutor(runtime: runtime, store: store).execute(CommandParser.parse("#help"), role: .handler,
                actor: "kidsclub@example.test", on: record, replyTo: "kidsclub@example.test", rawID: nil, now: runtime.clock.now())
        }
        let bytes = try XCTUnwrap(try store.db.query("SELECT bytes FROM outbox WHERE kind = 'command-reply'").first?.bytes("bytes"))
        let text = try XCTUnwrap(MessageParser.parse(bytes).text)
        XCTAssertTrue(text.contains("#judgement OUTCOME        (#oordeel) upheld, partly-upheld or unfounded"), text)
        XCTAssertTrue(text.contains("#approve                  (#akkoord)"), text)
        XCTAssertFalse(text.contains("de tekst eronder gaat naar de ouder"), text)
    }

    /// The report round's dates are confirmed, and refused, in English too.
    func testTheReportRoundAnswersInEnglish() throws {
        try deliverComplaint()
        let recorded = try answer({ try $0.reportRound("#report-sent 2027-05-20\n#parent-committee 12-5-2027", sender: "kwaliteit@example.test") },
                                  at: "2027-05-25T10:00:00+02:00")
        let text = try XCTUnwrap(recorded.text)
        XCTAssertTrue(text.contains("The annual report 2026 was sent to the GGD on Thursday 20 May 2027."), text)
        XCTAssertTrue(text.contains("The annual report 2026 was discussed with the parent committee on Wednesday 12 May 2027."), text)
        let (runtime, store) = try process(at: "2027-05-25T10:00:00+02:00")
        let desk = StaffDesk(runtime: runtime, store: store, renderer: MailRenderer(runtime: runtime, store: store), now: runtime.clock.now())
        XCTAssertThrowsError(try desk.reportRound("#report-sent tomorrow", sender: "kwaliteit@example.test")) { error in
            XCTAssertEqual((error as? StaffDesk.DeskRefusal)?.text, "#report-sent needs the date; write e.g. '#report-sent 2027-05-25' or '#report-sent 25-5-2027'")
        }
    }

    /// A refused command is explained in English too, in the mail the handler gets back.
    func testARefusedCommandIsExplainedInEnglish() throws {
        try deliverComplaint()
        let (runtime, store) = try process(at: "2026-05-06T09:00:00+02:00")
        let record = try XCTUnwrap(try store.caseRecord(reference: CaseReference(year: 2026, number: 1)))
        _ = try store.transaction {
            try CommandExecutor(runtime: runtime, store: store).execute(CommandParser.parse("#judgement maybe\n\nWe looked into it."),
                role: .handler, actor: "kidsclub@example.test", on: record, replyTo: "kidsclub@example.test", rawID: nil, now: runtime.clock.now())
        }
        let bytes = try XCTUnwrap(try store.db.query("SELECT bytes FROM outbox WHERE kind = 'command-reply'").first?.bytes("bytes"))
        let text = try XCTUnwrap(MessageParser.parse(bytes).text)
        XCTAssertTrue(text.contains("- #judgement 'maybe' is not an outcome; choose upheld, partly-upheld or unfounded"), text)
        XCTAssertFalse(text.contains("is geen uitkomst"), text)
        XCTAssertTrue(try store.events(caseID: record.id).contains { $0.reason?.contains("is geen uitkomst") ?? false },
                      "the case's log keeps the Dutch sentence")
    }

    /// Every English word the help names is one the parser reads.
    func testEveryCommandTheEnglishHelpNamesIsUnderstood() {
        let commands = CommandVocabulary.helpEnglish.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("#") else { return nil }
            return String(trimmed.prefix { $0 != " " })
        }
        XCTAssertEqual(commands.count, 29, "\(commands)")
        for command in commands where command != "#help" {
            let script = CommandParser.parse(command + " 2026-07-01 reden tekst")
            XCTAssertFalse(script.errors.contains { $0.dutch.contains("is geen opdracht") }, "\(command): \(script.errors)")
        }
        XCTAssertTrue(CommandParser.parse("#judgement partly-upheld\n\nReasons.").errors.isEmpty)
        XCTAssertTrue(CommandParser.parse("#measure-done all").errors.isEmpty)
        XCTAssertTrue(CommandParser.parse("#contact phone").errors.isEmpty)
        XCTAssertTrue(CommandParser.parse("#term 4 weeks").errors.isEmpty)
    }
}
