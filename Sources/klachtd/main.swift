import Foundation
import KlachtDaemon

/// klachtd's command line: one word chooses the command, `--help` explains each.
let version = "klachtd 0.1.0"

let commands: [String: Command] = [
    "run": RunCommand(), "deliver": DeliverCommand(), "check-config": CheckConfigCommand(),
    "cases": CasesCommand(), "case": CaseCommand(), "parse": ParseCommand(),
    "terms": TermsCommand(), "holidays": HolidaysCommand(),
    "quarantine": QuarantineCommand(), "reprocess": ReprocessCommand(),
    "tick": TickCommand(),
    "report": ReportCommand(), "report-cycle": ReportCycleCLICommand(), "overview": OverviewCommand(), "purge": PurgeCommand(), "export": ExportCommand(),
    "backup": BackupCommand(), "status": StatusCommand(),
    "oauth": OAuthCommand(),
]

let words = Array(CommandLine.arguments.dropFirst())
guard let name = words.first, name != "--help", name != "-h", name != "help" else {
    Output.out(Help.overview(commands))
    exit(words.isEmpty ? 2 : 0)
}
if name == "--version" {
    Output.out(version)
    exit(0)
}
guard let command = commands[name] else {
    Output.err("klachtd: unknown command '\(name)'.\n\n" + Help.overview(commands))
    exit(2)
}
exit(command.execute(Array(words.dropFirst())))
