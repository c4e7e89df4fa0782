import DaemonSupport
import KlachtConfig
import Supervision

/// Which configuration a worker runs with.
///
/// The configuration is read at a start and on a reload (SIGHUP), as it always was: a worker
/// the supervisor starts for new mail or the timer uses the text the last start or reload
/// loaded (`SupervisorLink.configurationSnapshot`), so an edit takes effect on reload and a
/// file broken on disk does not stop intake. Secret files and templates are read from disk
/// by every worker.
extension Daemon {
    static func loadRuntime(path: String, supervisor: SupervisorLink?, logger: Logger) throws -> (runtime: Runtime, text: String) {
        func runtime(from text: String) throws -> (runtime: Runtime, text: String) {
            (try Runtime(text: text, file: path, logger: logger), text)
        }
        if let problem = supervisor?.configurationSnapshotProblem {
            logger.error("\(problem); reading the file instead")
        }
        guard let snapshot = supervisor?.configurationSnapshot else { return try runtime(from: ConfigurationLoader.readText(path: path)) }
        guard supervisor?.reason == .reload else { return try runtime(from: snapshot) }
        do {
            return try runtime(from: ConfigurationLoader.readText(path: path))
        } catch {
            logger.error(reloadRefused(error))
            return try runtime(from: snapshot)
        }
    }

    /// What the log says when a reload finds a broken configuration (a worker's or SIGHUP's).
    static func reloadRefused(_ error: any Error) -> String {
        "reload refused, keeping the running configuration: \(error)"
    }
}

extension Daemon {
    /// Hands the supervisor the text this worker runs with, for the workers it starts later.
    /// When that fails the error is loud and this worker does not hand over (it keeps running),
    /// so no later worker starts with an older or partial configuration.
    func passConfigurationOn(_ text: String) {
        guard let supervisor else { return }
        do {
            try supervisor.sendConfiguration(text)
            configurationPassedOn = true
        } catch {
            configurationPassedOn = false
            runtime.logger.error("\(error); this worker keeps running instead of handing over, so no worker starts with an older configuration")
        }
    }
}
