import CaseStore
import ComplaintCore
import Foundation

/// Reads a parent's reply as the answer to the satisfaction question, when one is awaited.
///
/// An answer is awaited once the question went out and until a clear one came (an unclear
/// answer may be followed by a clearer one). What follows a clear answer: satisfied closes the
/// case when its measures are done; not satisfied is taken up by the next scheduler pass.
struct SatisfactionReply {
    let runtime: Runtime
    let store: CaseStore
    let renderer: MailRenderer

    /// Records the answer in `replyText` on the case if one is awaited; returns it.
    @discardableResult
    func record(_ replyText: String, caseID: Int64, rawID: Int64, from actor: String, at: Date, now: Date) throws -> SatisfactionAnswer? {
        guard let record = try store.caseRecord(id: caseID),
              record.state == .judgementSent || record.state == .measuresPending,
              let check = try store.satisfaction(caseID: caseID), check.answer == nil || check.answer == .unclear else { return nil }
        let reading = SatisfactionReader.read(replyText)
        try store.recordSatisfactionAnswer(caseID: caseID, answer: reading.answer, text: reading.text, rawMessageID: rawID, at: at)
        try store.appendEvent(caseID: caseID, actor: actor, action: "satisfaction answered", from: nil, to: nil,
                              reason: reading.answer.dutchLabel, rawMessageID: rawID, now: now)
        if reading.answer == .satisfied {
            try SatisfiedClosing(runtime: runtime, store: store, renderer: renderer).closeIfSettled(caseID: caseID, now: now)
        }
        return reading.answer
    }
}
