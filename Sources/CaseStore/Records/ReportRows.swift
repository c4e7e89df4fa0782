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
    public func reportRows(years: ClosedRange<Int>? = nil) throws -> [Row] {
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
        return try db.query(sql + " ORDER BY c.received_at, c.id", parameters)
    }
}
