import CaseStore
import ComplaintCore
import Foundation

/// What `#soort` (or `klachtd case REF kind`) does beyond changing the word: a message that
/// becomes a complaint starts the complaint procedure as if it had been one from the start,
/// and a complaint that turns out to be something else stops its clocks.
///
/// Terms count from the original receipt, as the law does: a parent who wrote in dissatisfaction
/// submitted a complaint then, whatever we first called it.
struct KindChange {
    let runtime: Runtime
    let store: CaseStore
    let renderer: MailRenderer

    func apply(caseID: Int64, from old: MessageKind, actor: String, rawID: Int64?, now: Date) throws {
        guard let record = try store.caseRecord(id: caseID), record.state != .safeguarding else { return }
        let new = record.kind
        if !old.startsStatutoryClock, new.startsStatutoryClock {
            try start(record, actor: actor, rawID: rawID, now: now)
        } else if old.startsStatutoryClock, !new.startsStatutoryClock {
            try store.setComplaintTerms(caseID: caseID, firstContactDue: nil, solutionTargetDue: nil, decisionDue: nil,
                                        gckWindowEnd: nil, actor: actor, reason: "\(old.rawValue) → \(new.rawValue): geen klacht",
                                        rawMessageID: rawID, now: now)
        }
    }

    private func start(_ record: Case, actor: String, rawID: Int64?, now: Date) throws {
        let terms = runtime.terms(received: record.receivedAt, regime: record.regime)
        try store.setComplaintTerms(caseID: record.id, firstContactDue: terms.firstContactDue,
                                    solutionTargetDue: terms.solutionTargetDue, decisionDue: terms.decisionDue,
                                    gckWindowEnd: terms.gckWindowEnd, actor: actor,
                                    reason: "nu een klacht: termijnen vanaf de ontvangst", rawMessageID: rawID, now: now)
        // A compliment was set aside as 'not a complaint'; a complaint is open again.
        if record.state == .notAComplaint, case .success(let next) = CaseStateMachine.next(from: .notAComplaint, on: .acknowledge) {
            try store.changeState(caseID: record.id, from: .notAComplaint, to: next, actor: actor,
                                  action: CaseAction.acknowledge.rawValue, reason: "alsnog een klacht", rawMessageID: rawID, now: now)
        }
        guard let current = try store.caseRecord(id: record.id) else { return }
        try renderer.enqueue(.acknowledgement, to: .complainant, caseRecord: current)
        if current.handler != nil {
            try renderer.enqueue(current.kind.staffNoticeTemplate, to: .handler, caseRecord: current, extra: try complaintText(current))
        }
    }

    private func complaintText(_ record: Case) throws -> MailRenderer.Extra {
        let first = try store.caseMessages(caseID: record.id).first { $0.direction == .incoming && $0.role == .complainant }
        return ["case": .object(["text": .string(first?.text ?? "")])]
    }
}
