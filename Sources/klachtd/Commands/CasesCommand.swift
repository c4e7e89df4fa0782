import CaseStore
import ComplaintCore
import Foundation
import JSONText
import KlachtDaemon
import MailParser

struct CasesCommand: Command {
    let summary = "list cases (reference, state, received, complainant, location, subject, decision due)"
    let usage = """
        Usage: klachtd cases [--config FILE] [--open] [--json]

        Newest first. --open leaves out closed, withdrawn and not-a-complaint cases.
        --json prints one array of objects with reference, state, kind, received_at,
        complainant, location, handler, subject, decision_due and flags.
        """

    func run(_ arguments: Arguments) throws -> Int32 {
        let runtime = try runtime(arguments)
        let cases = try runtime.openStore().allCases(openOnly: arguments.has("--open"))
        if arguments.has("--json") {
            Output.out(JSONValue.array(cases.map { CaseJSON.summary($0) }).serialized())
            return 0
        }
        guard !cases.isEmpty else {
            Output.out("No cases yet.")
            return 0
        }
        let rows = cases.map { record in
            [record.reference.description, record.state.dutchLabel, CaseText.localTime(record.receivedAt, runtime),
             record.complainantAddress ?? "(geen adres)", record.location ?? "-", String((record.subject ?? "").prefix(40)),
             record.decisionDue?.iso ?? "-"]
        }
        Output.out(Table.render(header: ["referentie", "status", "ontvangen", "klager", "locatie", "onderwerp", "oordeel uiterlijk"], rows: rows))
        return 0
    }
}

struct CaseCommand: Command {
    let summary = "show one case with its terms, events and messages; or act on it (assign, judge, close, ...)"
    let usage = """
        Usage: klachtd case KL-YYYY-NNNN [--config FILE] [--json]

        """ + CaseActionCommands.usage
    var valuedOptions: Set<String> { Set(["--config", "--now"]).union(CaseActionCommands.valuedOptions) }

    func run(_ arguments: Arguments) throws -> Int32 {
        guard let word = arguments.positional.first else { throw UsageError("name the case, e.g. klachtd case KL-2026-0001") }
        if word == "new" { return try DisputeCaseCommand.run(arguments, runtime: try runtime(arguments)) }
        guard let reference = CaseReference(word) else { throw UsageError("'\(word)' is not a case reference like KL-2026-0001") }
        let runtime = try runtime(arguments)
        if arguments.positional.count > 1 {
            return try CaseActionCommands.run(arguments, reference: reference, runtime: runtime)
        }
        let store = try runtime.openStore()
        guard let record = try store.caseRecord(reference: reference) else {
            Output.err("klachtd: no case \(reference)")
            return 1
        }
        let events = try store.events(caseID: record.id)
        let messages = try store.caseMessages(caseID: record.id)
        let outbox = try store.outbox(caseID: record.id)
        let fields = try store.formFields(caseID: record.id)
        let measures = try store.measures(caseID: record.id)
        let satisfaction = try store.satisfaction(caseID: record.id)
        let reportText = try store.reportNote(caseID: record.id, .annualSummary)
        if arguments.has("--json") {
            Output.out(CaseJSON.detail(record, events: events, messages: messages, outbox: outbox, formFields: fields, measures: measures,
                                       satisfaction: satisfaction, reportText: reportText).serialized())
        } else {
            Output.out(CaseText.detail(record, events: events, messages: messages, outbox: outbox, formFields: fields, measures: measures,
                                       satisfaction: satisfaction, reportText: reportText, runtime: runtime))
        }
        return 0
    }
}

/// A plain text table with columns as wide as their widest cell.
enum Table {
    /// Every cell is one line with its control characters escaped (`TerminalText`): cells
    /// hold names, subjects and reasons from outside.
    static func render(header: [String], rows: [[String]]) -> String {
        let all = ([header] + rows).map { $0.map { TerminalText.safe($0) } }
        let header = all[0], rows = Array(all.dropFirst())
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
    }
}
