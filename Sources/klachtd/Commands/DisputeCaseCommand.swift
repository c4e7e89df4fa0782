import CaseStore
import ComplaintCore
import Foundation
import KlachtDaemon
import Reporting

/// `klachtd case new --dispute DATE ...`: a dispute at the Geschillencommissie Kinderopvang that
/// never went through the internal procedure, or that the oudercommissie brought.
///
/// The annual report counts every dispute (Wet kinderopvang 1.57b), so such a dispute gets a
/// case of its own: no parent's mail, no terms, no letters; only the anonymous facts the
/// report needs (date, origin, location, category, ruling), recorded with actor `cli:<user>`.
enum DisputeCaseCommand {
    static let valuedOptions: Set<String> = ["--dispute", "--by", "--location", "--category", "--ruling", "--ruling-date"]

    static func run(_ arguments: Arguments, runtime: Runtime) throws -> Int32 {
        let request = try Request(arguments, runtime: runtime)
        let store = try runtime.openStore()
        let actor = "cli:" + (ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown")
        let now = runtime.clock.now()
        let reference = try store.transaction { () throws -> CaseReference in
            let reference = try store.nextReference(year: request.date.year)
            let caseID = try store.insertCase(NewCaseRecord(
                state: .referredGeschillencommissie, kind: .klacht, regime: request.regime,
                receivedAt: runtime.civil.date(request.date, hour: 12, minute: 0), complainantName: nil, complainantAddress: nil,
                complainantMessageID: nil, location: request.location, handler: nil, subject: nil,
                flags: [.disputeOnly] + (request.origin == .parentCouncil ? [.parentCouncil] : [])), reference: reference, now: now)
            try store.appendEvent(caseID: caseID, actor: actor, action: "case opened", from: nil, to: .referredGeschillencommissie,
                                  reason: "geschil bij de Geschillencommissie, \(request.origin.dutchLabel), op \(request.date.iso)",
                                  rawMessageID: nil, now: now)
            if let category = request.category {
                try store.updateCase(caseID: caseID, column: .category, value: category, actor: actor, reason: nil, rawMessageID: nil, now: now)
            }
            try store.setReportNote(caseID: caseID, .disputeDate, request.date.iso, actor: actor, now: now)
            try store.setReportNote(caseID: caseID, .disputeOrigin, request.origin.rawValue, actor: actor, now: now)
            if let (outcome, day) = request.ruling {
                try store.setReportNote(caseID: caseID, .disputeOutcome, outcome.dutchLabel, actor: actor, now: now)
                try store.setReportNote(caseID: caseID, .rulingDate, day.iso, actor: actor, now: now)
                try store.changeState(caseID: caseID, from: .referredGeschillencommissie, to: .closed, actor: actor,
                                      action: CaseAction.close.rawValue, reason: "uitspraak van de Geschillencommissie: \(outcome.dutchLabel)",
                                      rawMessageID: nil, now: now)
            }
            return reference
        }
        Output.out("\(reference): geschil vastgelegd (\(request.origin.dutchLabel), \(request.date.iso))"
                   + (request.ruling.map { ", uitspraak \($0.0.dutchLabel)" } ?? ""))
        return 0
    }

    /// The options, checked before anything is written.
    struct Request {
        var date: LocalDate
        var origin: DisputeOrigin
        var location: String?
        var regime: Regime
        var category: String?
        var ruling: (RulingOutcome, LocalDate)?

        init(_ arguments: Arguments, runtime: Runtime) throws {
            let today = runtime.civil.localDate(of: runtime.clock.now())
            guard let text = arguments["--dispute"] else {
                throw UsageError("klachtd case new records a dispute: give --dispute DATE (the day it was submitted)")
            }
            guard let date = Self.date(text), date <= today else { throw UsageError("--dispute \(text) is not a date up to today (2026-07-01)") }
            self.date = date
            switch arguments["--by"]?.lowercased() ?? "ouder" {
            case "ouder", "parent": origin = .direct
            case "oudercommissie", "parent-council": origin = .parentCouncil
            case let other: throw UsageError("--by \(other): write ouder or oudercommissie")
            }
            let locations = runtime.configuration.locations
            if let name = arguments["--location"] {
                guard let match = LocationMatcher(locations: locations).match(field: name) else {
                    throw UsageError("--location \(name) is not in the configuration: " + locations.map(\.name).joined(separator: ", "))
                }
                location = match.name
                regime = match.regime
            } else {
                regime = runtime.configuration.defaultRegime
            }
            if let name = arguments["--category"] {
                guard let match = CommandVocabulary.category(matching: name) else {
                    throw UsageError("--category \(name) is unknown: " + CommandVocabulary.categories.joined(separator: "; "))
                }
                category = match
            }
            switch (arguments["--ruling"], arguments["--ruling-date"]) {
            case (nil, nil): ruling = nil
            case (let word?, let day?):
                guard let outcome = RulingOutcome(word: word) else {
                    throw UsageError("--ruling \(word): write gegrond, deels-gegrond, ongegrond, ingetrokken or schikking")
                }
                guard let when = Self.date(day), when >= date, when <= today else {
                    throw UsageError("--ruling-date \(day) is not a date between the dispute and today")
                }
                ruling = (outcome, when)
            default: throw UsageError("give --ruling OUTCOME together with --ruling-date DATE")
            }
        }

        static func date(_ text: String) -> LocalDate? {
            if case .date(let date)? = TermSpecParser.parse(text) { return date }
            return nil
        }
    }
}
