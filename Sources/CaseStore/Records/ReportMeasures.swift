import Foundation

/// A measure's term and completion, without its text: what the reports may see of it.
public struct MeasureTermRecord: Sendable, Equatable {
    /// `YYYY-MM-DD`, local date.
    public var due: String
    public var doneAt: Date?

    public init(due: String, doneAt: Date? = nil) {
        self.due = due
        self.doneAt = doneAt
    }
}

extension CaseStore {
    /// The measure terms of the given cases, by case, in the judgement's order. The text is left
    /// out on purpose: it was written for the parent and may name a staff member.
    ///
    /// Read in chunks of `IN (...)` lists through the `measures_case` index, so a report reads
    /// the measures of its own cases only, however many years the store keeps.
    public func measureTerms(caseIDs: [Int64]) throws -> [Int64: [MeasureTermRecord]] {
        var result: [Int64: [MeasureTermRecord]] = [:]
        var start = 0
        while start < caseIDs.count {
            let chunk = Array(caseIDs[start..<min(start + 500, caseIDs.count)])
            start += chunk.count
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            for row in try db.query("SELECT case_id, due, done_at FROM measures WHERE case_id IN (\(marks)) ORDER BY case_id, position",
                                    chunk.map(SQLValue.integer)) {
                guard let caseID = row.int("case_id"), let due = row.string("due") else { continue }
                result[caseID, default: []].append(MeasureTermRecord(due: due, doneAt: Timestamp.date(row.string("done_at"))))
            }
        }
        return result
    }
}
