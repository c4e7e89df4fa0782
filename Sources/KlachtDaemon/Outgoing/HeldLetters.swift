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
    static let heldNotWithheld: Set<String> = [
        "acknowledgement", "neutral-receipt", "judgement-letter", "extension-notice", "closing-letter", "handler-message",
    ]

    /// Renders the letter, keeps it as `held`, records why on the case and tells the quality staff.
    func hold(_ template: String, recipients: [String], caseRecord: CaseRecord, extra: Extra, reason: String) throws -> Int64? {
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
        let why = bounced
            ? "een eerdere e-mail aan dit adres kwam terug als onbestelbaar, dus klachtd verstuurt er voorlopig niets automatisch heen"
            : "de grens voor automatische berichten is bereikt (\(reason)). Dit bericht komt één keer per dag; "
                + "`klachtd status` telt alle vastgehouden brieven"
        try enqueueSystemNotice(
            subject: "Vastgehouden: \(Self.letterName(template)) [\(caseRecord.reference)]",
            text: """
                De \(Self.letterName(template)) in dossier \(caseRecord.reference) is niet verstuurd maar vastgehouden: \(why).

                De klachtenprocedure vraagt om deze brief. Neem op een andere manier contact op met de indiener \
                (telefoon of post), en leg dat vast met `klachtd case \(caseRecord.reference) drop-held --reason "..."`; \
                of verstuur de brief alsnog met `klachtd case \(caseRecord.reference) send-held` als het adres wel werkt. \
                De brief staat bij het dossier: `klachtd case \(caseRecord.reference)`.
                """, caseID: caseRecord.id)
        return outboxID
    }

    /// The letter's name in a Dutch sentence ("de ontvangstbevestiging").
    static func letterName(_ template: String) -> String {
        switch template {
        case "acknowledgement", "neutral-receipt": "ontvangstbevestiging"
        case "judgement-letter": "oordeelsbrief"
        case "extension-notice": "verlengingsbericht"
        case "closing-letter": "afsluitende brief"
        case "handler-message": "reactie van de behandelaar"
        default: template
        }
    }
}
