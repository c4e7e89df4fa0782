import ComplaintCore
import Foundation

/// A measure promised in a judgement, with the date it is to be realised, as the store reads it.
public struct MeasureRecord: Sendable, Equatable {
    public var text: String
    /// The term; nil only for a cell that is not a `LocalDate.iso` (the store writes nothing else),
    /// so the measure keeps its place in the judgement's order, which `completeMeasures` counts by.
    public var due: LocalDate?
    public var doneAt: Date?

    public init(text: String, due: LocalDate?, doneAt: Date? = nil) {
        self.text = text
        self.due = due
        self.doneAt = doneAt
    }
}

extension CaseStore {
    /// Adds the measures of a judgement after any the case already has; their terms are written as `LocalDate.iso`.
    public func addMeasures(caseID: Int64, _ measures: [PlannedMeasure], now: Date) throws {
        let start = try db.queryOne("SELECT COUNT(*) AS n FROM measures WHERE case_id = ?", [.integer(caseID)])?.int("n") ?? 0
        for (offset, measure) in measures.enumerated() {
            try db.query("INSERT INTO measures (case_id, position, text, due, created_at) VALUES (?, ?, ?, ?, ?)",
                         [.integer(caseID), .integer(start + Int64(offset)), .text(measure.text), .text(measure.due.iso),
                          .text(Timestamp.string(now))])
        }
    }

    /// The measures of a case in the judgement's order, their terms read as dates here, once.
    public func measures(caseID: Int64) throws -> [MeasureRecord] {
        try db.query("SELECT text, due, done_at FROM measures WHERE case_id = ? ORDER BY position", [.integer(caseID)]).map {
            MeasureRecord(text: $0.string("text") ?? "", due: $0.string("due").flatMap(LocalDate.init(iso:)),
                          doneAt: Timestamp.date($0.string("done_at")))
        }
    }

    /// Marks the measures at `positions` (from 0, in the judgement's order) done at `now`; done ones keep their date.
    public func completeMeasures(caseID: Int64, positions: [Int], now: Date) throws {
        for position in positions {
            try db.query("UPDATE measures SET done_at = ? WHERE case_id = ? AND position = ? AND done_at IS NULL",
                         [.text(Timestamp.string(now)), .integer(caseID), .int(position)])
        }
    }

    /// Per case with measures, the latest due date of those not yet done (nil when all are done).
    public func openMeasuresDue(in scope: CaseScope = .all) throws -> [Int64: LocalDate?] {
        var result: [Int64: LocalDate?] = [:]
        for row in try db.query("""
            SELECT case_id, MAX(CASE WHEN done_at IS NULL THEN due END) AS due FROM measures
            WHERE case_id IN (\(scope.sql)) GROUP BY case_id
            """, scope.parameters) {
            guard let caseID = row.int("case_id") else { continue }
            result[caseID] = .some(row.string("due").flatMap(LocalDate.init(iso:)))
        }
        return result
    }
}
