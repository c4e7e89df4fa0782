import ComplaintCore
import Foundation

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

    /// Whether klachtd knew `year`: a case received in it or before (a year it never saw had its report made elsewhere).
    public func knewReportYear(_ year: Int) throws -> Bool {
        try db.queryOne("SELECT 1 AS known FROM cases WHERE received_at < ? LIMIT 1", [.text("\(year + 1)-01-01T00:00:00Z")]) != nil
    }
}
