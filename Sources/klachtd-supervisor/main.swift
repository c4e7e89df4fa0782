import DaemonSupport
import Glibc
import Supervision

// klachtd-supervisor WORKER [ARGUMENTS...]
//
// Not meant to be started by hand: `klachtd run` replaces itself with this program and
// names itself as the worker (`klachtd run --worker ...`). See Supervision/Supervisor.swift.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let worker = arguments.first, worker.hasPrefix("/") else {
    let usage = "usage: klachtd-supervisor /absolute/path/to/klachtd run --worker [--config FILE]\n(use `klachtd run`, which starts this)\n"
    _ = usage.withCString { write(2, $0, strlen($0)) }
    exit(64)
}
let debug = arguments.contains("--debug")
exit(Supervisor(workerCommand: arguments, logger: Logger(threshold: debug ? .debug : .info)).run())
