import CaseStore
import Foundation
import JSONText
import KlachtDaemon
import MailParser

struct QuarantineCommand: Command {
    let summary = "list the messages kept aside, and those answered to nobody (robots, lists, bounces)"
    let usage = """
        Usage: klachtd quarantine [--config FILE] [--json] [--days N]

        Every message is kept raw; one that was too large or could not be processed is set
        aside here and reported to the quality staff. Fix the cause, then run
        `klachtd reprocess ID`.

        Below them: the messages of the last N days (30) klachtd answered to nobody and made
        no case of (auto-replies, mailing lists, bounces, postmaster senders, its own mail
        come back), each with the reason, so a person's message among them is not missed.
        With --json every entry has "status": quarantined or ignored.
        """
    let valuedOptions: Set<String> = ["--config", "--now", "--days"]

    func run(_ arguments: Arguments) throws -> Int32 {
        let runtime = try runtime(arguments)
        let store = try runtime.openStore()
        let held = try store.quarantined()
        let days = Int(arguments["--days"] ?? "30") ?? 30
        let ignored = try store.ignoredMessages(since: runtime.clock.now().addingTimeInterval(-Double(days) * 86_400))
        if arguments.has("--json") {
            func entry(_ record: RawMessageRecord) -> JSONValue {
                .object([("id", .int(record.id)), ("status", .string(record.status.rawValue)),
                         ("received_at", .string(Timestamp.string(record.receivedAt))),
                         ("size", .int(Int64(record.size))), ("sha256", .string(record.sha256)),
                         ("case_id", record.caseID.map(JSONValue.int) ?? .null),
                         ("reason", record.note.map(JSONValue.string) ?? .null)])
            }
            Output.out(JSONValue.array((held + ignored).map(entry)).serialized())
            return 0
        }
        if held.isEmpty {
            Output.out("No messages in quarantine.")
        } else {
            Output.out(Table.render(header: ["id", "ontvangen", "bytes", "reden"], rows: held.map {
                [String($0.id), CaseText.localTime($0.receivedAt, runtime), String($0.size), $0.note ?? ""]
            }))
        }
        Output.out("")
        if ignored.isEmpty {
            Output.out("No messages answered to nobody in the last \(days) days.")
        } else {
            Output.out("Answered to nobody in the last \(days) days (niet beantwoord): \(ignored.count)")
            Output.out(Table.render(header: ["id", "ontvangen", "bytes", "reden"], rows: ignored.map {
                [String($0.id), CaseText.localTime($0.receivedAt, runtime), String($0.size), $0.note ?? ""]
            }))
        }
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
        // A message still over the limit would only be set aside again, unread: say what to
        // change instead.
        let limit = runtime.configuration.maxMessageBytes
        if let held = try store.quarantined().first(where: { $0.id == id }), held.size > limit {
            Output.err("klachtd: message \(id) is \(held.size) bytes, over [limits] max_message_bytes (\(limit)); raise the limit first")
            return 1
        }
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
        Output.out("message \(id): \(record?.status.rawValue ?? "?")" + (record?.note.map { " (\($0))" } ?? ""))
        _ = try? OutboxSender(runtime: runtime, store: store).sendDue()
        return record?.status == .quarantined ? 1 : 0
    }
}
