import CaseStore
import ComplaintCore
import Foundation
import MailTemplates

/// One pass of the scheduler: read the cases, ask the pure `Scheduler` what is due, queue it exactly once.
///
/// Each due mail is claimed in `scheduled_sent` and queued in the outbox in one transaction,
/// with an event on its case: a crash before the commit leaves nothing (the next pass does it
/// again), a crash after it leaves the mail in the outbox. A second pass, a second process
/// (`klachtd tick` beside the daemon) or a restart finds the key claimed and sends nothing.
public struct SchedulerRun {
    /// A mail this pass queued, for the log and `klachtd tick`.
    public struct Queued: Sendable, Equatable, CustomStringConvertible {
        public var reference: String?
        public var key: String
        public var template: TemplateName
        public var recipients: [String]

        public var description: String {
            "\(reference ?? "-") \(key) \(template) → \(recipients.isEmpty ? "(nobody)" : recipients.joined(separator: ", "))"
        }
    }

    let runtime: Runtime
    let store: CaseStore
    let renderer: MailRenderer

    public init(runtime: Runtime, store: CaseStore) {
        self.runtime = runtime
        self.store = store
        renderer = MailRenderer(runtime: runtime, store: store)
    }

    /// The scheduler for the runtime's terms and calendar.
    var scheduler: Scheduler {
        let terms = runtime.configuration.terms
        return Scheduler(policy: runtime.termPolicy, calendar: runtime.workingDays, civil: runtime.civil,
                         settings: ScheduleSettings(progressUpdateWorkingDays: terms.progressUpdateWorkingDays,
                                                    satisfactionWorkingDays: terms.satisfactionWorkingDays,
                                                    satisfactionReminderWorkingDays: terms.satisfactionReminderWorkingDays,
                                                    satisfactionEscalationWorkingDays: terms.satisfactionEscalationWorkingDays))
    }

    /// Queues every mail due now; returns what was queued (nothing when all was sent before).
    @discardableResult
    public func run() throws -> [Queued] {
        let now = runtime.clock.now()
        // Automatic mail the limit on new addresses held goes out as the hour and the day allow.
        try FirstContactLimit(runtime: runtime, store: store, renderer: renderer).releaseDue()
        let facts = try ScheduledCaseFacts(runtime: runtime, store: store).load(now: now)
        var queued: [Queued] = []
        for mail in scheduler.due(cases: facts.cases, globalSentKeys: facts.globalKeys, now: now) {
            if let done = try queue(mail, record: mail.caseID.flatMap { facts.records[$0] }, now: now) {
                queued.append(done)
                runtime.logger.info("scheduled: \(done.reference ?? "-") \(done.key) (\(done.template))")
            }
        }
        // The annual report's round: the January draft and the reminders from April (issue 20).
        queued += try ReportCycleRun(runtime: runtime, store: store, renderer: renderer).run(now: now)
        return queued
    }

    /// Claims and queues one mail in one transaction; nil when another pass already claimed it.
    private func queue(_ mail: ScheduledMail, record: Case?, now: Date) throws -> Queued? {
        let description = mail.description { DateWording.format($0, english: mail.english) }
        return try store.transaction {
            guard try store.claimScheduled(caseID: mail.caseID, key: mail.key, now: now) else { return nil }
            var recipients: [String] = []
            if case .digest(let digest) = mail.topic {
                if try renderer.enqueueDigest(digest) != nil { recipients = runtime.configuration.organisation.quality }
            } else if let record {
                let extra = try self.extra(for: mail, record: record, description: description)
                let intents = mail.audiences.map { MailIntent(mail.template, to: $0) } + mail.also
                for intent in intents {
                    let addresses = renderer.addresses(for: intent.audience, record)
                    // Management falls back to the quality staff: one copy each is enough.
                    guard !addresses.isEmpty, intent.template != mail.template || !Set(addresses).isSubset(of: recipients) else { continue }
                    if try renderer.enqueue(intent.template, to: intent.audience, caseRecord: record, extra: extra) != nil {
                        recipients += addresses
                    }
                }
                try recordSatisfaction(mail, now: now)
            }
            try store.appendEvent(caseID: mail.caseID, actor: "klachtd", action: Self.action(for: mail.topic), from: nil, to: nil,
                                  reason: "\(mail.key): \(description)", rawMessageID: nil, now: now)
            return Queued(reference: mail.reference?.description, key: mail.key, template: mail.template, recipients: recipients)
        }
    }

    static func action(for topic: ScheduleTopic) -> String {
        switch topic {
        case .termEnding, .weeksElapsed: "reminder queued"
        case .termPassed: "escalation queued"
        case .digest: "weekly digest queued"
        case .progressUpdate: "progress update queued"
        case .satisfactionQuestion: "satisfaction question queued"
        case .satisfactionReminder: "satisfaction reminder queued"
        case .dissatisfied: "dissatisfaction escalated"
        case .safeguardingUnanswered: "safeguarding reminder queued"
        case .suspensionReview: "suspension review queued"
        case .awaitingAssignment: "management reminded to assign"
        case .judgementInReview: "quality staff reminded of the judgement in review"
        }
    }

    /// The template values beyond the case's own: the sentence, and the parent's answer for the quality staff.
    private func extra(for mail: ScheduledMail, record: Case, description: String) throws -> MailRenderer.Extra {
        // A judgement waiting for the second reader: the reminder goes to the quality staff and shows their commands.
        var inReview = false
        if case .judgementInReview = mail.topic { inReview = true }
        var extra: MailRenderer.Extra = ["reminder": .object(["description": .string(description), "in_review": .bool(inReview)])]
        if case .progressUpdate = mail.topic { extra["update"] = .object(["text": .string("")]) }
        if case .safeguardingUnanswered = mail.topic {
            // The officer and the deputy need the message itself to act on it.
            let message = try store.caseMessages(caseID: record.id).first { $0.direction == .incoming && $0.role == .complainant }
            extra["alert"] = .object(["description": .string(description)])
            extra["case"] = .object(["text": .string(message?.text ?? "")])
        }
        if case .dissatisfied(let answer) = mail.topic {
            let check = try store.satisfaction(caseID: record.id)
            extra["satisfaction"] = .object([
                "answer": .string(answer?.label(english: mail.english) ?? (mail.english ? "no answer" : "geen antwoord")),
                "text": .string(check?.text ?? ""),
                "asked_date": .string(check.map { DateWording.format(runtime.civil.localDate(of: $0.askedAt), english: mail.english) } ?? ""),
                // The parent's letter says which happened: "you are not satisfied" and "we heard nothing" are different letters.
                "not_satisfied": .bool(answer == .notSatisfied), "no_answer": .bool(answer == nil),
            ])
        }
        return extra
    }

    /// The question and its reminder are recorded on the case in the same transaction as their key.
    private func recordSatisfaction(_ mail: ScheduledMail, now: Date) throws {
        guard let caseID = mail.caseID else { return }
        switch mail.topic {
        case .satisfactionQuestion: try store.recordSatisfactionAsked(caseID: caseID, now: now)
        case .satisfactionReminder: try store.recordSatisfactionReminded(caseID: caseID, now: now)
        default: return
        }
    }
}
