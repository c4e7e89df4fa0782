import ComplaintCore
import Foundation

/// One case's anonymous facts as the reports' query reads them, typed here at the store's edge.
///
/// Not a `Case`: by construction it holds nothing traceable to a person (no complainant,
/// handler, subject or message text), and it carries what the case row does not (report
/// notes, the first judgement and referral, the satisfaction answer). `ReportFacts` turns it
/// into the report's `ReportCase`, counting days in the organisation's zone.
public struct ReportRow: Sendable, Equatable {
    public var id: Int64
    /// For the draft's to-do list only; the published report never shows it.
    public var reference: String?
    public var kind: MessageKind
    public var state: CaseState
    public var receivedAt: Date
    public var location, category, outcome: String?
    public var decisionDue, measuresDue: LocalDate?
    public var closedAt: Date?
    public var flags: [CaseFlag]
    /// The report notes (`case_report_notes`), as recorded.
    public var annualSummary, measures, disputeOutcome, disputeOrigin: String?
    public var referralDate, disputeDate, rulingDate: LocalDate?
    /// The first time the case reached `judgement_sent`, and `referred_geschillencommissie`.
    public var judgedAt, disputedAt: Date?
    /// Closed straight from the meldcode (`safeguarding` → `closed`).
    public var meldcodeClosed: Bool
    public var satisfaction: SatisfactionAnswer?
}

extension CaseStore {
    /// The query names its columns: never the complainant's name or address, the handler,
    /// the subject or any message text, so nothing traceable to a person can reach a report.
    /// The reference is read for the draft's to-do list only; the published report never shows it.
    private static let reportQuery = """
        SELECT c.id, c.reference, c.kind, c.state, c.received_at, c.location, c.category, c.outcome, c.decision_due, c.measures_due,
               c.closed_at, c.flags, n.annual_summary, n.measures, n.dispute_outcome,
               n.referral_date, n.dispute_date, n.ruling_date, n.dispute_origin,
               (SELECT MIN(at) FROM events e WHERE e.case_id = c.id AND e.to_state = 'judgement_sent') AS judged_at,
               (SELECT MIN(at) FROM events e WHERE e.case_id = c.id AND e.to_state = 'referred_geschillencommissie') AS disputed_at,
               EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.from_state = 'safeguarding' AND e.to_state = 'closed') AS meldcode_closed,
               (SELECT answer FROM satisfaction s WHERE s.case_id = c.id) AS satisfaction
        FROM cases c LEFT JOIN case_report_notes n ON n.case_id = c.id
        """

    /// The anonymous facts of every case, in order of receipt, for the reports; with `years`,
    /// only of the cases received in those years (by the `cases_received` index, with a day's
    /// margin for the time zone) and of those referred to the Geschillencommissie in them.
    public func reportRows(years: ClosedRange<Int>? = nil) throws -> [ReportRow] {
        var sql = Self.reportQuery
        var parameters: [SQLValue] = []
        if let years {
            let from = SQLValue.text("\(years.lowerBound - 1)-12-31"), until = SQLValue.text("\(years.upperBound + 1)-01-02")
            sql += """
                 WHERE c.id IN (SELECT id FROM cases WHERE received_at >= ? AND received_at < ?
                   UNION SELECT case_id FROM events WHERE to_state = 'referred_geschillencommissie' AND at >= ? AND at < ?)
                """
            parameters = [from, until, from, until]
        }
        return try db.query(sql + " ORDER BY c.received_at, c.id", parameters).compactMap(Self.reportRow)
    }

    /// A row of `reportQuery`, typed; nil for a case whose kind, state or receipt cannot be read.
    private static func reportRow(_ row: Row) -> ReportRow? {
        guard let id = row.int("id"), let kind = row.string("kind").flatMap(MessageKind.init(rawValue:)),
              let state = row.string("state").flatMap(CaseState.init(rawValue:)),
              let received = Timestamp.date(row.string("received_at")) else { return nil }
        func day(_ column: String) -> LocalDate? { row.string(column).flatMap(LocalDate.init(iso:)) }
        return ReportRow(
            id: id, reference: row.string("reference"), kind: kind, state: state, receivedAt: received,
            location: row.string("location"), category: row.string("category"), outcome: row.string("outcome"),
            decisionDue: day("decision_due"), measuresDue: day("measures_due"), closedAt: Timestamp.date(row.string("closed_at")),
            flags: flags(stored: row.string("flags")), annualSummary: row.string("annual_summary"), measures: row.string("measures"),
            disputeOutcome: row.string("dispute_outcome"), disputeOrigin: row.string("dispute_origin"),
            referralDate: day("referral_date"), disputeDate: day("dispute_date"), rulingDate: day("ruling_date"),
            judgedAt: Timestamp.date(row.string("judged_at")), disputedAt: Timestamp.date(row.string("disputed_at")),
            meldcodeClosed: row.int("meldcode_closed") == 1,
            satisfaction: row.string("satisfaction").flatMap(SatisfactionAnswer.init(rawValue:)))
    }
}
