import CaseStore
import ComplaintCore
import Foundation

/// Closes a case once the parent said they are satisfied and every measure is done, with the closing letter.
///
/// Called after the parent's answer is recorded and after measures are confirmed, in the
/// caller's transaction; the state change itself makes it happen once. A parent who never
/// answered does not close the case: the quality staff hear of it and decide.
struct SatisfiedClosing {
    let runtime: Runtime
    let store: CaseStore
    let renderer: MailRenderer

    /// Closes the case when it is settled; returns whether it did.
    @discardableResult
    func closeIfSettled(caseID: Int64, now: Date) throws -> Bool {
        guard let record = try store.caseRecord(id: caseID),
              record.state == .judgementSent || record.state == .measuresPending,
              try store.satisfaction(caseID: caseID)?.answer == .satisfied,
              try store.measures(caseID: caseID).allSatisfy({ $0.doneAt != nil }),
              case .success(let closed) = CaseStateMachine.next(from: record.state, on: .close) else { return false }
        try store.changeState(caseID: caseID, from: record.state, to: closed, actor: "klachtd", action: CaseAction.close.rawValue,
                              reason: "de ouder is tevreden en de maatregelen zijn uitgevoerd", rawMessageID: nil, now: now)
        guard let current = try store.caseRecord(id: caseID) else { return true }
        try renderer.enqueue(.closingLetter, to: .complainant, caseRecord: current, extra: ["closing": ["reason": .string("")]])
        return true
    }
}
