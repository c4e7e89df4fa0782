import CaseStore
import ComplaintCore
import Foundation
import KlachtDaemon

/// `klachtd case REF ACTION ...`: what a handler does by email, for cases handled by phone or in person.
///
/// Each action is written as the command a handler would put in a reply and goes through the
/// same parser, planner and executor, recorded with actor `cli:<user>`.
enum CaseActionCommands {
    static let usage = """
        Usage: klachtd case KL-YYYY-NNNN ACTION [arguments] [--config FILE] [--now ISO8601]

        Actions (the email command in brackets):
          assign ADDRESS                                (#toewijzen) another handler from the configuration
          judge gegrond|deels-gegrond|ongegrond         (#oordeel) sends the judgement letter to the parent
                --reasons-file FILE | --reasons TEXT       the reasoning (required)
                [--measure TEXT --term DATE|"N weken"]...  measures, each with its term (one --term for all is fine)
          answer --text-file FILE | --text TEXT         (#antwoord) a message to the parent, in their thread
          measure-done N|--all                          (#maatregel-gereed) measure N (from 1) or all are carried out;
                                                           with a satisfied parent the case then closes with the closing letter
          contact [DATE] telefonisch|gesprek|mail       (#contact) the handler was in touch with the parent (default: today);
                                                           meets the first-contact term
          resolve --text TEXT                           (#opgelost) the parent agreed the complaint is solved without a
                                                           judgement; TEXT goes into the letter to the parent word for word
          close [--reason TEXT]                         (#gesloten) closes a case that is not a complaint, or a complaint
                                                           after its judgement; the standard closing letter, the reason stays
                                                           in the file
          withdraw --reason TEXT                        (#ingetrokken) the parent gets a confirmation (without the reason)
          suspend [--review DATE] --reason TEXT         (#geschorst) the parent is told; the handler is reminded on DATE
                                                           (default: in two weeks)
          resume                                        (#hervatten) a suspended case goes on; the parent is told
          extend WEEKS --reason TEXT                    (#verlengen) Wkkgz only; sends the extension notice
          category NAME | location NAME | kind KIND     (#categorie, #locatie, #soort)
          report-text TEXT                              (#jaarverslag) the complaint's description in the annual report:
                                                           what it was about, the judgement and the measures, no names
          address ADDRESS                               (#adres) the parent's other address, confirmed: mail goes there
          referral DATE                                 (#klachtenloket) the parent went to the Klachtenloket Kinderopvang
          dispute DATE                                  (#geschil) submitted to the Geschillencommissie Kinderopvang
          ruling gegrond|deels-gegrond|ongegrond|ingetrokken|schikking DATE
                                                        (#uitspraak) the Geschillencommissie's ruling; closes the case
          meldcode [--reason TEXT]                      (#meldcode) puts the case under the meldcode; on a case under it,
                                                           closes it (the reason is then required)
          release                                       (#vrijgeven) starts the complaint procedure: handler, terms from
                                                           receipt, acknowledgement to the parent
          approve                                       (#akkoord) with [procedure] review_judgements: the judgement held
                                                           for the second reader goes to the parent
          return --reason TEXT                          (#terug) the held judgement goes back to its handler with TEXT
          send-held                                     sends the letters held for this case (see `klachtd case REF`)
          drop-held --reason TEXT                       records that the held letters reached the person another way

        A dispute that never went through the internal procedure, or that the oudercommissie brought:
          klachtd case new --dispute DATE [--by ouder|oudercommissie] [--location NAME] [--category NAME]
                           [--ruling OUTCOME --ruling-date DATE]

        Mails are queued at once and sent now when the server answers, else by the running daemon; the command
        says per mail whether it was sent, queued, or held (not sent: a bouncing address or too many automatic
        replies), and held letters are shown on the case and reported to the quality staff.
        """

    static let valuedOptions: Set<String> = Set(["--measure", "--term", "--reasons-file", "--reasons", "--text-file", "--text", "--reason",
                                             "--review"]).union(DisputeCaseCommand.valuedOptions)

