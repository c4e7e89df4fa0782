import CaseStore
import Foundation
import KlachtDaemon
import MailParser

struct QuarantineCommand: Command {
    let summary = "list the messages kept aside because they could not be processed"
    let usage = """
        Usage: klachtd quarantine [--config FILE] [--json]

        Every message is kept raw; one that was too large or could not be processed is set
        aside here and reported to the quality staff. Fix the cause, then run
        `klachtd reprocess ID`.
        """

    func run(_ arguments: Arguments) throws -> Int32 {
        let runtime = try runtime(arguments)
        let held = try runtime.openStore().quarantined()
        if arguments.has("--json") {
            Output.out(JSONValue.array(held.map { record in
                .object([("id", .int(record.id)), ("received_at", .string(Timestamp.string(record.receivedAt))),
                         ("size", .int(Int64(record.bytes.count))), ("sha256", .string(record.sha256)),
                         ("reason", record.note.map(JSONValue.string) ?? .null)])
            }).serialized())
            return 0
        }
        guard !held.isEmpty else {
            Output.out("No messages in quarantine.")
            return 0
        }
        Output.out(Table.render(header: ["id", "ontvangen", "bytes", "reden"], rows: held.map {
            [String($0.id), CaseText.localTime($0.receivedAt, runtime), String($0.bytes.count), $0.note ?? ""]
        }))
        return 0
    }
}

struct ReprocessCommand: Command {
    let summary = "run a quarantined (or duplicate) message through intake again"
    let usage = """
        Usage: klachtd reprocess ID [--config FILE]

        Puts the stored message back in line and processes it now, with the current
        configuration and templates; mails it causes are queued and sent as usual.
        """

    func run(_ arguments: Arguments) throws -> Int32 {
        guard let word = arguments.positional.first, let id = Int64(word) else { throw UsageError("name the message id shown by klachtd quarantine") }
        let runtime = try runtime(arguments)
        let store = try runtime.openStore()
        let requeued = try store.transaction { () throws -> Bool in
            guard try store.requeueRaw(id: id) else { return false }
            try store.appendEvent(caseID: nil, actor: "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "root")",
                                  action: "reprocess", from: nil, to: nil, reason: "raw message \(id)", rawMessageID: id, now: runtime.clock.now())
            return true
        }
        guard requeued else {
            Output.err("klachtd: message \(id) is not in quarantine (see klachtd quarantine)")
            return 1
        }
        try IntakeProcessor(runtime: runtime, store: store).processPending()
        let record = try store.rawMessage(id: id)
        Output.out("message \(id): \(record?.status ?? "?")" + (record?.note.map { " (\($0))" } ?? ""))
        _ = try? OutboxSender(runtime: runtime, store: store).sendDue()
        return record?.status == "quarantined" ? 1 : 0
    }
}
