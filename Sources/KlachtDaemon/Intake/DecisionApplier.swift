import CaseStore
import ComplaintCore
import Foundation
import MailParser
import MailTemplates

/// Carries out an intake decision inside the caller's transaction: the case, its message,
/// its events and its mails.
struct DecisionApplier {
    let runtime: Runtime
    let store: CaseStore
    let renderer: MailRenderer
    let now: Date

    /// Returns the case the message ended up on, if any.
    func apply(_ decision: IntakeDecision, message: InboundMessage, parsed: ParsedMessage, rawID: Int64) throws -> Int64? {
        switch decision {
        case .ignore(let reason, let caseID):
            if message.isBounce, let bounce = parsed.bounce {
                try recordBounce(bounce, threadIDs: message.threadIDs, rawID: rawID)
            }
            if let caseID {
                try record(message, parsed: parsed, on: caseID, role: message.isBounce ? .bounce : .automatic, rawID: rawID)
                try store.appendEvent(caseID: caseID, actor: "klachtd", action: "automatic mail kept", from: nil, to: nil,
                                      reason: reason, rawMessageID: rawID, now: now)
            }
            return caseID
        case .newCase(let plan):
            return try openCase(plan, message: message, parsed: parsed, rawID: rawID)
        case .followUp(let plan):
            try record(message, parsed: parsed, on: plan.caseID, role: MessageRole(plan.role), rawID: rawID)
            try store.appendEvent(caseID: plan.caseID, actor: message.from?.address ?? "unknown",
                                  action: "message from the \(plan.role.rawValue)", from: nil, to: nil, reason: nil,
                                  rawMessageID: rawID, now: now)
            if plan.role == .complainant {
                try SatisfactionReply(runtime: runtime, store: store, renderer: renderer)
                    .record(message.replyText ?? message.text ?? "", caseID: plan.caseID, rawID: rawID,
                            from: message.from?.address ?? "unknown", at: message.receivedAt, now: now)
            }
            if plan.restrictsCase, let caseRecord = try store.caseRecord(id: plan.caseID) {
                try SafeguardingRestriction(store: store, now: now).restrict(caseRecord, hits: plan.safeguardingHits, rawID: rawID)
            }
            if let caseRecord = try store.caseRecord(id: plan.caseID) {
                for mail in plan.mails {
                    if mail.template == .followUpNotice {
                        try FollowUpCollector(runtime: runtime, store: store, renderer: renderer, now: now)
                            .enqueue(mail, caseRecord: caseRecord, text: message.replyText ?? message.text ?? "")
                    } else {
                        // A safeguarding alert or a message from another address goes at once, never collected.
                        try renderer.enqueue(mail.template, to: mail.audience, caseRecord: caseRecord,
                                             extra: ["follow_up": .object(["text": .string(message.replyText ?? message.text ?? ""),
                                                                           "sender": .string(message.from?.address ?? "")]),
                                                     "screening": .object(["hits": .list(plan.safeguardingHits.map(TemplateValue.string))])])
                    }
                }
            }
            return plan.caseID
        case .staffMessage(let plan):
            try StaffMessageApplier(runtime: runtime, store: store, renderer: renderer, now: now).apply(plan, message: message, rawID: rawID)
            return plan.caseID
        case .unverified(let plan):
            try StaffMessageApplier(runtime: runtime, store: store, renderer: renderer, now: now).apply(plan, message: message, rawID: rawID)
            return plan.caseID
        case .keptForQuality(let reason):
            guard try DeskForgeryLimit(store: store, civil: runtime.civil, now: now).admits(message, reason: reason, rawID: rawID) else { return nil }
            try KeptMailNotice(renderer: renderer).send(message, reason: reason, rawID: rawID)
            return nil
        case .staffDesk(let plan):
            return try StaffDesk(runtime: runtime, store: store, renderer: renderer, now: now)
                .run(plan, message: message, parsed: parsed, rawID: rawID)
        }
    }

