import CaseStore
import ComplaintCore
import Foundation

/// Puts an open case under the meldcode because a later message hit the safeguarding screen.
///
/// As for a new case with that text: the state becomes safeguarding (no reminders, only the
/// officer may command), the handler is taken off (the location team gets nothing more, and
/// the handler may be the one described), and the flag is set. Who it was is in the event.
struct SafeguardingRestriction {
    let store: CaseStore
    let now: Date

    func restrict(_ caseRecord: Case, hits: [String], rawID: Int64) throws {
        guard case .success(let next) = CaseStateMachine.next(from: caseRecord.state, on: .restrictForSafeguarding) else { return }
        try store.changeState(caseID: caseRecord.id, from: caseRecord.state, to: next, actor: "klachtd",
                              action: CaseAction.restrictForSafeguarding.rawValue,
                              reason: "safeguarding words in a later message: " + hits.joined(separator: ", "), rawMessageID: rawID, now: now)
        if let handler = caseRecord.handler {
            try store.updateCase(caseID: caseRecord.id, column: .handler, value: nil, actor: "klachtd",
                                 reason: "taken off the case under the meldcode (was \(handler))", rawMessageID: rawID, now: now)
        }
        if !caseRecord.flags.contains(.safeguarding) {
            try store.setFlags(caseID: caseRecord.id, caseRecord.flags + [.safeguarding], actor: "klachtd", reason: nil,
                               rawMessageID: rawID, now: now)
        }
    }
}
