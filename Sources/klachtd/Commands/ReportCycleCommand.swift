import ComplaintCore
import Foundation
import KlachtDaemon

struct ReportCycleCLICommand: Command {
    let summary = "record when the annual report went to the GGD and was discussed with the oudercommissie"
    let usage = """
        Usage: klachtd report-cycle YYYY [sent-to-ggd DATE | oudercommissie DATE] [--config FILE] [--now ISO8601]

        The annual report of YYYY goes to the GGD before 1 June of the next year and is
        discussed with the oudercommissie. Recording both dates stops the fortnightly
        reminders to the quality staff (from 1 April), and the report shows them. A date is
        2027-05-20 or 20-5-2027; recording it again corrects it. Without an action it prints
        what is recorded. The quality staff can record them by mail too:
        #jaarverslag-verzonden DATE and #oudercommissie DATE.
        """
    var valuedOptions: Set<String> { ["--config", "--now"] }

    func run(_ arguments: Arguments) throws -> Int32 {
        let words = arguments.positional
        guard let first = words.first, let year = Int(first), (2000...2200).contains(year) else {
            throw UsageError("the report year is required, e.g. klachtd report-cycle 2026 sent-to-ggd 2027-05-20")
        }
        let runtime = try runtime(arguments)
        let store = try runtime.openStore()
        if words.count == 1 {
            let status = try store.reportCycle(year: year)
            Output.out("report \(year): sent to the GGD \(status.sentToGGD?.iso ?? "not recorded"); "
                       + "oudercommissie \(status.oudercommissie?.iso ?? "not recorded")")
            return 0
        }
        guard words.count == 3, let date = TermSpecParser.parse(words[2]).flatMap({ if case .date(let d) = $0 { d } else { nil } }) else {
            throw UsageError("write: klachtd report-cycle \(year) sent-to-ggd DATE, or oudercommissie DATE (e.g. 2027-05-20)")
        }
        let today = runtime.civil.localDate(of: runtime.clock.now())
        guard date <= today else { throw UsageError("\(date.iso) is after today (\(today.iso))") }
        guard date.year > year else { throw UsageError("\(date.iso) is not after the report year \(year)") }
        let command: ReportCycleCommand
        switch words[1] {
        case "sent-to-ggd", "ggd": command = .sentToGGD(year: year, date: date)
        case "oudercommissie": command = .oudercommissie(year: year, date: date)
        default: throw UsageError("'\(words[1])' is not sent-to-ggd or oudercommissie")
        }
        let line = try ReportCycleRecorder(runtime: runtime, store: store).record(command, actor: CommandOutput.actor, now: runtime.clock.now())
        Output.out(line)
        return 0
    }
}
