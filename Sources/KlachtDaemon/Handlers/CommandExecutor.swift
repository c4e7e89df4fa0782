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
    public func execute(_ script: CommandScript, role: CommandRole, actor: String, on caseRecord: CaseRecord,
                        replyTo: String?, rawID: Int64?, now: Date) throws -> CommandPlan {
        var plan = CommandPlanner.plan(script, role: role, facts: try facts(for: caseRecord, now: now))
        let mark = try MailOutcomes.mark(store, caseID: caseRecord.id)
        if plan.errors.isEmpty, let leak = try refuseLeak(plan, actor: actor, on: caseRecord, rawID: rawID, now: now) {
            plan.errors.append(leak)
        } else if plan.errors.isEmpty {
            try apply(plan, actor: actor, caseID: caseRecord.id, rawID: rawID, now: now)
        } else {
            try store.appendEvent(caseID: caseRecord.id, actor: actor, action: "commands refused", from: nil, to: nil,
                                  reason: plan.errors.joined(separator: "; "), rawMessageID: rawID, now: now)
        }
        // A letter the command asked for that is held (or not sent) is told to whoever gave it, never left unsaid.
        let problems = MailOutcomes.dutchProblems(try MailOutcomes.since(mark, store: store, caseID: caseRecord.id))
        if plan.needsReply || !problems.isEmpty, let replyTo, let current = try store.caseRecord(id: caseRecord.id) {
            try renderer.enqueue("command-reply", to: .handler, caseRecord: current, extra: ["command": .object([
                "errors": .list(plan.errors.map(TemplateValue.string)), "help": .string(plan.needsReply ? CommandVocabulary.help : ""),
                "mail_problems": .list(problems.map(TemplateValue.string)),
            ])], recipients: [replyTo])
        }
        return plan
    }

    /// Checks every text of `plan` that would reach the parent; when one carries a token address
    /// or a staff mail's words, records the refusal, tells the quality staff, and returns the
    /// error for the reply to the handler. Nothing of the plan is then carried out.
    private func refuseLeak(_ plan: CommandPlan, actor: String, on record: CaseRecord, rawID: Int64?, now: Date) throws -> String? {
        let texts = plan.mails.flatMap { mail -> [String] in
            switch mail {
            case .answer(let text): [text]
            case .judgement(_, let reasons, let measures): [reasons] + measures.map(\.text)
            case .termExtension(_, let reason, _): [reason]
            case .closing(let reason): reason.map { [$0] } ?? []
            case .assignment: []
            }
        }
        guard !texts.isEmpty else { return nil }
        let guardrail = ParentTextGuard(runtime: runtime, reference: record.reference, handler: record.handler)
        guard let problem = texts.lazy.compactMap(guardrail.problem(in:)).first else { return nil }
        try store.appendEvent(caseID: record.id, actor: actor, action: "text to the parent refused", from: nil, to: nil,
                              reason: problem, rawMessageID: rawID, now: now)
        runtime.logger.warning("\(record.reference): a text for the parent was refused: it holds a reply token or staff text")
        try renderer.enqueueSystemNotice(
            subject: "Tekst voor de ouder tegengehouden [\(record.reference)]",
            text: "Een opdracht van \(actor) op zaak \(record.reference) is niet uitgevoerd en er is niets naar de ouder gegaan: "
                + "\(problem). Meestal is dat de geciteerde e-mail van de klachtenregistratie onder de tekst. "
                + "De afzender heeft bericht gekregen; het bericht staat bij de zaak.",
            caseID: record.id, kind: "parent-text-refused")
        return "Uw tekst is niet naar de ouder gestuurd: \(problem). Haal de geciteerde e-mail onder uw tekst weg "
            + "(of stuur alleen uw eigen tekst) en stuur het opnieuw."
    }

    /// What the planner checks against: the case, its terms as they stand, and the organisation.
    func facts(for record: CaseRecord, now: Date) throws -> CaseFacts {
        var terms: CaseTerms?
        if let due = record.decisionDue.flatMap(LocalDate.init(iso:)) {
            var current = runtime.terms(received: record.receivedAt, regime: record.regime)
            // The decision date is only ever moved by an extension, and that leaves an event.
            if try store.events(caseID: record.id).contains(where: { $0.action == "set \(CaseColumn.decisionDue.rawValue)" }) {
                current.extensionWeeks = max(1, current.decisionDue.days(until: due) / 7)
            }
            current.decisionDue = due
            terms = current
        }
        let configuration = runtime.configuration
        var facts = CaseFacts(snapshot: record.snapshot, regime: record.regime, terms: terms, locations: configuration.locations,
                              assignableAddresses: Set(configuration.locations.compactMap(\.handler) + configuration.organisation.quality),
                              termPolicy: runtime.termPolicy, today: runtime.civil.localDate(of: now))
        facts.measuresDone = try store.measures(caseID: record.id).map { $0.doneAt != nil }
        return facts
    }

    private func apply(_ plan: CommandPlan, actor: String, caseID: Int64, rawID: Int64?, now: Date) throws {
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
            case .recordMeasures(let measures):
                try store.addMeasures(caseID: caseID, measures.map { MeasureRecord(text: $0.text, due: $0.due.iso) }, now: now)
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
            }
        }
        guard let updated = try store.caseRecord(id: caseID) else { return }
        for mail in plan.mails { try send(mail, on: updated) }
        if plan.changes.contains(where: { if case .completeMeasures = $0 { true } else { false } }) {
            try SatisfiedClosing(runtime: runtime, store: store, renderer: renderer).closeIfSettled(caseID: caseID, now: now)
        }
    }

    private func send(_ mail: PlannedMail, on record: CaseRecord) throws {
        let english = runtime.language(forLocation: record.location) == "en"
        switch mail {
        case .answer(let text):
            try renderer.enqueue("handler-message", to: .complainant, caseRecord: record, extra: ["message": ["text": .string(text)]])
        case .judgement(let outcome, let reasons, let measures):
            let items = measures.map { TemplateValue.object(["text": .string($0.text), "due": .string(DateWording.format($0.due, english: english))]) }
            try renderer.enqueue("judgement-letter", to: .complainant, caseRecord: record, extra: ["judgement": .object([
                "outcome": .string(outcome.label(english: english)), "reasons": .string(reasons), "measures": .list(items),
            ])])
        case .termExtension(let weeks, let reason, let originalDue):
            try renderer.enqueue("extension-notice", to: .complainant, caseRecord: record, extra: ["extension": .object([
                "weeks": .string(String(weeks)), "reason": .string(reason),
                "original_due": .string(DateWording.format(originalDue, english: english)),
            ])])
        case .closing(let reason):
            try renderer.enqueue("closing-letter", to: .complainant, caseRecord: record,
                                 extra: ["closing": ["reason": .string(reason ?? "")]])
        case .assignment:
            let complaint = try store.caseMessages(caseID: record.id).first { $0.direction == "in" && $0.role == "complainant" }
            try renderer.enqueue("handler-assignment", to: .handler, caseRecord: record,
                                 extra: ["case": ["text": .string(complaint?.text ?? "")]])
        }
    }

    private static func column(_ field: CaseField) -> CaseColumn {
        switch field {
        case .handler: .handler
        case .location: .location
        case .category: .category
        case .outcome: .outcome
        case .kind: .kind
        case .decisionDue: .decisionDue
        case .measuresDue: .measuresDue
        }
    }
}