    private func openCase(_ plan: NewCasePlan, message: InboundMessage, parsed: ParsedMessage, rawID: Int64) throws -> Int64 {
        let received = plan.receivedAt ?? message.receivedAt
        let localReceived = runtime.civil.localDate(of: received)
        let terms = runtime.terms(received: received, regime: plan.regime)
        let clock = plan.kind.startsStatutoryClock && plan.initialState != .safeguarding
        let reference = try store.nextReference(year: localReceived.year)
        let caseID = try store.insertCase(NewCaseRecord(
            state: plan.initialState, kind: plan.kind, regime: plan.regime, receivedAt: received,
            complainantName: plan.complainant?.name, complainantAddress: plan.complainant?.address,
            complainantMessageID: message.messageID, location: plan.location?.name, handler: plan.handler,
            subject: plan.subject, flags: plan.flags,
            acknowledgementDue: plan.initialState == .safeguarding ? nil : terms.acknowledgementDue,
            firstContactDue: clock ? terms.firstContactDue : nil,
            solutionTargetDue: clock ? terms.solutionTargetDue : nil,
            decisionDue: clock ? terms.decisionDue : nil,
            gckWindowEnd: plan.kind.startsStatutoryClock ? terms.gckWindowEnd : nil), reference: reference, now: now)
        try store.appendEvent(caseID: caseID, actor: "klachtd", action: "case opened", from: nil, to: plan.initialState,
                              reason: openingReason(plan), rawMessageID: rawID, now: now)
        if plan.flags.contains(.unusableAddress), let claimed = IntakeDecider.claimedAddress(of: message) {
            // Kept for the quality staff (escaped: it may hold control characters), never written to.
            try store.appendEvent(caseID: caseID, actor: "klachtd", action: "address unusable", from: nil, to: nil,
                                  reason: "the parent's address \(claimed.debugDescription) is not a plain mailbox; nothing is sent to it",
                                  rawMessageID: rawID, now: now)
        }
        // Only English is recorded: Dutch is what every location has templates for anyway.
        if plan.language == "en", runtime.language(forLocation: plan.location?.name) != "en" {
            try store.setCaseLanguage(caseID: caseID, language: "en")
        }
        if let forwarder = plan.forwardedBy {
            try store.appendEvent(caseID: caseID, actor: forwarder.address, action: "passed on by staff", from: nil, to: nil,
                                  reason: "forwarded the complainant's mail" + (plan.receivedAt.map { " of \(Timestamp.string($0))" } ?? ""),
                                  rawMessageID: rawID, now: now)
        }
        if let form = message.form { try store.saveFormFields(caseID: caseID, fields: form.fields) }
        // The opening message whole: a parent's "Fwd:" carries References, but its complaint is the
        // forwarded part. A colleague's forward is kept as the parent's own text (the note is in the raw message).
        try store.addCaseMessage(caseID: caseID, CaseMessage(
            direction: .incoming, role: .complainant, messageID: message.messageID, subject: plan.subject ?? message.subject,
            text: plan.text ?? message.text, verified: true, at: received, rawMessageID: rawID, outboxID: nil))

        guard let caseRecord = try store.caseRecord(id: caseID) else { return caseID }
        let complaintText = plan.text ?? message.form?.description ?? message.text ?? ""
        var renderer = self.renderer
        renderer.openingAttachments = (caseID, parsed.attachments)
        for mail in plan.mails {
            try renderer.enqueue(mail.template, to: mail.audience, caseRecord: caseRecord,
                                 extra: ["case": .object(["text": .string(complaintText)]),
                                         "screening": .object(["hits": .list((plan.safeguardingHits + plan.seriousHits).map(TemplateValue.string))])])
        }
        try advance(caseRecord, plan: plan, rawID: rawID)
        return caseRecord.id
    }

    /// Takes the plan's steps for a new case (`NewCasePlan.transitions`) the state machine allows.
    private func advance(_ caseRecord: Case, plan: NewCasePlan, rawID: Int64) throws {
        var state = caseRecord.state
        for case .transition(let action, var reason) in plan.transitions {
            // Say what really happened: a held acknowledgement is on the case and with the quality staff, not on its way.
            if action == .acknowledge, try store.outbox(caseID: caseRecord.id).contains(where: { $0.state == .held }) {
                reason = "acknowledgement held, not sent (see the case's held mail)"
            }
            guard case .success(let next) = CaseStateMachine.next(from: state, on: action) else { continue }
            try store.changeState(caseID: caseRecord.id, from: state, to: next, actor: "klachtd", action: action.rawValue,
                                  reason: reason, rawMessageID: rawID, now: now)
            state = next
        }
    }

