import CaseStore
import ComplaintCore
import Foundation
import MailParser
import MailTemplates

extension StaffDesk {
    /// `#zaak REF`: the whole case as one mail: parties, terms and their state, measures, the
    /// timeline, every message in and out as text with its files listed, and the staff's notes.
    func caseFile(_ reference: CaseReference) throws -> Reply {
        guard let record = try store.caseRecord(reference: reference) else {
            throw DeskRefusal(text: words.noCase(reference))
        }
        guard record.state != .safeguarding else {
            throw DeskRefusal(text: words.caseUnderMeldcode(reference))
        }
        let civil = runtime.civil
        let words = words
        let outbox = try store.outbox(caseID: record.id)
        let messages = try store.caseMessages(caseID: record.id)
        let measures = try store.measures(caseID: record.id)
        let events = try store.events(caseID: record.id)
        let scheduled = try ScheduledCaseFacts(runtime: runtime, store: store).load(now: now).cases.first { $0.id == record.id }
        let open = scheduled.map { SchedulerRun(runtime: runtime, store: store).scheduler.openTerms(of: $0) } ?? []

        func term(_ due: LocalDate?, watched: WatchedTerm?) -> TemplateValue? {
            guard let due else { return nil }
            let running = watched.map { term in open.contains { $0.term == term } } ?? false
            let urgency = running ? TermUrgency.of(due, now: now, civil: civil) : .none
            var row: [String: TemplateValue] = ["name": .string(words.term(watched)), "due": .string(dateText(due)),
                                                "state": .string(running ? urgency.label(english: words.english) : words.termNotRunning)]
            row["colour"] = .string(urgency.colour)
            return .object(row)
        }
        let terms = [
            term(record.acknowledgementDue, watched: .acknowledgement),
            term(record.firstContactDue, watched: .firstContact),
            term(record.decisionDue, watched: .decision),
            term(record.measuresDue, watched: .measures),
            term(record.gckWindowEnd, watched: nil),
        ].compactMap { $0 }

        var lines: [TemplateValue] = []
        var notes: [TemplateValue] = []
        for message in messages {
            var text = message.text ?? ""
            var files: [String] = []
            if let rawID = message.rawMessageID, let raw = try store.rawMessage(id: rawID), !raw.bytes.isEmpty {
                let parsed = MessageParser.parse(raw.bytes)
                files = parsed.attachments.map { "\($0.filename ?? words.attachment) (\(Self.size($0.size)))" }
                if text.isEmpty { text = parsed.text ?? "" }
            }
            if message.direction == .outgoing, let id = message.outboxID, let mail = outbox.first(where: { $0.id == id }) {
                let parsed = MessageParser.parse(mail.bytes)
                text = parsed.text ?? ""
                files = parsed.attachments.map { "\($0.filename ?? words.attachment) (\(Self.size($0.size)))" }
            }
            let entry: TemplateValue = .object([
                "at": .string(CivilText.time(message.at, civil)),
                "direction": .string(words.direction(message.direction)),
                "role": .string(words.role(message.role)), "subject": .string(message.subject ?? words.noSubject),
                "text": .string(text.trimmingCharacters(in: .whitespacesAndNewlines)), "files": .string(files.joined(separator: ", ")),
                "verified": .bool(message.verified),
            ])
            lines.append(entry)
            if message.direction == .incoming, [MessageRole.handler, .quality, .management, .safeguarding].contains(message.role) { notes.append(entry) }
        }
        let caseValues: [String: TemplateValue] = [
            "reference": .string(record.reference.description), "subject": .string(record.subject ?? words.noSubject),
            "state": .string(words.state(record.state)), "kind": .string(words.kind(record.kind)), "regime": .string(record.regime.rawValue),
            "received": .string(CivilText.time(record.receivedAt, civil)),
            "complainant": .string([record.complainantName, record.complainantAddress.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")),
            "location": .string(record.location ?? words.noLocation), "handler": .string(record.handler ?? words.notYetAssigned),
            "category": .string(record.category ?? ""), "outcome": .string(record.outcome ?? ""),
            "flags": .string(record.flags.map(\.rawValue).joined(separator: ", ")),
        ]
        return Reply(template: .deskCase, values: ["desk": .object([
            "case": .object(caseValues), "terms": .list(terms),
            "measures": .list(measures.map { .object(["text": .string($0.text), "due": .string($0.due.map(dateText) ?? "-"),
                                                      "done": .string(words.measureDone($0.doneAt != nil))]) }),
            "events": .list(events.map { event in
                .object(["at": .string(CivilText.time(event.at, civil)), "actor": .string(event.actor), "action": .string(event.action),
                         "reason": .string(event.reason ?? ""), "state": .string(event.toState ?? "")])
            }),
            "messages": .list(lines), "notes": .list(notes),
        ])])
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(max(1, bytes / 1024)) kB"
    }
}
