import KlachtDaemon

struct TickCommand: Command {
    let summary = "run the scheduler once (reminders, escalations, weekly digest) and send the outbox"
    let usage = """
        Usage: klachtd tick [--now ISO8601] [--config FILE] [--no-send]

        Queues every reminder, escalation and weekly digest that is due and was not sent
        before, prints one line per queued mail (reference, key, template, recipients), then
        sends the outbox. The running daemon does the same every minute; tick is for cron and
        tests. Each mail goes out once, however often tick runs: the keys are stored.
        --now pretends it is that moment (e.g. 2026-06-16T10:00:00+02:00).
        --no-send only queues; the daemon or the next tick sends.
        """

    func run(_ arguments: Arguments) throws -> Int32 {
        let runtime = try runtime(arguments)
        let store = try runtime.openStore()
        let queued = try SchedulerRun(runtime: runtime, store: store).run()
        for mail in queued { Output.out("queued \(mail)") }
        if queued.isEmpty { Output.out("nothing due") }
        guard !arguments.has("--no-send") else { return 0 }
        do {
            try OutboxSender(runtime: runtime, store: store).sendDue()
        } catch {
            Output.err("klachtd: sending failed, the outbox keeps the mail for the daemon: \(error)")
            return 75
        }
        return 0
    }
}
