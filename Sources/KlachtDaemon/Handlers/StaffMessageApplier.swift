import CaseStore
import ComplaintCore
import Foundation
import MailParser
import MailTemplates

/// Records staff messages on their case: a verified one with its commands carried out, an
/// unverified one kept apart with (at most once a day per case) a notice to the quality staff.
struct StaffMessageApplier {
    let runtime: Runtime
    let store: CaseStore
    let renderer: MailRenderer
    let now: Date

    func apply(_ plan: StaffMessagePlan, message: InboundMessage, rawID: Int64) throws {
        try record(message, on: plan.caseID, role: MessageRole(plan.role), verified: true, rawID: rawID)
        try store.appendEvent(caseID: plan.caseID, actor: plan.sender, action: "message from the \(plan.role.rawValue)",
                              from: nil, to: nil, reason: plan.script.hasCommands ? "with commands" : "note", rawMessageID: rawID, now: now)
        if !plan.safeguardingHits.isEmpty, let caseRecord = try store.caseRecord(id: plan.caseID) {
            try alertSafeguardingOfficer(plan, message: message, on: caseRecord, rawID: rawID)
        }
        guard plan.script.hasCommands, let caseRecord = try store.caseRecord(id: plan.caseID) else { return }
        try CommandExecutor(runtime: runtime, store: store, renderer: renderer)
            .execute(plan.script, role: plan.role, actor: plan.sender, on: caseRecord, replyTo: plan.sender, rawID: rawID, now: now)
    }

    func apply(_ plan: UnverifiedPlan, message: InboundMessage, rawID: Int64) throws {
        try record(message, on: plan.caseID, role: MessageRole(rawValue: plan.claimedRole) ?? .other, verified: false, rawID: rawID)
        try store.appendEvent(caseID: plan.caseID, actor: plan.sender ?? "unknown", action: "unverified message kept",
                              from: nil, to: nil, reason: plan.reason, rawMessageID: rawID, now: now)
        guard plan.alertsQuality, let caseRecord = try store.caseRecord(id: plan.caseID) else { return }
        let today = runtime.civil.localDate(of: now)
        // One notice per case per day: a flood of forgeries must not become a flood of mail.
        guard try store.claimScheduled(caseID: plan.caseID, key: "unverified-notice:\(today.iso)", now: now) else { return }
        let english = runtime.language(forLocation: caseRecord.location) == "en"
        let received = DateWording.format(runtime.civil.localDate(of: message.receivedAt), english: english)
        try renderer.enqueue(.unverifiedMessage, to: .quality, caseRecord: caseRecord, extra: ["unverified": .object([
            "sender": .string(plan.sender ?? "(geen afzender)"), "received": .string(received), "reason": .string(plan.reason),
        ])])
    }

    /// A colleague's words that may point to abuse reach the safeguarding officer, with the
    /// message; the case is left as it is (a handler's "er was geen sprake van geweld" must not
    /// stop the procedure), and the officer restricts it with `#meldcode` in reply when needed.
    private func alertSafeguardingOfficer(_ plan: StaffMessagePlan, message: InboundMessage, on caseRecord: Case, rawID: Int64) throws {
        try store.appendEvent(caseID: plan.caseID, actor: "klachtd", action: "safeguarding words in a staff message",
                              from: nil, to: nil, reason: plan.safeguardingHits.joined(separator: ", "), rawMessageID: rawID, now: now)
        let english = runtime.language(forLocation: caseRecord.location) == "en"
        try renderer.enqueue(.staffSafeguardingNotice, to: .safeguarding, caseRecord: caseRecord, extra: [
            "screening": .object(["hits": .list(plan.safeguardingHits.map(TemplateValue.string))]),
            "staff": .object(["text": .string(message.replyText ?? message.text ?? ""), "sender": .string(plan.sender),
                              "role": .string(DeskWords(english: english).role(MessageRole(plan.role)))]),
        ])
    }

    private func record(_ message: InboundMessage, on caseID: Int64, role: MessageRole, verified: Bool, rawID: Int64) throws {
        try store.addCaseMessage(caseID: caseID, CaseMessage(
            direction: .incoming, role: role, messageID: message.messageID, subject: message.subject,
            text: message.replyText ?? message.text, verified: verified, at: message.receivedAt, rawMessageID: rawID, outboxID: nil))
    }
}
