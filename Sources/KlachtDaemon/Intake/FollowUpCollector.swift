import CaseStore
import ComplaintCore
import Foundation
import MailTemplates

/// Many messages from a parent on one case in a short time reach the handler as one notice (issue 17).
///
/// The first message's notice goes at once, as before. A message within `[limits]
/// follow_up_collect_minutes` of the last notice waits in one collecting notice that goes out
/// when that time is up; each further message replaces it (it was never sent) with one that
/// holds every message since the last notice. So a flood of a hundred messages makes two mails
/// to the handler, not a hundred, and nothing the parent wrote is left out.
struct FollowUpCollector {
    let runtime: Runtime
    let store: CaseStore
    let renderer: MailRenderer
    let now: Date

    /// Texts in one notice at most; the rest are counted and are on the case.
    static let maximumTexts = 20

    func enqueue(_ mail: MailIntent, caseRecord: Case, text: String) throws {
        let window = Double(runtime.configuration.floodLimits.followUpCollectMinutes * 60)
        try store.withdrawWaiting(caseID: caseRecord.id, kind: OutboxKind(mail.template), now: now)
        let previous = try store.latestCaseMail(caseID: caseRecord.id, kind: OutboxKind(mail.template))
        guard window > 0, let previous, now < previous.createdAt.addingTimeInterval(window) else {
            try renderer.enqueue(mail.template, to: mail.audience, caseRecord: caseRecord, extra: Self.followUp(text))
            return
        }
        let texts = try store.incomingTexts(caseID: caseRecord.id, role: .complainant, afterOutboxID: previous.id)
        let collected = texts.count > 1 ? collectedText(texts, reference: caseRecord.reference.description,
                                                        english: runtime.language(forLocation: caseRecord.location) == "en") : text
        let due = previous.createdAt.addingTimeInterval(window)
        for recipientMail in try enqueued(mail, caseRecord: caseRecord, text: collected) {
            try store.deferQueued(outboxID: recipientMail, until: due)
        }
        try store.appendEvent(caseID: caseRecord.id, actor: "klachtd", action: "follow-up notice collected", from: nil, to: nil,
                              reason: "\(texts.count) message(s) since the last notice; sent \(Timestamp.string(due))",
                              rawMessageID: nil, now: now)
    }

    /// Queues the notice and returns every outbox id it made (one per staff recipient).
    private func enqueued(_ mail: MailIntent, caseRecord: Case, text: String) throws -> [Int64] {
        let before = try store.latestCaseMail(caseID: caseRecord.id, kind: OutboxKind(mail.template))?.id ?? 0
        try renderer.enqueue(mail.template, to: mail.audience, caseRecord: caseRecord, extra: Self.followUp(text))
        return try store.outbox(caseID: caseRecord.id).filter { $0.kind == OutboxKind(mail.template) && $0.id > before }.map(\.id)
    }

    static func followUp(_ text: String) -> MailRenderer.Extra {
        ["follow_up": .object(["text": .string(text)])]
    }

    /// "3 berichten sinds de vorige melding:" and each message under its time.
    private func collectedText(_ texts: [(at: Date, text: String)], reference: String, english: Bool) -> String {
        let shown = texts.suffix(Self.maximumTexts)
        var parts = [english ? "\(texts.count) messages since the previous notice:" : "\(texts.count) berichten sinds de vorige melding:"]
        if texts.count > shown.count {
            parts.append(english ? "(the \(texts.count - shown.count) oldest are on the case: klachtd case \(reference))"
                         : "(de \(texts.count - shown.count) oudste staan in het dossier: klachtd case \(reference))")
        }
        for (index, item) in shown.enumerated() {
            let number = texts.count - shown.count + index + 1
            parts.append("[\(number)] \(CivilText.time(item.at, runtime.civil))\n\(item.text)")
        }
        return parts.joined(separator: "\n\n")
    }
}