    static func run(_ arguments: Arguments, reference: CaseReference, runtime: Runtime) throws -> Int32 {
        let action = arguments.positional.dropFirst().first?.lowercased()
        let script = action == "send-held" || action == "drop-held" ? nil : CommandParser.parse(try text(for: arguments))
        let store = try runtime.openStore()
        guard let record = try store.caseRecord(reference: reference) else {
            Output.err("klachtd: no case \(reference)")
            return 1
        }
        let actor = "cli:" + (ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown")
        guard let script else {
            return try HeldMailCommands.run(arguments, release: action == "send-held", record: record, actor: actor, store: store, runtime: runtime)
        }
        let mark = try MailOutcomes.mark(store, caseID: record.id)
        let plan = try store.transaction {
            try CommandExecutor(runtime: runtime, store: store)
                .execute(script, role: .operator, actor: actor, on: record, replyTo: nil, rawID: nil, now: runtime.clock.now())
        }
        guard plan.errors.isEmpty else {
            Output.err("klachtd: nothing changed on \(reference):\n" + plan.errors.map { "  - \($0)" }.joined(separator: "\n"))
            return 1
        }
        let updated = try store.caseRecord(id: record.id)
        do {
            try OutboxSender(runtime: runtime, store: store).sendDue()
        } catch {
            Output.err("klachtd: the mail server did not answer (\(error)); the running daemon sends the queued mail later")
        }
        // What really became of each mail, read back after the send: sent, queued, held or not sent.
        let outcomes = try MailOutcomes.since(mark, store: store, caseID: record.id)
        Output.out("\(reference): \(updated?.state.dutchLabel ?? "?"); \(plan.changes.count) change(s), \(outcomes.count) mail(s)")
        for outcome in outcomes { Output.out("  " + MailOutcomes.line(outcome)) }
        if outcomes.contains(where: { $0.state == .held }), try MailOutcomes.staffTold(mark, store: store, caseID: record.id) {
            Output.out("  the quality staff are told; `klachtd case \(reference) send-held` sends held mail after all")
        }
        return 0
    }

    /// The action as the lines a handler would write; the text below them is the body.
    static func text(for arguments: Arguments) throws -> String {
        let words = Array(arguments.positional.dropFirst())
        guard let action = words.first?.lowercased() else { throw UsageError("name an action, e.g. judge, assign or close") }
        let rest = words.dropFirst().map(oneLine).joined(separator: " ")
        let reason = arguments["--reason"].map(oneLine) ?? ""
        switch action {
        case "assign": return "#toewijzen \(rest)"
        case "category": return "#categorie \(rest)"
        case "location": return "#locatie \(rest)"
        case "address": return "#adres \(rest)"
        case "kind": return "#soort \(rest)"
        case "report-text": return "#jaarverslag \(rest)"
        case "close": return "#gesloten \(reason)"
        case "withdraw": return "#ingetrokken \(reason)"
        case "suspend": return "#geschorst " + (arguments["--review"].map { oneLine($0) + " " } ?? "") + reason
        case "resume": return "#hervatten"
        case "resolve": return "#opgelost " + oneLine(try body(arguments, file: "--text-file", inline: "--text"))
        case "contact": return "#contact \(rest)"
        case "referral": return "#klachtenloket \(rest)"
        case "dispute": return "#geschil \(rest)"
        case "ruling": return "#uitspraak \(rest)"
        case "extend": return "#verlengen \(rest) \(reason)"
        case "measure-done": return "#maatregel-gereed " + (arguments.has("--all") ? "alle" : rest)
        case "meldcode": return "#meldcode \(reason)"
        case "release": return "#vrijgeven"
        case "approve": return "#akkoord"
        case "return": return "#terug \(reason)"
        case "answer": return "#antwoord\n\n" + (try body(arguments, file: "--text-file", inline: "--text"))
        case "judge": return try judgement(rest, arguments)
        default: throw UsageError("unknown action '\(action)'")
        }
    }

    private static func judgement(_ outcome: String, _ arguments: Arguments) throws -> String {
        let measures = arguments.values("--measure").map(oneLine), terms = arguments.values("--term").map(oneLine)
        var lines = ["#oordeel \(outcome)"]
        if terms.count == measures.count {
            for (measure, term) in zip(measures, terms) { lines += ["#maatregel \(measure)", "#termijn \(term)"] }
        } else if terms.count == 1 {
            lines += measures.map { "#maatregel \($0)" } + ["#termijn \(terms[0])"]
        } else {
            throw UsageError("give one --term for all measures, or one --term after each --measure")
        }
        return lines.joined(separator: "\n") + "\n\n" + (try body(arguments, file: "--reasons-file", inline: "--reasons"))
    }

    private static func body(_ arguments: Arguments, file: String, inline: String) throws -> String {
        if let path = arguments[file] {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw UsageError("\(file) \(path) cannot be read as UTF-8 text")
            }
            return text
        }
        return arguments[inline] ?? ""
    }

    /// An argument cannot start a new command line.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
