import CaseStore
import ComplaintCore
import Foundation

/// Turns stored cases into the facts the pure `Scheduler` decides on.
struct ScheduledCaseFacts {
    /// Letters to the parent that a person caused (a handler's answer, a judgement, an extension notice);
    /// the automatic receipts at intake and the automatic progress update are not the handler's contact.
    static let parentLetters: Set<OutboxKind> = [OutboxKind(.extensionNotice), OutboxKind(.judgementLetter), OutboxKind(.closingLetter),
                                                OutboxKind(.handlerMessage)]
    /// Mails that acknowledge receipt to the parent.
    static let receipts: Set<OutboxKind> = [OutboxKind(.acknowledgement), OutboxKind(.neutralReceipt)]

    let runtime: Runtime
    let store: CaseStore

    /// The open cases, plus those received in the last 15 days (the digest lists last week's arrivals).
    func load(now: Date) throws -> (cases: [ScheduledCase], records: [Int64: Case], globalKeys: Set<String>) {
        // Only these cases, through indexes: the pass costs the open cases, not the years kept.
        let scope = CaseScope.openOrReceived(since: now.addingTimeInterval(-15 * 86_400))
        let records = try store.cases(in: scope)
        let keys = try store.scheduledKeys(in: scope)
        let kinds = try store.outboxKindsByCase(in: scope)
        let handlerWrote = try store.caseIDsWithIncoming(role: .handler, in: scope)
        let lastParentMail = try store.lastMailToComplainant(in: scope)
        let judged = try store.lastQueued(kinds: [OutboxKind(.judgementLetter)], in: scope)
        let satisfaction = try store.allSatisfaction(in: scope)
        let openMeasuresDue = try store.openMeasuresDue(in: scope)
        let contacted = try caseIDs(withEvent: "action = '\(ProcedureRecords.contactAction)'", in: scope)
        // The officer acted: a verified message from them, or a command at the command line.
        let safeguardingActed = try caseIDs(withEvent: "actor LIKE 'cli:%' OR action = 'message from the safeguarding'", in: scope)
        let restrictedLater = try store.latestEvents(action: CaseAction.restrictForSafeguarding.rawValue, actor: "klachtd", in: scope)
        let inReview = try store.caseIDsWithPendingJudgement()
        let cases = try records.map { record in
            let queued = kinds[record.id] ?? []
            var scheduled = ScheduledCase(
                case: record, english: runtime.language(forLocation: record.location) == "en",
                // No address: nobody can be acknowledged by mail; the quality staff were told at intake.
                acknowledged: record.state != .received || record.complainantAddress == nil || !queued.isDisjoint(with: Self.receipts),
                parentContacted: handlerWrote.contains(record.id) || contacted.contains(record.id)
                    || !queued.isDisjoint(with: Self.parentLetters),
                sentKeys: keys[record.id] ?? [])
            // Measures confirmed done are no longer watched; the term is the latest of those still open.
            scheduled.measuresDue = openMeasuresDue[record.id] ?? record.measuresDue
            if let address = record.complainantAddress {
                scheduled.parentReachable = try store.suppression(of: address, now: now) == nil
            }
            scheduled.lastParentMail = lastParentMail[record.id]
            scheduled.safeguardingActedOn = safeguardingActed.contains(record.id)
            scheduled.safeguardingSince = record.state == .safeguarding ? restrictedLater[record.id] : nil
            scheduled.judgementAt = judged[record.id]
            scheduled.judgementInReview = inReview.contains(record.id)
            scheduled.satisfaction = satisfaction[record.id].map {
                SatisfactionCheck(askedAt: $0.askedAt, remindedAt: $0.remindedAt, answer: $0.answer)
            }
            return scheduled
        }
        return (cases, Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) }), keys[0] ?? [])
    }

    /// The cases with at least one event matching `condition` (a fixed SQL condition, never input).
    private func caseIDs(withEvent condition: String, in scope: CaseScope) throws -> Set<Int64> {
        try store.caseIDs(withEventWhere: condition, in: scope)
    }
}
