import CaseStore
import ComplaintCore
import Foundation
import MailTemplates

/// Carries out a plan of commands on a case inside the caller's transaction: its changes, its
/// mails, and the reply to whoever gave them. The mail path and the command line share it.
public struct CommandExecutor {
    let runtime: Runtime
    let store: CaseStore
    let renderer: MailRenderer

    public init(runtime: Runtime, store: CaseStore) {
        self.init(runtime: runtime, store: store, renderer: MailRenderer(runtime: runtime, store: store))
    }

    init(runtime: Runtime, store: CaseStore, renderer: MailRenderer) {
        self.runtime = runtime
        self.store = store
        self.renderer = renderer
    }

    /// Plans and applies `script`; with errors nothing changes and `replyTo` (if any) is told why.
    @discardableResult
    public func execute(_ script: CommandScript, role: CommandRole, actor: String, on caseRecord: Case,
                        replyTo: String?, rawID: Int64?, now: Date) throws -> CommandPlan {
        var plan = CommandPlanner.plan(script, role: role, facts: try facts(for: caseRecord, now: now))
        // The report text is published: no name, address or number the system knows (issue 18).
        if plan.errors.isEmpty, let problem = ReportTextGuard(runtime: runtime, record: caseRecord).problem(in: plan) { plan.errors.append(problem) }
        let mark = try MailOutcomes.mark(store, caseID: caseRecord.id)
        // With a second reader the judgement is held, the rest of the plan is carried out now.
        let held = runtime.configuration.reviewJudgements && plan.errors.isEmpty ? JudgementReview.held(in: &plan) : nil
        if plan.errors.isEmpty, let leak = try refuseLeak(plan, actor: actor, on: caseRecord, rawID: rawID, now: now) {
            plan.errors.append(leak)
        } else if plan.errors.isEmpty, let held {
            try apply(JudgementReview.withoutJudgement(plan), actor: actor, caseID: caseRecord.id, rawID: rawID, now: now)
            try JudgementReview(executor: self).hold(held, caseID: caseRecord.id, actor: actor, role: role, rawID: rawID, now: now)
        } else if plan.errors.isEmpty {
            try apply(plan, actor: actor, caseID: caseRecord.id, rawID: rawID, now: now)
        } else {
            try store.appendEvent(caseID: caseRecord.id, actor: actor, action: "commands refused", from: nil, to: nil,
                                  reason: plan.errors.map(\.dutch).joined(separator: "; "), rawMessageID: rawID, now: now)
        }
        // A letter the command asked for that is held (or not sent) is told to whoever gave it, never left unsaid.
        let problems = MailOutcomes.dutchProblems(try MailOutcomes.since(mark, store: store, caseID: caseRecord.id))
        if plan.needsReply || !problems.isEmpty, let replyTo, let current = try store.caseRecord(id: caseRecord.id) {
            // The reply is in the staff member's language: the location's.
            let english = runtime.language(forLocation: current.location) == "en"
            try renderer.enqueue(.commandReply, to: .handler, caseRecord: current, extra: ["command": .object([
                "errors": .list(plan.errors.map { .string($0.text(english: english)) }),
                "help": .string(plan.needsReply ? CommandVocabulary.help(english: english) : ""),
                "mail_problems": .list(problems.map(TemplateValue.string)),
            ])], recipients: [replyTo])
        }
        return plan
    }

    /// Checks every text of `plan` that would reach the parent; when one carries a token address
    /// or a staff mail's words, records the refusal, tells the quality staff, and returns the
    /// error for the reply to the handler. Nothing of the plan is then carried out.
    private func refuseLeak(_ plan: CommandPlan, actor: String, on record: Case, rawID: Int64?, now: Date) throws -> CommandProblem? {
        let texts = plan.mails.flatMap { mail -> [String] in
            switch mail {
            case .answer(let text): [text]
            case .judgement(_, let reasons, let measures): [reasons] + measures.map(\.text)
            case .termExtension(_, let reason, _): [reason]
            case .closing(let reason): reason.map { [$0] } ?? []
            case .resolution(let text): [text]
            case .assignment, .unassigned, .releaseAcknowledgement, .withdrawal, .suspension, .resumption: []
            }
        }
        guard !texts.isEmpty else { return nil }
        let guardrail = ParentTextGuard(runtime: runtime, reference: record.reference, handler: record.handler)
        guard let problem = texts.lazy.compactMap(guardrail.problem(in:)).first else { return nil }
        try store.appendEvent(caseID: record.id, actor: actor, action: "text to the parent refused", from: nil, to: nil,
                              reason: problem.dutch, rawMessageID: rawID, now: now)
        runtime.logger.warning("\(record.reference): a text for the parent was refused: it holds a reply token or staff text")
        try renderer.enqueueNotice(.parentTextRefusedNotice, values: [
            "case": ["reference": .string(record.reference.description)],
            "refused": ["actor": .string(actor), "problem": .string(problem.text(english: runtime.templates.language == "en"))],
        ], caseID: record.id, kind: .parentTextRefused)
        return CommandProblem("Je tekst is niet naar de ouder gestuurd: \(problem.dutch). Haal de geciteerde e-mail onder je tekst weg "
                              + "(of stuur alleen je eigen tekst) en stuur het opnieuw.",
                              english: "Your text was not sent to the parent: \(problem.english). Remove the quoted e-mail below your "
                              + "text (or send only your own text) and send it again.")
    }

