/// The second reader (`[procedure] review_judgements`): `#akkoord` and `#terug` on a judgement held for review.
extension CommandPlanner.Builder {
    /// Only the quality staff (or an operator) read a judgement a second time, and only one that waits.
    mutating func review(_ command: HandlerCommand) {
        guard role == .quality || role == .operator else {
            plan.errors.append(CommandProblem("\(command.word) geeft een kwaliteitsmedewerker als tweede lezer, niet de behandelaar zelf",
                                              english: "\(command.englishWord) is given by a quality staff member as second reader, not by the handler"))
            return
        }
        guard facts.judgementUnderReview else {
            plan.errors.append(CommandProblem("\(command.word): bij deze zaak ligt geen oordeel ter controle",
                                              english: "\(command.englishWord): no judgement is waiting for review on this case"))
            return
        }
        switch command {
        case .approveJudgement: plan.changes.append(.approveJudgement)
        case .returnJudgement(let remark): plan.changes.append(.returnJudgement(remark))
        default: return
        }
    }
}

extension CommandPlanner {
    /// The plan of a judgement held for review, as `#oordeel` would have made it when it was
    /// given: the measures keep the dates they had then, so the letter is the one the reader saw.
    public static func heldJudgement(outcome: JudgementOutcome, reasons: String, measures: [PlannedMeasure],
                                     facts: CaseFacts) -> CommandPlan {
        var builder = Builder(script: CommandScript(commands: [.judgement(outcome)], body: reasons), role: .operator, facts: facts)
        builder.judge(outcome, measures: measures)
        return builder.plan.errors.isEmpty ? builder.plan : CommandPlan(errors: builder.plan.errors)
    }

    /// Whether a change belongs to a judgement (`judge` makes exactly these).
    public static func isJudgementChange(_ change: CaseChange) -> Bool {
        switch change {
        case .set(.outcome, _), .setDate(.measuresDue, _), .recordMeasures: true
        case .transition(let action, _): action == .sendJudgement || action == .awaitMeasures
        default: false
        }
    }
}
