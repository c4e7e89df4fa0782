import ComplaintCore
import Foundation
import MailTemplates

/// How urgent a term is, as the desk's and the weekly overview's tables colour it.
///
/// Colours are `bgcolor` values (Outlook desktop ignores most CSS but honours the attribute),
/// light enough for black text; each colour comes with a word, so the plain-text part and a
/// reader who cannot tell the colours apart get the same fact.
enum TermUrgency: String {
    case overdue, thisWeek, later, none

    static func of(_ due: LocalDate, now: Date, civil: CivilTime) -> TermUrgency {
        if TermCalculator.isOverdue(due, at: now, civil: civil) { return .overdue }
        return due <= ISOWeek(containing: civil.localDate(of: now)).sunday ? .thisWeek : .later
    }

    var colour: String {
        switch self {
        case .overdue: "#f4c7c3"
        case .thisWeek: "#fce8b2"
        case .later: "#d9ead3"
        case .none: "#eeeeee"
        }
    }

    func label(english: Bool) -> String {
        switch self {
        case .overdue: english ? "overdue" : "verstreken"
        case .thisWeek: english ? "this week" : "deze week"
        case .later: english ? "on schedule" : "op schema"
        case .none: english ? "no term" : "geen termijn"
        }
    }

    /// `item.urgency` and `item.colour` for a template row.
    func values(english: Bool) -> [String: TemplateValue] { ["urgency": .string(label(english: english)), "colour": .string(colour)] }
}

/// Counts per group with a bar drawn in table cells: `width` is the bar's share in percent
/// (at least 1 when the count is not 0, so a single case still shows), `rest` the remainder.
enum CountBars {
    static func values(_ counts: [(label: String, count: Int)]) -> TemplateValue {
        let largest = max(1, counts.map(\.count).max() ?? 1)
        return .list(counts.map { entry in
            let width = entry.count == 0 ? 0 : max(1, entry.count * 100 / largest)
            return .object(["name": .string(entry.label), "count": .string(String(entry.count)), "width": .string(String(width)),
                            "rest": .string(String(100 - width)), "full": .bool(width >= 100)])
        })
    }
}

extension MailRenderer {
    /// What the HTML overview adds to the text's facts: the terms in one list coloured by
    /// urgency, their counts, and the open cases per location as bars.
    func digestPictureValues(_ digest: WeeklyDigest, english: Bool) throws -> [String: TemplateValue] {
        func lines(_ list: [WeeklyDigest.TermLine], _ urgency: TermUrgency) -> [TemplateValue] {
            list.map { line in
                var row: [String: TemplateValue] = [
                    "reference": .string(line.reference.description), "location": .string(line.location ?? ""),
                    "term": .string(line.term.digestLabel(english: english)), "due": .string(DateWording.format(line.due, english: english)),
                    "handler": .string(line.handler ?? ""),
                ]
                for (key, value) in urgency.values(english: english) { row[key] = value }
                return .object(row)
            }
        }
        var perLocation: [String: Int] = [:]
        for record in try store.allCases(openOnly: true) where record.state != .safeguarding && record.state.isOpen {
            perLocation[record.location ?? (english ? "no location" : "geen locatie"), default: 0] += 1
        }
        let counts = perLocation.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (label: $0.key, count: $0.value) }
        return [
            "terms": .list(lines(digest.overdue, .overdue) + lines(digest.dueSoon, .thisWeek)),
            "overdue_count": .string(String(digest.overdue.count)), "due_soon_count": .string(String(digest.dueSoon.count)),
            "locations": CountBars.values(counts),
        ]
    }
}
