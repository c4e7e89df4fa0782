import KlachtConfig
import KlachtDaemon

struct RunCommand: Command {
    let summary = "run the daemon in the foreground (systemd Type=notify); SIGTERM stops it, SIGHUP reloads"
    let usage = """
        Usage: klachtd run [--config FILE] [--debug]

        Polls the complaints mailbox over IMAP (IDLE where the server has it), stores every
        message, opens and updates cases, and sends the mails in the outbox over SMTP.
        Logs go to standard error with syslog priorities. Never exits on a server outage:
        it retries with backoff. SIGTERM/SIGINT finish the current step and stop.
        """

    func run(_ arguments: Arguments) throws -> Int32 {
        let path = ConfigurationLoader.locate(explicit: arguments["--config"])
        let daemon = try Daemon(configPath: path, logger: Logger(threshold: arguments.has("--debug") ? .debug : .info))
        return daemon.run()
    }
}

struct DeliverCommand: Command {
    let summary = "store and process one message from standard input (a pipe from the mail server)"
    let usage = """
        Usage: klachtd deliver [--config FILE] [--now ISO8601] < message.eml

        Exit 0 when the message is stored (it will be handled even if sending fails now),
        75 (EX_TEMPFAIL) when it could not be stored and the mail server should try again.
        --now sets the time of receipt, for replays and tests.
        """

    func run(_ arguments: Arguments) throws -> Int32 {
        let runtime = try runtime(arguments)
        let bytes = Output.readStandardInput()
        guard !bytes.isEmpty else { throw UsageError("standard input is empty: pipe a message into klachtd deliver") }
        return Delivery.deliver(bytes, runtime: runtime)
    }
}
