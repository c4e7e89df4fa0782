import KlachtConfig
import MailTemplates
import MailTransport

/// What `klachtd check-config` verifies beyond the file's syntax.
public enum ConfigurationCheck {
    /// Per template, the variables the daemon offers.
    public static var knownPaths: [String: Set<String>] { MailTemplateCatalog.knownPaths }

    public static func templateProblems(_ runtime: Runtime) -> [String] {
        var problems: [String] = []
        for set in [runtime.templates, runtime.templatesEnglish] {
            problems += set.validate(knownPaths: knownPaths).map(\.description)
        }
        return problems
    }

    public struct ConnectionResult: Sendable {
        public var server: String
        public var ok: Bool
        public var outcome: String
    }

    /// Logs in to IMAP (and selects the mailbox) and to SMTP, saying exactly what failed.
    public static func connect(_ runtime: Runtime) -> [ConnectionResult] {
        var results: [ConnectionResult] = []
        let configuration = runtime.configuration
        do {
            let imap = try IMAPConnection(endpoint: try Endpoints.imap(configuration))
            let status = try imap.select(configuration.imap.mailbox)
            imap.logout()
            results.append(ConnectionResult(server: "IMAP \(configuration.imap.server.url)", ok: true,
                                            outcome: "ok, \(status.exists) message(s) in \(configuration.imap.mailbox)"))
        } catch {
            results.append(ConnectionResult(server: "IMAP \(configuration.imap.server.url)", ok: false, outcome: "failed: \(error)"))
        }
        do {
            try SMTPConnection.verify(endpoint: try Endpoints.smtp(configuration))
            results.append(ConnectionResult(server: "SMTP \(configuration.smtp.url)", ok: true, outcome: "ok"))
        } catch {
            results.append(ConnectionResult(server: "SMTP \(configuration.smtp.url)", ok: false, outcome: "failed: \(error)"))
        }
        return results
    }
}
