import KlachtConfig
import MailTemplates
import MailTransport

/// What `klachtd check-config` verifies beyond the file's syntax.
public enum ConfigurationCheck {
    /// Every variable every template may use; a template naming another is an error.
    public static let knownPaths: Set<String> = [
        "organisation.name", "organisation.address",
        "case.reference", "case.subject", "case.received_date", "case.location", "case.kind", "case.is_complaint",
        "case.complainant_name", "case.complainant_address", "case.state", "case.text",
        "terms.acknowledgement_due", "terms.first_contact_due", "terms.decision_due", "terms.gck_window_end", "terms.measures_due",
        "handler.address", "reply.address", "screening.hits",
    ]

    public static func templateProblems(_ runtime: Runtime) -> [String] {
        var problems: [String] = []
        for set in [runtime.templates, runtime.templatesEnglish] {
            problems += set.validate(knownPaths: Dictionary(uniqueKeysWithValues: set.names.map { ($0, knownPaths) })).map(\.description)
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
            try SMTPConnection(endpoint: try Endpoints.smtp(configuration)).verify()
            results.append(ConnectionResult(server: "SMTP \(configuration.smtp.url)", ok: true, outcome: "ok"))
        } catch {
            results.append(ConnectionResult(server: "SMTP \(configuration.smtp.url)", ok: false, outcome: "failed: \(error)"))
        }
        return results
    }
}