    /// What the planner checks against: the case, its terms as they stand, and the organisation.
    func facts(for record: Case, now: Date) throws -> CaseFacts {
        let receipt = runtime.terms(received: record.receivedAt, regime: record.regime)
        var terms: CaseTerms?
        if let due = record.decisionDue {
            let setByCommand = try due > receipt.decisionDue && store.wasUpdated(caseID: record.id, column: .decisionDue)
            terms = receipt.recording(decisionDue: due, setByCommand: setByCommand)
        }
        let configuration = runtime.configuration
        var facts = CaseFacts(case: record, terms: terms, locations: configuration.locations,
                              assignableAddresses: Set(configuration.locations.compactMap(\.handler) + configuration.organisation.quality),
                              termPolicy: runtime.termPolicy, today: runtime.civil.localDate(of: now))
        facts.measuresDone = try store.measures(caseID: record.id).map { $0.doneAt != nil }
        // Released from the meldcode late, the parent is not told a first-contact date already gone by.
        var release = receipt
        release.firstContactDue = max(receipt.firstContactDue, runtime.terms(received: now, regime: record.regime).firstContactDue)
        facts.receiptTerms = release
        facts.receivedDate = receipt.receivedDate
        facts.calendar = runtime.workingDays
        facts.judgementUnderReview = try store.pendingJudgement(caseID: record.id) != nil
        return facts
    }

    func apply(_ plan: CommandPlan, actor: String, caseID: Int64, rawID: Int64?, now: Date) throws {
        for change in plan.changes {
            guard let current = try store.caseRecord(id: caseID) else { return }
            switch change {
            case .transition(let action, let reason):
                guard case .success(let next) = CaseStateMachine.next(from: current.state, on: action) else { continue }
                try store.changeState(caseID: caseID, from: current.state, to: next, actor: actor, action: action.rawValue,
                                      reason: reason, rawMessageID: rawID, now: now)
            case .set(let field, let value):
                try store.updateCase(caseID: caseID, column: Self.column(field), value: value, actor: actor, reason: nil,
                                     rawMessageID: rawID, now: now)
                if field == .kind, value != current.kind.rawValue {
                    try KindChange(runtime: runtime, store: store, renderer: renderer)
                        .apply(caseID: caseID, from: current.kind, actor: actor, rawID: rawID, now: now)
                }
            case .setDate(let field, let day):
                // Written and logged as `LocalDate.iso`, the text the store's readers parse (`set decision_due`, `= 2026-07-13`).
                try store.updateCase(caseID: caseID, column: Self.column(field), value: day?.iso, actor: actor, reason: nil,
                                     rawMessageID: rawID, now: now)
            case .recordMeasures(let measures):
                try store.addMeasures(caseID: caseID, measures, now: now)
                // The nature of the measures and their terms belong in the annual report, which outlives the case's personal data.
                let summary = measures.map { "\($0.text) (termijn \($0.due.iso))" }.joined(separator: "; ")
                try store.setReportNote(caseID: caseID, .measures, summary, actor: actor, now: now)
            case .annualSummary(let text):
                try store.setReportNote(caseID: caseID, .annualSummary, text, actor: actor, now: now)
            case .completeMeasures(let positions):
                try store.completeMeasures(caseID: caseID, positions: positions, now: now)
                try store.appendEvent(caseID: caseID, actor: actor, action: "measures done", from: nil, to: nil,
                                      reason: "maatregel " + positions.map { String($0 + 1) }.joined(separator: ", "),
                                      rawMessageID: rawID, now: now)
            case .recordContact, .recordReferral, .recordDispute, .recordRuling:
                try ProcedureRecords(store: store).record(change, caseID: caseID, actor: actor, rawID: rawID, now: now)
            case .approveJudgement:
                try JudgementReview(executor: self).approve(caseID: caseID, actor: actor, rawID: rawID, now: now)
            case .returnJudgement(let remark):
                try JudgementReview(executor: self).returnToHandler(caseID: caseID, remark: remark, actor: actor, rawID: rawID, now: now)
            }
        }
        guard let updated = try store.caseRecord(id: caseID) else { return }
        let mails = CommandMails(runtime: runtime, store: store, renderer: renderer)
        for mail in plan.mails { try mails.send(mail, on: updated) }
        if plan.changes.contains(where: { if case .completeMeasures = $0 { true } else { false } }) {
            try SatisfiedClosing(runtime: runtime, store: store, renderer: renderer).closeIfSettled(caseID: caseID, now: now)
        }
    }

    private static func column(_ field: CaseField) -> CaseColumn {
        switch field {
        case .handler: .handler
        case .location: .location
        case .category: .category
        case .outcome: .outcome
        case .kind: .kind
        case .complainantAddress: .complainantAddress
        }
    }

    private static func column(_ field: CaseDateField) -> CaseColumn {
        switch field {
        case .decisionDue: .decisionDue
        case .measuresDue: .measuresDue
        case .acknowledgementDue: .acknowledgementDue
        case .firstContactDue: .firstContactDue
        case .solutionTargetDue: .solutionTargetDue
        case .gckWindowEnd: .gckWindowEnd
        case .reviewDue: .reviewDue
        }
    }
}
