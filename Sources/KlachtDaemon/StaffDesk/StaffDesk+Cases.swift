import CaseStore
import ComplaintCore
import Foundation
import MailTemplates

extension StaffDesk {
    /// `#zaken FILTER`: the matching cases with their next term coloured by urgency, and the count per location.
    ///
    /// Meldcode cases are only counted: their details are the safeguarding officer's alone.
    func cases(_ filter: CaseFilter) throws -> Reply {
        let civil = runtime.civil
        let today = civil.localDate(of: now)
        let run = SchedulerRun(runtime: runtime, store: store)
        let scheduler = run.scheduler
        let scheduled = Dictionary(uniqueKeysWithValues: try ScheduledCaseFacts(runtime: runtime, store: store).load(now: now).cases.map { ($0.id, $0) })
        let openTerms: (Case) -> [(term: WatchedTerm, due: LocalDate)] = { record in
            guard record.state.isOpen, let facts = scheduled[record.id] else { return [] }
            return scheduler.openTerms(of: facts).sorted { $0.due < $1.due }
        }
        let all = try store.allCases(openOnly: filter == .open || filter == .overdue || filter == .thisWeek)
        let location: String?
        if case .location(let name) = filter {
            guard let match = LocationMatcher(locations: runtime.configuration.locations).match(field: name) else {
                let names = runtime.configuration.locations.map(\.name).joined(separator: ", ")
                throw DeskRefusal(text: words.noLocation(named: name, among: names))
            }
            location = match.name
        } else {
            location = nil
        }
        let week = ISOWeek(containing: today)
        let matching = all.filter { record in
            switch filter {
            case .open: return record.state.isOpen
            case .overdue: return openTerms(record).contains { TermCalculator.isOverdue($0.due, at: now, civil: civil) }
            case .thisWeek: return openTerms(record).contains { !TermCalculator.isOverdue($0.due, at: now, civil: civil) && $0.due <= week.sunday }
            case .location: return record.location == location
            case .year(let year): return civil.localDate(of: record.receivedAt).year == year
            }
        }
        let visible = matching.filter { $0.state != .safeguarding }.sorted { $0.receivedAt < $1.receivedAt }
        let words = words
        let rows: [TemplateValue] = visible.map { record in
            var row: [String: TemplateValue] = [
                "reference": .string(record.reference.description), "state": .string(words.state(record.state)),
                "kind": .string(words.kind(record.kind)),
                "received": .string(dateText(civil.localDate(of: record.receivedAt))),
                "complainant": .string(record.complainantName ?? record.complainantAddress ?? words.unknown),
                "location": .string(record.location ?? words.noLocation), "handler": .string(record.handler ?? words.notYetAssigned),
                "subject": .string(String((record.subject ?? "").prefix(60))),
            ]
            if let next = openTerms(record).first {
                row["term"] = .string(next.term.digestLabel(english: words.english))
                row["due"] = .string(dateText(next.due))
                for (key, value) in TermUrgency.of(next.due, now: now, civil: civil).values(english: words.english) { row[key] = value }
            } else {
                row["term"] = .string("-")
                row["due"] = .string("-")
                for (key, value) in TermUrgency.none.values(english: words.english) { row[key] = value }
            }
            return .object(row)
        }
        var perLocation: [String: Int] = [:]
        for record in visible { perLocation[record.location ?? words.noLocation, default: 0] += 1 }
        let counts = perLocation.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (label: $0.key, count: $0.value) }
        return Reply(template: .deskCases, values: ["desk": .object([
            "filter": .string(words.filter(filter)), "count": .string(String(visible.count)), "cases": .list(rows),
            "locations": CountBars.values(counts), "today": .string(dateText(today)),
            "safeguarding_count": .string(String(matching.count - visible.count)),
            "has_safeguarding": .bool(matching.count > visible.count),
        ])])
    }
}
