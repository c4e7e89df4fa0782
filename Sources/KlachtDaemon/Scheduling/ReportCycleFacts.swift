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

    var complaints = 0
    var withoutCategory: [Line] = []
    var withoutLocation: [Line] = []
    var withoutReportText: [Line] = []
    var open: [Line] = []

    /// Nothing left to do: every case classified and described, none open.
    var isDone: Bool { withoutCategory.isEmpty && withoutLocation.isEmpty && withoutReportText.isEmpty && open.isEmpty }

    static func load(_ store: CaseStore, civil: CivilTime, year: Int) throws -> ReportCycleFacts {
        var facts = ReportCycleFacts()
        // The store reads a day's margin for the time zone; the local date decides.
        for row in try store.reportYearCases(year) {
            guard let reference = row.reference, let kind = row.kind, let state = row.state,
                  let received = row.receivedAt.map(civil.localDate(of:)), received.year == year,
                  state != .safeguarding, !row.flags.contains(.disputeOnly) else { continue }
            let line = Line(reference: reference, kind: kind, state: state, location: row.location, received: received)
            guard kind.startsStatutoryClock else { continue }
            facts.complaints += 1
            func blank(_ value: String?) -> Bool { (value ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
            if blank(row.category) { facts.withoutCategory.append(line) }
            if blank(row.location) { facts.withoutLocation.append(line) }
            if blank(row.reportText) { facts.withoutReportText.append(line) }
            if state.isOpen { facts.open.append(line) }
        }
        return facts
    }
}
