import CaseStore
import Foundation
import KlachtDaemon

struct PurgeCommand: Command {
    let summary = "delete personal data the retention policy no longer allows (--dry-run: only list it)"
    let usage = """
        Usage: klachtd purge [--dry-run] [--config FILE] [--now ISO8601]

        Cases closed longer ago than [retention] months (default 24) lose their personal
        data: names, addresses, message texts, form fields, raw messages and sent mails; the
        event log keeps what happened but not who or why. The anonymous facts stay, so
        annual reports do not change. Held: cases flagged 'hold' and meldcode cases. The
        daemon does this once a day by itself (daily_purge = yes). Every run is recorded.
        """

    func run(_ arguments: Arguments) throws -> Int32 {
        let runtime = try runtime(arguments)
        let purge = RetentionPurge(store: try runtime.openStore(), settings: runtime.configuration.retention)
        let dryRun = arguments.has("--dry-run")
        let result = try purge.run(now: runtime.clock.now(), actor: CommandOutput.actor, dryRun: dryRun)
        let verb = dryRun ? "would purge" : "purged"
        Output.out("\(verb) \(result.cases.count) case(s) and \(result.looseRawMessages) loose raw message(s); \(result.held) held")
        for candidate in result.cases { Output.out("  \(candidate.reference) (closed \(Timestamp.string(candidate.closedAt)))") }
        return 0
    }
}
