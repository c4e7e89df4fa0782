import CaseStore
import ComplaintCore
import Foundation

/// What is still to do for a report year, for the draft and the reminders: the year's
/// complaints without a category, a location or a report text, and those still open. Only
/// complaints (klacht, and onvrede stored by earlier versions): the report is about them;
/// a question or compliment left open does not change it.
///
/// Meldcode cases are left out (their details stay with the safeguarding officer), and
/// cases recorded only as a dispute are not cases of the procedure.
struct ReportCycleFacts {
    struct Line {
        var reference: String
        var kind: MessageKind
        var state: CaseState
        var location: String?
        var received: LocalDate
    }

    /// The column of `case_report_notes` that holds a case's text for the annual report
    /// (`#jaarverslag TEXT`). The one place to change should the report text move.
    static let reportTextColumn = "annual_summary"

    var complaints = 0
    var withoutCategory: [Line] = []
    var withoutLocation: [Line] = []
    var withoutReportText: [Line] = []
    var open: [Line] = []

    /// Nothing left to do: every case classified and described, none open.
    var isDone: Bool { withoutCategory.isEmpty && withoutLocation.isEmpty && withoutReportText.isEmpty && open.isEmpty }

    static func load(_ store: CaseStore, civil: CivilTime, year: Int) throws -> ReportCycleFacts {
        var facts = ReportCycleFacts()
        // A day's margin for the time zone; the local date decides.
        let rows = try store.db.query("""
            SELECT c.reference, c.kind, c.state, c.location, c.category, c.received_at, c.flags, n.\(reportTextColumn) AS report_text
            FROM cases c LEFT JOIN case_report_notes n ON n.case_id = c.id
            WHERE c.received_at >= ? AND c.received_at < ? ORDER BY c.received_at, c.id
            """, [.text("\(year - 1)-12-31"), .text("\(year + 1)-01-02")])
        for row in rows {
            guard let reference = row.string("reference"), let kind = row.string("kind").flatMap(MessageKind.init(rawValue:)),
                  let state = row.string("state").flatMap(CaseState.init(rawValue:)),
                  let received = Timestamp.date(row.string("received_at")).map(civil.localDate(of:)), received.year == year,
                  state != .safeguarding, !(row.string("flags") ?? "").split(separator: ",").contains("dispute-only") else { continue }
            let line = Line(reference: reference, kind: kind, state: state, location: row.string("location"), received: received)
            guard kind.startsStatutoryClock else { continue }
            facts.complaints += 1
            func blank(_ column: String) -> Bool { (row.string(column) ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
            if blank("category") { facts.withoutCategory.append(line) }
            if blank("location") { facts.withoutLocation.append(line) }
            if blank("report_text") { facts.withoutReportText.append(line) }
            if state.isOpen { facts.open.append(line) }
        }
        return facts
    }
}
