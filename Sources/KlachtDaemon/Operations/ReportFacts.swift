import CaseStore
import ComplaintCore
import Foundation
import Reporting

/// Reads the anonymous facts of every case for the reports.
///
/// The query names its columns: never the complainant's name or address, the handler,
/// the subject or any message text, so nothing traceable to a person can reach a report.
/// The reference is read for the draft's to-do list only; the published report never shows it.
public enum ReportFacts {
    static let query = """
        SELECT c.id, c.reference, c.kind, c.state, c.received_at, c.location, c.category, c.outcome, c.decision_due, c.measures_due,
               c.closed_at, c.flags, n.annual_summary, n.measures, n.dispute_outcome,
               n.referral_date, n.dispute_date, n.ruling_date, n.dispute_origin,
               (SELECT MIN(at) FROM events e WHERE e.case_id = c.id AND e.to_state = 'judgement_sent') AS judged_at,
               (SELECT MIN(at) FROM events e WHERE e.case_id = c.id AND e.to_state = 'referred_geschillencommissie') AS disputed_at,
               EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.from_state = 'safeguarding' AND e.to_state = 'closed') AS meldcode_closed,
               (SELECT answer FROM satisfaction s WHERE s.case_id = c.id) AS satisfaction
        FROM cases c LEFT JOIN case_report_notes n ON n.case_id = c.id
        """

    /// The facts of every case; with `years`, only of the cases received in those years (by
    /// the `cases_received` index, with a day's margin for the time zone; the report counts by
    /// local date itself) and of those referred to the Geschillencommissie in them.
    public static func load(_ store: CaseStore, civil: CivilTime, years: ClosedRange<Int>? = nil) throws -> [ReportCase] {
        var sql = query
        var parameters: [SQLValue] = []
        if let years {
            let from = SQLValue.text("\(years.lowerBound - 1)-12-31"), until = SQLValue.text("\(years.upperBound + 1)-01-02")
            sql += """
                 WHERE c.id IN (SELECT id FROM cases WHERE received_at >= ? AND received_at < ?
                   UNION SELECT case_id FROM events WHERE to_state = 'referred_geschillencommissie' AND at >= ? AND at < ?)
                """
            parameters = [from, until, from, until]
        }
        let rows = try store.db.query(sql + " ORDER BY c.received_at, c.id", parameters)
        // The measures' terms and completion, never their text (ReportMeasures.swift).
        let measures = try store.measureTerms(caseIDs: rows.compactMap { $0.int("id") })
        return rows.compactMap { row in
            guard let kind = row.string("kind").flatMap(MessageKind.init(rawValue:)),
                  let state = row.string("state").flatMap(CaseState.init(rawValue:)),
                  let received = Timestamp.date(row.string("received_at")) else { return nil }
            func local(_ column: String) -> LocalDate? { Timestamp.date(row.string(column)).map(civil.localDate(of:)) }
            func day(_ column: String) -> LocalDate? { row.string(column).flatMap(LocalDate.init(iso:)) }
            let outcome = row.string("outcome")
            var judged = local("judged_at")
            if judged == nil, ["gegrond", "deels gegrond", "deels-gegrond", "ongegrond"].contains(outcome?.lowercased() ?? "") {
                judged = local("closed_at")
            }
            var facts = ReportCase(
                kind: kind, state: state, receivedDate: civil.localDate(of: received), location: row.string("location"),
                category: row.string("category"), outcome: outcome, decisionDue: row.string("decision_due").flatMap(LocalDate.init(iso:)),
                judgementDate: judged, measures: row.string("measures"),
                measuresDue: row.string("measures_due").flatMap(LocalDate.init(iso:)), closedDate: local("closed_at"),
                annualSummary: row.string("annual_summary"), disputeDate: day("dispute_date") ?? local("disputed_at"),
                disputeOutcome: row.string("dispute_outcome"),
                underMeldcode: state == .safeguarding || row.int("meldcode_closed") == 1,
                satisfaction: row.string("satisfaction").flatMap(SatisfactionAnswer.init(rawValue:)))
            facts.disputeOrigin = row.string("dispute_origin").flatMap(DisputeOrigin.init(rawValue:))
            facts.referralDate = day("referral_date")
            facts.rulingDate = day("ruling_date")
            facts.disputeOnly = (row.string("flags") ?? "").split(separator: ",").contains("dispute-only")
            facts.reference = row.string("reference")
            facts.measureTerms = (row.int("id").flatMap { measures[$0] } ?? []).compactMap { measure in
                LocalDate(iso: measure.due).map { MeasureTerm(due: $0, done: measure.doneAt.map(civil.localDate(of:))) }
            }
            return facts
        }
    }
}
