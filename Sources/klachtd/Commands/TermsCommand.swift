import ComplaintCore
import Foundation
import JSONText
import KlachtConfig
import KlachtDaemon
import MailParser

struct TermsCommand: Command {
    let summary = "print the terms of a complaint received at a given moment"
    let usage = """
        Usage: klachtd terms --received ISO8601 [--location NAME] [--regime wko|wkkgz|jeugdwet] [--json] [--config FILE]

        Prints acknowledgement_due, first_contact_due, solution_target_due, decision_due,
        gck_window_end and the reminder dates. Without a configuration file the law's and
        the default organisation terms are used.
        """
    var valuedOptions: Set<String> { ["--config", "--received", "--location", "--regime"] }

    func run(_ arguments: Arguments) throws -> Int32 {
        guard let text = arguments["--received"] else { throw UsageError("--received is required, e.g. --received 2026-05-04T10:00:00+02:00") }
        guard let received = ISOTime.parse(text) else { throw UsageError("--received \(text) is not an ISO 8601 time") }
        let calendar = try CalendarSettings.load(arguments)
        var regime = calendar.defaultRegime
        if let name = arguments["--location"] {
            guard let location = calendar.locations.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw UsageError("no location '\(name)' in the configuration")
            }
            regime = location.regime
        }
        if let word = arguments["--regime"] {
            guard let chosen = Regime(rawValue: word) else { throw UsageError("--regime must be wko, wkkgz or jeugdwet") }
            regime = chosen
        }
        let terms = TermCalculator.terms(received: received, regime: regime, policy: calendar.policy, calendar: calendar.workingDays, civil: calendar.civil)
        var object: [(String, JSONValue)] = [
            ("received", .string(text)), ("received_date", .string(terms.receivedDate.iso)), ("regime", .string(regime.rawValue)),
            ("acknowledgement_due", .string(terms.acknowledgementDue.iso)), ("first_contact_due", .string(terms.firstContactDue.iso)),
            ("solution_target_due", terms.solutionTargetDue.map { .string($0.iso) } ?? .null),
            ("decision_due", .string(terms.decisionDue.iso)), ("decision_legal_deadline", .string(terms.legalDecisionDeadline.iso)),
            ("gck_window_end", .string(terms.gckWindowEnd.iso)),
        ]
        object.append(("reminders", .array(terms.reminders.map {
            .object([("key", .string($0.key)), ("date", .string($0.date.iso)), ("kind", .string($0.kind.rawValue))])
        })))
        if arguments.has("--json") {
            Output.out(JSONValue.object(object).serialized())
        } else {
            for (key, value) in object where key != "reminders" { Output.out("\(key): \(value.serialized())") }
            for reminder in terms.reminders { Output.out("reminder \(reminder.key): \(reminder.date.iso)") }
        }
        return 0
    }
}

struct HolidaysCommand: Command {
    let summary = "print the Dutch public holidays (and configured closing days) of a year"
    let usage = """
        Usage: klachtd holidays --year YYYY [--json] [--config FILE]
        """
    var valuedOptions: Set<String> { ["--config", "--year"] }

    func run(_ arguments: Arguments) throws -> Int32 {
        guard let text = arguments["--year"], let year = Int(text), (1900...2200).contains(year) else {
            throw UsageError("--year YYYY is required (1900 to 2200)")
        }
        let calendar = try CalendarSettings.load(arguments)
        let holidays = calendar.holidays.holidays(in: year)
        if arguments.has("--json") {
            Output.out(JSONValue.array(holidays.map { .object([("date", .string($0.date.iso)), ("name", .string($0.name))]) }).serialized())
        } else {
            for holiday in holidays { Output.out("\(holiday.date.iso)  \(holiday.name)") }
        }
        return 0
    }
}

/// The calendar settings from the configuration when there is one, else the defaults.
struct CalendarSettings {
    var policy = TermPolicy()
    var holidays = DutchHolidays()
    var workingDays = WorkingDayCalendar(holidays: DutchHolidays())
    var civil = CivilTime()
    var locations: [LocationProfile] = []
    var defaultRegime = Regime.wko

    static func load(_ arguments: Arguments) throws -> CalendarSettings {
        let path = ConfigurationLoader.locate(explicit: arguments["--config"])
        guard arguments["--config"] != nil || FileManager.default.fileExists(atPath: path) else { return CalendarSettings() }
        let runtime = try Runtime(configuration: try ConfigurationLoader.load(path: path))
        return CalendarSettings(policy: runtime.termPolicy, holidays: runtime.workingDays.holidays, workingDays: runtime.workingDays,
                                civil: runtime.civil, locations: runtime.configuration.locations, defaultRegime: runtime.configuration.defaultRegime)
    }
}
