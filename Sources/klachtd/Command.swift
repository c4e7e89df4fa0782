import DaemonSupport
import Foundation
import KlachtConfig
import KlachtDaemon

/// One `klachtd WORD` command.
protocol Command {
    var summary: String { get }
    var usage: String { get }
    var valuedOptions: Set<String> { get }
    func run(_ arguments: Arguments) throws -> Int32
    /// Runs the command for its words and returns the exit status.
    func execute(_ words: [String]) -> Int32
}

extension Command {
    var valuedOptions: Set<String> { ["--config", "--now"] }

    func execute(_ words: [String]) -> Int32 { standardExecution(words) }

    /// Parses the words, prints help on `--help`, and turns errors into messages and exit codes.
    func standardExecution(_ words: [String]) -> Int32 {
        do {
            let arguments = try Arguments(words, valued: valuedOptions)
            if arguments.has("--help") {
                Output.out(usage)
                return 0
            }
            return try run(arguments)
        } catch let error as UsageError {
            Output.err("klachtd: \(error)\n\n\(usage)")
            return 2
        } catch let error as ConfigError {
            Output.err("klachtd: configuration error: \(error)")
            return 78
        } catch {
            Output.err("klachtd: \(error)")
            return 1
        }
    }

    /// The configuration named by `--config`, `$KLACHTD_CONFIG` or the default path.
    func runtime(_ arguments: Arguments, logger: Logger = Logger()) throws -> Runtime {
        let path = ConfigurationLoader.locate(explicit: arguments["--config"])
        return try Runtime(configuration: try ConfigurationLoader.load(path: path), clock: Clock(fixed: try arguments.now()), logger: logger)
    }
}

enum Help {
    static func overview(_ commands: [String: Command]) -> String {
        let width = commands.keys.map(\.count).max() ?? 10
        let lines = commands.keys.sorted().map { name in
            "  " + name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + (commands[name]?.summary ?? "")
        }
        return """
            klachtd: complaint intake for childcare organisations, by mail (Wet kinderopvang 1.57b).

            Usage: klachtd COMMAND [options]    (klachtd COMMAND --help for details)

            Commands:
            \(lines.joined(separator: "\n"))

            The configuration is --config FILE, else $KLACHTD_CONFIG, else /etc/klachtd/klachtd.conf.
            --version prints the version.
            """
    }
}
