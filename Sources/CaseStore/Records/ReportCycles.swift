import ComplaintCore
import Foundation

/// A case as the annual report's round reads it for its to-do list: nothing that names anyone.
public struct ReportYearCase: Sendable {
    public var reference: String?
    public var kind: MessageKind?
    public var state: CaseState?
    public var location: String?
    public var category: String?
    public var receivedAt: Date?
    public var flags: [CaseFlag]
    /// The case's text for the annual report (`#jaarverslag TEXT`).
    public var reportText: String?
}

/// Which step of the annual report's round a date records.
public enum ReportCycleStep: String, Sendable, CaseIterable {
    case sentToGGD = "sent_to_ggd"
    case oudercommissie
}

extension CaseStore {
    /// The recorded dates of `year`'s report (none recorded: both nil).
    public func reportCycle(year: Int) throws -> ReportCycleStatus {
        let row = try db.queryOne("SELECT sent_to_ggd, oudercommissie FROM report_cycles WHERE year = ?", [.int(year)])
        return ReportCycleStatus(year: year, sentToGGD: row?.string("sent_to_ggd").flatMap(LocalDate.init(iso:)),
                                 oudercommissie: row?.string("oudercommissie").flatMap(LocalDate.init(iso:)))
    }

    /// Records one step's date (a later call corrects it), with who recorded it.
    public func recordReportCycle(year: Int, _ step: ReportCycleStep, date: LocalDate, actor: String, now: Date) throws {
        try db.query("""
            INSERT INTO report_cycles (year, \(step.rawValue), updated_at, updated_by) VALUES (?, ?, ?, ?)
            ON CONFLICT(year) DO UPDATE SET \(step.rawValue) = excluded.\(step.rawValue),
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, [.int(year), .text(date.iso), .text(Timestamp.string(now)), .text(actor)])
    }

    /// The cases received in `year`, with a day's margin either side for the time zone (the
    /// caller decides by local date), in order of receipt.
    public func reportYearCases(_ year: Int) throws -> [ReportYearCase] {
        try db.query("""
            SELECT c.reference, c.kind, c.state, c.location, c.category, c.received_at, c.flags, n.\(ReportNoteField.annualSummary.rawValue) AS report_text
            FROM cases c LEFT JOIN case_report_notes n ON n.case_id = c.id
            WHERE c.received_at >= ? AND c.received_at < ? ORDER BY c.received_at, c.id
            """, [.text("\(year - 1)-12-31"), .text("\(year + 1)-01-02")]).map { row in
            ReportYearCase(reference: row.string("reference"), kind: row.string("kind").flatMap(MessageKind.init(rawValue:)),
                           state: row.string("state").flatMap(CaseState.init(rawValue:)), location: row.string("location"),
                           category: row.string("category"), receivedAt: Timestamp.date(row.string("received_at")),
                           flags: Self.flags(stored: row.string("flags")), reportText: row.string("report_text"))
        }
    }

    /// Whether klachtd knew `year`: a case received in it or before (a year it never saw had its report made elsewhere).
    public func knewReportYear(_ year: Int) throws -> Bool {
        try db.queryOne("SELECT 1 AS known FROM cases WHERE received_at < ? LIMIT 1", [.text("\(year + 1)-01-01T00:00:00Z")]) != nil
    }
}
