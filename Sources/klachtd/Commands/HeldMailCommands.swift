import CaseStore
import ComplaintCore
import Foundation
import KlachtDaemon

/// `klachtd case REF send-held` and `drop-held --reason TEXT`: a person's decision about letters
/// klachtd held (see `HeldLetters.swift`): send them after all, or record they went another way.
enum HeldMailCommands {
    static func run(_ arguments: Arguments, release: Bool, record: Case, actor: String, store: CaseStore,
                    runtime: Runtime) throws -> Int32 {
        let now = runtime.clock.now()
        let reason = arguments["--reason"] ?? ""
        guard release || !reason.isEmpty else { throw UsageError("say how the letter reached the person: drop-held --reason TEXT") }
        let held = try store.transaction { () throws -> [OutboxRecord] in
            let mails = release ? try store.releaseHeld(caseID: record.id, now: now)
                                : try store.dropHeld(caseID: record.id, reason: "\(actor): \(reason)")
            for mail in mails {
                // Sending it after all means a person trusts the address again: later letters need not be held for it.
                if release { for address in mail.recipients { try store.unsuppress(address: address) } }
                try store.appendEvent(caseID: record.id, actor: actor, action: release ? "held mail sent after all" : "held mail dropped",
                                      from: nil, to: nil, reason: release ? mail.kind.rawValue : "\(mail.kind): \(reason)", rawMessageID: nil, now: now)
            }
            return mails
        }
        guard !held.isEmpty else {
            Output.err("klachtd: \(record.reference) has no held mail")
            return 1
        }
        guard release else {
            Output.out("\(record.reference): \(held.count) held mail(s) dropped: " + held.map(\.kind.rawValue).joined(separator: ", "))
            return 0
        }
        do {
            try OutboxSender(runtime: runtime, store: store).sendDue()
        } catch {
            Output.err("klachtd: the mail server did not answer (\(error)); the running daemon sends the queued mail later")
        }
        let ids = Set(held.map(\.id))
        Output.out("\(record.reference): \(held.count) held mail(s) released")
        for mail in try store.outbox(caseID: record.id) where ids.contains(mail.id) { Output.out("  " + MailOutcomes.line(mail)) }
        return 0
    }
}
