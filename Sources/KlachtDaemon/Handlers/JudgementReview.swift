import CaseStore
import ComplaintCore
import Foundation
import MailTemplates

/// The second reader (`[procedure] review_judgements = yes`): a judgement goes to the quality
/// staff as a draft first, and to the parent only on a quality officer's `#akkoord`.
///
/// Until then the case is not judged: its state and terms stay as they were, so the scheduler
/// keeps reminding and escalating the decision term. What is held is the judgement's content
/// (outcome, reasons, measures with their concrete dates); `#akkoord` carries out the plan
/// `#oordeel` would have, so the parent gets the letter the reader saw.
struct JudgementReview {
    let executor: CommandExecutor
    var runtime: Runtime { executor.runtime }
    var store: CaseStore { executor.store }
    var renderer: MailRenderer { executor.renderer }

    /// What is held: enough to plan the judgement again.
    struct Held: Codable, Equatable {
        struct Measure: Codable, Equatable {
            var text: String
            var due: String
        }

        var outcome: String
        var reasons: String
        var measures: [Measure]

        var judgementOutcome: JudgementOutcome? { JudgementOutcome(rawValue: outcome) }
        var plannedMeasures: [PlannedMeasure] { measures.compactMap { m in LocalDate(iso: m.due).map { PlannedMeasure(text: m.text, due: $0) } } }
    }

    /// The judgement of a plan, when it has one. A judgement held for review cannot carry other
    /// state changes with it (they would assume the judgement was given): that is an error on the plan.
    static func held(in plan: inout CommandPlan) -> Held? {
        guard let judgement = plan.mails.lazy.compactMap({ mail -> Held? in
            guard case .judgement(let outcome, let reasons, let measures) = mail else { return nil }
            return Held(outcome: outcome.rawValue, reasons: reasons, measures: measures.map { Held.Measure(text: $0.text, due: $0.due.iso) })
        }).first else { return nil }
        let others = plan.changes.contains { change in
            if CommandPlanner.isJudgementChange(change) { return false }
            if case .transition = change { return true }
            return false
        }
        if others || plan.mails.count > 1 {
            plan.errors.append(CommandProblem("een #oordeel gaat eerst ter controle naar Kwaliteit; stuur andere opdrachten die de zaak "
                                              + "verder zetten in een apart bericht",
                                              english: "a #judgement first goes to Quality for review; send other commands that move the "
                                              + "case on in a separate message"))
            return nil
        }
        return judgement
    }

    /// The plan without its judgement: what is carried out at once (a category, a report text).
    static func withoutJudgement(_ plan: CommandPlan) -> CommandPlan {
        var rest = plan
        rest.changes.removeAll(where: CommandPlanner.isJudgementChange)
        rest.mails.removeAll { if case .judgement = $0 { true } else { false } }
        return rest
    }

    /// Holds the judgement and sends the quality staff the letter exactly as the parent would get it.
    func hold(_ held: Held, caseID: Int64, actor: String, role: CommandRole, rawID: Int64?, now: Date) throws {
        guard let record = try store.caseRecord(id: caseID), let outcome = held.judgementOutcome else { return }
        let json = String(decoding: try JSONEncoder().encode(held), as: UTF8.self)
        try store.holdJudgement(caseID: caseID, judgement: json, actor: actor, role: role.rawValue, now: now)
        try store.appendEvent(caseID: caseID, actor: actor, action: "judgement held for review", from: nil, to: nil,
                              reason: "oordeel: \(outcome.dutchLabel); wacht op #akkoord van Kwaliteit", rawMessageID: rawID, now: now)
        let letter = try draftLetter(held, outcome: outcome, record: record, now: now)
        try renderer.enqueue(.judgementReview, to: .quality, caseRecord: record, extra: ["review": .object([
            "author": .string(actor), "outcome": .string(outcome.dutchLabel),
            "letter_subject": .string(letter.subject), "letter": .string(letter.body),
            "parent_has_address": .bool(record.complainantAddress != nil),
        ])])
        // The handler who wrote it by mail hears where it is; an operator at the command line sees the event.
        if role != .operator, let handler = record.handler, handler.lowercased() == actor.lowercased() {
            try renderer.enqueue(.judgementHeld, to: .handler, caseRecord: record,
                                 extra: ["review": .object(["outcome": .string(outcome.dutchLabel)])])
        }
    }

