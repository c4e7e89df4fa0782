import CaseStore
import ComplaintCore
import Foundation

/// Letters the complaint procedure requires are never silently withheld.
///
/// When a mail to the parent may not go out now (the address bounced, or it got its share of
/// automatic replies), an ordinary courtesy mail is simply not sent. But the acknowledgement,
/// the judgement, the extension notice, the closing letter and a handler's own answer are
/// written in full and kept in the outbox as `held`: the case shows them (`klachtd case REF`),
/// the quality staff are told at once, and `klachtd case REF send-held` sends them after all
/// (e.g. once the address is known to work), or `drop-held` records that they went another way.
extension MailRenderer {
    /// The mails that are held rather than withheld.
    static let heldNotWithheld: Set<TemplateName> = [
        .acknowledgement, .neutralReceipt, .judgementLetter, .extensionNotice, .closingLetter, .handlerMessage,
    ]

    /// Renders the letter, keeps it as `held`, records why on the case and tells the quality staff.
    func hold(_ template: TemplateName, recipients: [String], caseRecord: Case, extra: Extra, reason: String) throws -> Int64? {
        let now = runtime.clock.now()
        guard let outboxID = try enqueueOne(template, to: .complainant, recipients: recipients, caseRecord: caseRecord,
                                            extra: extra) else { return nil }
        try store.markHeld(id: outboxID, reason: reason)
        try store.appendEvent(caseID: caseRecord.id, actor: "klachtd", action: "mail held", from: nil, to: nil,
                              reason: "\(template): \(reason)", rawMessageID: nil, now: now)
        runtime.logger.warning("\(caseRecord.reference): \(template) held, not sent: \(reason); the quality staff are told")
        let bounced = try store.suppression(of: recipients[0], now: now) != nil
        // A letter held for a bounce is told at once, each one; letters held by a flood limit are told
        // once a day for them all (a flood of complaints must not become a flood of notices).
        let flood = !bounced
        guard try store.claimScheduled(caseID: flood ? nil : caseRecord.id,
                                       key: flood ? "held:\(template):\(runtime.civil.localDate(of: now).iso)" : "held:\(outboxID)",
                                       now: now) else { return outboxID }
        let english = runtime.templates.language == "en"
        try enqueueNotice(.heldNotice, values: [
            "case": ["reference": .string(caseRecord.reference.description)],
            "held": ["letter": .string(Self.letterName(template, english: english)), "bounced": .bool(bounced), "reason": .string(reason)],
        ], caseID: caseRecord.id)
        return outboxID
    }

    /// The letter's name in a sentence of the notice ("de ontvangstbevestiging", "the acknowledgement").
    static func letterName(_ template: TemplateName, english: Bool = false) -> String {
        if english {
            switch template {
            case .acknowledgement, .neutralReceipt: return "acknowledgement"
            case .judgementLetter: return "judgement letter"
            case .extensionNotice: return "extension letter"
            case .closingLetter: return "closing letter"
            case .handlerMessage: return "handler's message"
            default: return template.rawValue
            }
        }
        return switch template {
        case .acknowledgement, .neutralReceipt: "ontvangstbevestiging"
        case .judgementLetter: "oordeelsbrief"
        case .extensionNotice: "verlengingsbericht"
        case .closingLetter: "afsluitende brief"
        case .handlerMessage: "reactie van de behandelaar"
        default: template.rawValue
        }
    }
}
