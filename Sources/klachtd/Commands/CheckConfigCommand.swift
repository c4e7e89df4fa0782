import KlachtConfig
import KlachtDaemon

struct CheckConfigCommand: Command {
    let summary = "check the configuration and templates (with --connect: log in to IMAP and SMTP)"
    let usage = """
        Usage: klachtd check-config [--config FILE] [--connect]

        Reads the configuration and every template, and says what is wrong with the file,
        the line and the fix. With --connect it also logs in to IMAP and SMTP and says
        exactly what failed. Exit 0 when all is well, 78 on a configuration error, 1 when
        a server cannot be reached.
        """

    func run(_ arguments: Arguments) throws -> Int32 {
        let runtime = try runtime(arguments)
        let configuration = runtime.configuration
        let problems = ConfigurationCheck.templateProblems(runtime)
        for problem in problems { Output.err("klachtd: template error: \(problem)") }
        if !problems.isEmpty { return 78 }
        Output.out("configuration \(configuration.file): ok")
        Output.out("  organisation: \(configuration.organisation.name) <\(configuration.organisation.address)>")
        Output.out("  locations: \(configuration.locations.map { "\($0.name) (\($0.regime.rawValue))" }.joined(separator: ", "))")
        Output.out("  database: \(configuration.databasePath)")
        for warning in PlaintextRule.warnings(configuration) { Output.err("klachtd: " + warning) }
        let secretSource = configuration.organisation.secretFile
            ?? GeneratedReplySecret.path(databasePath: configuration.databasePath) + ", made by klachtd"
        Output.out(runtime.replySigner == nil
            ? "  staff commands by email: off (no secret: \(GeneratedReplySecret.path(databasePath: configuration.databasePath)) cannot be made; set [organisation] secret_file; replies are kept as unverified notes)"
            : "  staff commands by email: on (secret: \(secretSource))"
                + (configuration.authentication.authservID.map { ", Authentication-Results of \($0) required" } ?? ""))
        guard arguments.has("--connect") else { return 0 }
        var failed = false
        for result in ConfigurationCheck.connect(runtime) {
            Output.out("  \(result.server): \(result.outcome)")
            failed = failed || !result.ok
        }
        return failed ? 1 : 0
    }
}
