import CaseStore
import ComplaintCore
import Foundation
import Reporting

/// Reads the anonymous facts of every case for the reports, from the rows the store gives
/// (`CaseStore.reportRows`: never the complainant, the handler, the subject or any text).
public enum ReportFacts {
    /// The facts of every case; with `years`, only of the cases received in those years and of
    /// those referred to the Geschillencommissie in them (`CaseStore.reportRows`; the report
    /// counts by local date itself).
    public static func load(_ store: CaseStore, civil: CivilTime, years: ClosedRange<Int>? = nil) throws -> [ReportCase] {
        let rows = try store.reportRows(years: years)
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
            facts.disputeOnly = CaseStore.flags(stored: row.string("flags")).contains(.disputeOnly)
            facts.reference = row.string("reference")
            facts.measureTerms = (row.int("id").flatMap { measures[$0] } ?? []).compactMap { measure in
                LocalDate(iso: measure.due).map { MeasureTerm(due: $0, done: measure.doneAt.map(civil.localDate(of:))) }
            }
            return facts
        }
    }
}
