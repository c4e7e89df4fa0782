import ComplaintCore
import Foundation

/// The satisfaction check of one case: when the parent was asked and reminded, and what they answered.
public struct SatisfactionRecord: Sendable, Equatable {
    /// When the question was queued.
    public var askedAt: Date
    /// When its one reminder was queued.
    public var remindedAt: Date?
    /// When the answer arrived (the reply's receipt time).
    public var answeredAt: Date?
    /// The answer as read; nil while none came.
    public var answer: SatisfactionAnswer?
    /// The first lines of the parent's reply; nil after a retention purge.
    public var text: String?

    public init(askedAt: Date, remindedAt: Date? = nil, answeredAt: Date? = nil, answer: SatisfactionAnswer? = nil,
                text: String? = nil) {
        self.askedAt = askedAt
        self.remindedAt = remindedAt
        self.answeredAt = answeredAt
        self.answer = answer
        self.text = text
    }
}

extension CaseStore {
    /// Records that the satisfaction question was queued; a second call keeps the first date.
    public func recordSatisfactionAsked(caseID: Int64, now: Date) throws {
        try db.query("INSERT OR IGNORE INTO satisfaction (case_id, asked_at) VALUES (?, ?)",
                     [.integer(caseID), .text(Timestamp.string(now))])
    }

    /// Records that the one reminder was queued.
    public func recordSatisfactionReminded(caseID: Int64, now: Date) throws {
        try db.query("UPDATE satisfaction SET reminded_at = COALESCE(reminded_at, ?) WHERE case_id = ?",
                     [.text(Timestamp.string(now)), .integer(caseID)])
    }

    /// Records the parent's answer (replacing an earlier unclear one).
    public func recordSatisfactionAnswer(caseID: Int64, answer: SatisfactionAnswer, text: String, rawMessageID: Int64?,
                                         at: Date) throws {
        try db.query("UPDATE satisfaction SET answered_at = ?, answer = ?, text = ?, raw_message_id = ? WHERE case_id = ?",
                     [.text(Timestamp.string(at)), .text(answer.rawValue), .text(text), .optional(rawMessageID), .integer(caseID)])
    }

    /// The satisfaction check of a case; nil until the question was asked.
    public func satisfaction(caseID: Int64) throws -> SatisfactionRecord? {
        try db.queryOne("SELECT * FROM satisfaction WHERE case_id = ?", [.integer(caseID)]).flatMap(Self.satisfactionRecord)
    }

    /// Every case's satisfaction check, by case id.
    public func allSatisfaction(in scope: CaseScope = .all) throws -> [Int64: SatisfactionRecord] {
        var result: [Int64: SatisfactionRecord] = [:]
        for row in try db.query("SELECT * FROM satisfaction WHERE case_id IN (\(scope.sql))", scope.parameters) {
            guard let caseID = row.int("case_id"), let record = Self.satisfactionRecord(row) else { continue }
            result[caseID] = record
        }
        return result
    }

    static func satisfactionRecord(_ row: Row) -> SatisfactionRecord? {
        guard let asked = Timestamp.date(row.string("asked_at")) else { return nil }
        return SatisfactionRecord(askedAt: asked, remindedAt: Timestamp.date(row.string("reminded_at")),
                                  answeredAt: Timestamp.date(row.string("answered_at")),
                                  answer: row.string("answer").flatMap(SatisfactionAnswer.init(rawValue:)), text: row.string("text"))
    }

    /// Per case, when the latest mail of each of `kinds` was queued (failed ones not counted).
    public func lastQueued(kinds: [OutboxKind], in scope: CaseScope = .all) throws -> [Int64: Date] {
        guard !kinds.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
        var result: [Int64: Date] = [:]
        for row in try db.query("""
            SELECT case_id, MAX(created_at) AS at FROM outbox INDEXED BY outbox_case_kind
            WHERE case_id IN (\(scope.sql)) AND state != 'failed' AND kind IN (\(marks)) GROUP BY case_id
            """, scope.parameters + kinds.map { SQLValue.text($0.rawValue) }) {
            guard let caseID = row.int("case_id"), let at = Timestamp.date(row.string("at")) else { continue }
            result[caseID] = at
        }
        return result
    }

    /// Per case, when the latest mail to the parent was queued, of any kind.
    public func lastMailToComplainant(in scope: CaseScope = .all) throws -> [Int64: Date] {
        var result: [Int64: Date] = [:]
        for row in try db.query("""
            SELECT case_id, MAX(at) AS at FROM case_messages
            WHERE case_id IN (\(scope.sql)) AND direction = 'out' AND role = 'complainant' GROUP BY case_id
            """, scope.parameters) {
            guard let caseID = row.int("case_id"), let at = Timestamp.date(row.string("at")) else { continue }
            result[caseID] = at
        }
        return result
    }
}
