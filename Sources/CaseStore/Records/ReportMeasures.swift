import ComplaintCore
import Foundation

/// A measure's term and completion, without its text: what the reports may see of it.
public struct MeasureTermRecord: Sendable, Equatable {
    /// The term, read from the stored `LocalDate.iso`.
    public var due: LocalDate
    public var doneAt: Date?

    public init(due: LocalDate, doneAt: Date? = nil) {
        self.due = due
        self.doneAt = doneAt
    }
}

extension CaseStore {
    /// The measure terms of the given cases, by case, in the judgement's order. The text is left
    /// out on purpose: it was written for the parent and may name a staff member. A measure whose
    /// term cell is not a date has no term to report and is left out.
    ///
    /// A year's report reads its own cases' measures in chunks of `IN (...)` lists through the
    /// `measures_case` index, however many years the store keeps; a read over most of the store
    /// (the quarterly overview reads every case) scans the table once instead.
    public func measureTerms(caseIDs: [Int64]) throws -> [Int64: [MeasureTermRecord]] {
        var result: [Int64: [MeasureTermRecord]] = [:]
        func add(_ rows: [Row], keeping wanted: Set<Int64>? = nil) {
            for row in rows {
                guard let caseID = row.int("case_id"), wanted?.contains(caseID) ?? true,
                      let due = row.string("due").flatMap(LocalDate.init(iso:)) else { continue }
                result[caseID, default: []].append(MeasureTermRecord(due: due, doneAt: Timestamp.date(row.string("done_at"))))
            }
        }
        if caseIDs.count > 5_000 {
            add(try db.query("SELECT case_id, due, done_at FROM measures ORDER BY case_id, position"), keeping: Set(caseIDs))
            return result
        }
        var start = 0
        while start < caseIDs.count {
            let chunk = Array(caseIDs[start..<min(start + 500, caseIDs.count)])
            start += chunk.count
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            add(try db.query("SELECT case_id, due, done_at FROM measures WHERE case_id IN (\(marks)) ORDER BY case_id, position",
                             chunk.map(SQLValue.integer)))
        }
        return result
    }
}
