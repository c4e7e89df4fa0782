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
        let measures = try store.measureTerms(caseIDs: rows.map(\.id))
        return rows.map { row in
            let local = civil.localDate(of:)
            var judged = row.judgedAt.map(local)
            if judged == nil, ["gegrond", "deels gegrond", "deels-gegrond", "ongegrond"].contains(row.outcome?.lowercased() ?? "") {
                judged = row.closedAt.map(local)
            }
            var facts = ReportCase(
                kind: row.kind, state: row.state, receivedDate: local(row.receivedAt), location: row.location,
                category: row.category, outcome: row.outcome, decisionDue: row.decisionDue,
                judgementDate: judged, measures: row.measures,
                measuresDue: row.measuresDue, closedDate: row.closedAt.map(local),
                annualSummary: row.annualSummary, disputeDate: row.disputeDate ?? row.disputedAt.map(local),
                disputeOutcome: row.disputeOutcome,
                underMeldcode: row.state == .safeguarding || row.meldcodeClosed,
                satisfaction: row.satisfaction)
            facts.disputeOrigin = row.disputeOrigin.flatMap(DisputeOrigin.init(rawValue:))
            facts.referralDate = row.referralDate
            facts.rulingDate = row.rulingDate
            facts.disputeOnly = row.flags.contains(.disputeOnly)
            facts.reference = row.reference
            facts.measureTerms = (measures[row.id] ?? []).map { MeasureTerm(due: $0.due, done: $0.doneAt.map(local)) }
            return facts
        }
    }
}
