import DaemonSupport
import KlachtConfig
import KlachtDaemon
import Supervision

struct RunCommand: Command {
    let summary = "run the daemon in the foreground (systemd Type=notify); SIGTERM stops it, SIGHUP reloads"
    let usage = """
        Usage: klachtd run [--config FILE] [--debug] [--single-process]

        Polls the complaints mailbox over IMAP (IDLE where the server has it), stores every
        message, opens and updates cases, and sends the mails in the outbox over SMTP.
        Logs go to standard error with syslog priorities. Never exits on a server outage:
        it retries with backoff. SIGTERM/SIGINT finish the current step and stop.

        The process becomes klachtd-supervisor (installed beside klachtd), which stays
        resident, small, and starts `klachtd run --worker` whenever there is work; see
        [service] in the configuration. --single-process keeps all of klachtd in this one
        process instead (more memory while idle, nothing else differs).
        """

    func run(_ arguments: Arguments) throws -> Int32 {
        let path = ConfigurationLoader.locate(explicit: arguments["--config"])
        let logger = Logger(threshold: arguments.has("--debug") ? .debug : .info)
        if arguments.has("--worker") {
            guard let link = SupervisorLink.fromEnvironment() else {
                throw UsageError("--worker is for klachtd-supervisor; run `klachtd run` instead")
            }
            return try Daemon(configPath: path, logger: logger, supervisor: link).run()
        }
        if !arguments.has("--single-process") {
            // A broken configuration or template stops here, with the file, line and fix, as it
            // always did: not in a worker the supervisor would start again and again.
            _ = try Runtime(configuration: try ConfigurationLoader.load(path: path), logger: logger)
            if let supervisor = SupervisorExecutable.besideThisProgram() {
                var worker = [supervisor.worker, "run", "--worker", "--config", path]
                if arguments.has("--debug") { worker.append("--debug") }
                let problem = SupervisorExecutable.replaceThisProcess(with: supervisor.path, workerCommand: worker)
                logger.warning("cannot start \(supervisor.path) (\(problem)); running as a single process")
            } else {
                logger.notice("klachtd-supervisor is not installed beside klachtd; running as a single process")
            }
        }
        return try Daemon(configPath: path, logger: logger).run()
    }
}

struct DeliverCommand: Command {
    let summary = "store and process one message from standard input (a pipe from the mail server)"
    let usage = """
        Usage: klachtd deliver [--config FILE] [--now ISO8601] < message.eml

        Exit 0 when the message is stored (it will be handled even if sending fails now),
        75 (EX_TEMPFAIL) for any failure before it is stored (a configuration, password or
        secret file error too), so the mail server keeps it and tries again instead of
        bouncing it. A message over [limits] max_message_bytes is stored unread and
        quarantined. --now sets the time of receipt, for replays and tests.
        """

    /// Any failure before the message is stored is temporary for the mail server: Postfix's
    /// pipe turns every other non-zero status (78 for a configuration error, 2 for a usage
    /// error, 1) into a permanent bounce, and a complaint must not bounce because a password
    /// file is unreadable for a moment. What went wrong is on standard error and in the log.
    func execute(_ words: [String]) -> Int32 {
        let status = standardExecution(words)
        return status == Delivery.stored ? status : Delivery.tryAgainLater
    }

    func run(_ arguments: Arguments) throws -> Int32 {
        let runtime = try runtime(arguments)
        return Delivery.deliver(from: 0, runtime: runtime)
    }
}