    /// A delivery report for one of our mails (found in the outbox by its Message-ID): the mail
    /// is marked undeliverable, the failed addresses get no automatic mail for a while, and the
    /// quality staff hear of it once. What the report counts for is `DeliveryReportVerdict`'s.
    private func recordBounce(_ bounce: BounceReport, threadIDs: [String], rawID: Int64) throws {
        let candidates = [bounce.originalMessageID].compactMap { $0 } + threadIDs
        guard let mail = try candidates.lazy.compactMap({ try store.outboxMail(messageID: $0) }).first else { return }
        let verdict = DeliveryReportVerdict(bounce.recipients.map { .init(address: $0.address, action: $0.action, status: $0.status) },
                                            sentTo: mail.recipients)
        let failed = verdict.failed.map { bounce.recipients[$0] }
        let strangers = verdict.strangers.map { bounce.recipients[$0] }
        if !strangers.isEmpty {
            try store.appendEvent(caseID: mail.caseID, actor: "klachtd", action: "delivery report not counted", from: nil, to: nil,
                                  reason: "\(mail.kind): it names \(strangers.count) address(es) this mail was not sent to",
                                  rawMessageID: rawID, now: now)
            runtime.logger.warning("a delivery report about outbox \(mail.id) names addresses the mail was not sent to; those are not counted")
        }
        guard verdict.marksMail else { return }
        let diagnostic = failed.map { [$0.address, $0.status, $0.diagnostic].compactMap { $0 }.joined(separator: " ") }.joined(separator: "; ")
        try store.markBounced(id: mail.id, diagnostic: diagnostic.isEmpty ? "delivery report" : diagnostic)
        let days = runtime.configuration.bounceSuppressionDays
        for recipient in failed where days > 0 {
            try store.suppress(address: recipient.address, until: now.addingTimeInterval(Double(days) * 86_400),
                               reason: "bounce of \(mail.kind) \(mail.messageID)", now: now)
        }
        try store.appendEvent(caseID: mail.caseID, actor: "klachtd", action: "mail bounced", from: nil, to: nil,
                              reason: "\(mail.kind): \(diagnostic)", rawMessageID: rawID, now: now)
        // Tell the quality staff once per bounced mail, and never about their own notices (no loops).
        guard let caseID = mail.caseID, mail.kind != .systemNotice,
              try store.claimScheduled(caseID: caseID, key: "bounce:\(mail.id)", now: now),
              let caseRecord = try store.caseRecord(id: caseID) else { return }
        try renderer.enqueueNotice(.bounceNotice, values: [
            "case": ["reference": .string(caseRecord.reference.description)],
            "mail": ["kind": .string(mail.kind.rawValue), "diagnostic": .string(diagnostic), "suppression_days": .string(String(days))],
        ], caseID: caseID)
    }

    private func openingReason(_ plan: NewCasePlan) -> String {
        var parts = ["kind \(plan.kind.rawValue)", "regime \(plan.regime.rawValue)"]
        if !plan.flags.isEmpty { parts.append("flags " + plan.flags.map(\.rawValue).joined(separator: ",")) }
        if !plan.safeguardingHits.isEmpty { parts.append("safeguarding words: " + plan.safeguardingHits.joined(separator: ", ")) }
        if !plan.seriousHits.isEmpty { parts.append("serious: " + plan.seriousHits.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    private func record(_ message: InboundMessage, parsed: ParsedMessage, on caseID: Int64, role: MessageRole, rawID: Int64) throws {
        try store.addCaseMessage(caseID: caseID, CaseMessage(
            direction: .incoming, role: role, messageID: message.messageID, subject: message.subject,
            text: role == .complainant && message.threadIDs.isEmpty ? message.text : (message.replyText ?? message.text),
            verified: true, at: message.receivedAt, rawMessageID: rawID, outboxID: nil))
    }
}