    /// The judgement letter as the parent would get it now: the judgement is applied under a
    /// savepoint, the letter rendered by the same renderer and values, and everything rolled back.
    private func draftLetter(_ held: Held, outcome: JudgementOutcome, record: Case, now: Date) throws -> RenderedMail {
        struct Rendered: Error { let mail: RenderedMail }
        let plan = CommandPlanner.heldJudgement(outcome: outcome, reasons: held.reasons, measures: held.plannedMeasures,
                                                facts: try executor.facts(for: record, now: now))
        let english = runtime.language(forLocation: record.location) == "en"
        let values = CommandMails.judgementValues(outcome: outcome, reasons: held.reasons, measures: held.plannedMeasures, english: english)
        do {
            try store.savepoint { () throws -> Void in
                let changes = plan.changes.filter(CommandPlanner.isJudgementChange)
                try executor.apply(CommandPlan(changes: changes), actor: "klachtd", caseID: record.id, rawID: nil, now: now)
                let judged = try store.caseRecord(id: record.id) ?? record
                throw Rendered(mail: try renderer.render(.judgementLetter, to: .complainant, caseRecord: judged,
                                                         recipient: judged.complainantAddress, extra: values))
            }
        } catch let rendered as Rendered {
            return rendered.mail
        }
        throw DaemonError.missingTemplate(.judgementLetter)
    }

    /// `#akkoord`: the held judgement is carried out as `#oordeel` would have been, by its author.
    func approve(caseID: Int64, actor: String, rawID: Int64?, now: Date) throws {
        guard let pending = try store.pendingJudgement(caseID: caseID), let record = try store.caseRecord(id: caseID) else { return }
        let held = try JSONDecoder().decode(Held.self, from: Data(pending.judgement.utf8))
        guard let outcome = held.judgementOutcome else { return }
        let plan = CommandPlanner.heldJudgement(outcome: outcome, reasons: held.reasons, measures: held.plannedMeasures,
                                                facts: try executor.facts(for: record, now: now))
        guard plan.errors.isEmpty else {
            // The case moved on meanwhile (withdrawn, closed): nothing goes to the parent, the judgement waits no
            // more, and the quality staff are told.
            try store.decideJudgement(id: pending.id, state: .notSent, by: actor, remark: plan.errors.map(\.dutch).joined(separator: "; "), now: now)
            try store.appendEvent(caseID: caseID, actor: actor, action: "judgement not sent", from: nil, to: nil,
                                  reason: plan.errors.map(\.dutch).joined(separator: "; "), rawMessageID: rawID, now: now)
            try renderer.enqueueNotice(.judgementNotSentNotice, values: [
                "case": ["reference": .string(record.reference.description)],
                "judgement": ["problem": .string(plan.errors.map { $0.text(english: runtime.templates.language == "en") }
                    .joined(separator: "; "))],
            ], caseID: caseID, kind: .judgementNotSent)
            return
        }
        try store.decideJudgement(id: pending.id, state: .approved, by: actor, remark: nil, now: now)
        try store.appendEvent(caseID: caseID, actor: actor, action: "judgement approved", from: nil, to: nil,
                              reason: "tweede lezer akkoord; oordeel van \(pending.actor)", rawMessageID: rawID, now: now)
        try executor.apply(plan, actor: pending.actor, caseID: caseID, rawID: rawID, now: now)
    }

    /// `#terug TEXT`: the handler gets the remark; the case stays open and its terms keep running.
    func returnToHandler(caseID: Int64, remark: String, actor: String, rawID: Int64?, now: Date) throws {
        guard let pending = try store.pendingJudgement(caseID: caseID), let record = try store.caseRecord(id: caseID) else { return }
        let held = try? JSONDecoder().decode(Held.self, from: Data(pending.judgement.utf8))
        try store.decideJudgement(id: pending.id, state: .returned, by: actor, remark: remark, now: now)
        try store.appendEvent(caseID: caseID, actor: actor, action: "judgement returned", from: nil, to: nil,
                              reason: remark, rawMessageID: rawID, now: now)
        try renderer.enqueue(.judgementReturned, to: .handler, caseRecord: record, extra: ["review": .object([
            "reviewer": .string(actor), "remark": .string(remark),
            "outcome": .string(held?.judgementOutcome?.dutchLabel ?? ""), "reasons": .string(held?.reasons ?? ""),
        ])])
    }
}
