import Foundation

/// A measure promised in a judgement, with the date it is to be realised.
public struct MeasureRecord: Sendable, Equatable {
    public var text: String
    /// `YYYY-MM-DD`, local date.
    public var due: String
    public var doneAt: Date?

    public init(text: String, due: String, doneAt: Date? = nil) {
        self.text = text
        self.due = due
        self.doneAt = doneAt
    }
}

extension CaseStore {
    /// Adds the measures of a judgement after any the case already has.
    public func addMeasures(caseID: Int64, _ measures: [MeasureRecord], now: Date) throws {
        let start = try db.queryOne("SELECT COUNT(*) AS n FROM measures WHERE case_id = ?", [.integer(caseID)])?.int("n") ?? 0
        for (offset, measure) in measures.enumerated() {
            try db.query("INSERT INTO measures (case_id, position, text, due, created_at) VALUES (?, ?, ?, ?, ?)",
                         [.integer(caseID), .integer(start + Int64(offset)), .text(measure.text), .text(measure.due),
                          .text(Timestamp.string(now))])
        }
    }

    public func measures(caseID: Int64) throws -> [MeasureRecord] {
        try db.query("SELECT text, due, done_at FROM measures WHERE case_id = ? ORDER BY position", [.integer(caseID)]).map {
            MeasureRecord(text: $0.string("text") ?? "", due: $0.string("due") ?? "", doneAt: Timestamp.date($0.string("done_at")))
        }
    }
}
