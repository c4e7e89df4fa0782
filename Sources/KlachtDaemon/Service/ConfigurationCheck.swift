import CaseStore
import ComplaintCore
import KlachtConfig
import MailTemplates
import MailTransport
import OAuthTokens

/// What `klachtd check-config` verifies beyond the file's syntax.
public enum ConfigurationCheck {
    /// Per template, the variables the daemon offers.
    public static var knownPaths: [String: Set<String>] { MailTemplateCatalog.knownPaths }

    public static func templateProblems(_ runtime: Runtime) -> [String] {
        var problems: [String] = []
        for set in [runtime.templates, runtime.templatesEnglish, runtime.templatesInformal] {
            // The je set shares the nl files it lacks: each problem is said once.
            for problem in set.validate(knownPaths: knownPaths).map(\.description) where !problems.contains(problem) {
                problems.append(problem)
            }
        }
        // A parent addressed with je must not get the u letter: every parent letter needs its nl-je text.
        let configuration = runtime.configuration
        if configuration.organisation.addressForm == .je || configuration.locations.contains(where: { $0.addressForm == .je }) {
            for name in MailTemplateCatalog.parentLetters where runtime.templatesInformal.fallbackNames.contains(name) {
                problems.append("\(AddressForm.je.dutchFolder)/\(name).txt is missing: address_form = je is set, so parents would get the u letter from nl/. "
                                + "Copy nl/\(name).txt to \(AddressForm.je.dutchFolder)/ and write it with je.")
            }
        }
        return problems
    }

    public struct ConnectionResult: Sendable {
        public var server: String
        public var ok: Bool
        public var outcome: String
    }

    /// Fetches a token (with OAuth2), logs in to IMAP (and selects the mailbox) and to SMTP,
    /// naming the step that failed: DNS, TCP, TLS, certificate, authentication, mailbox or token endpoint.
    public static func connect(_ runtime: Runtime) -> [ConnectionResult] {
        var results: [ConnectionResult] = []
        let configuration = runtime.configuration
        var token: String?
        if let oauth = configuration.oauth {
            let source = TokenSourceFactory.source(oauth, configFile: configuration.file)
            let what = "OAuth2 token (\(oauth.provider.rawValue)\(oauth.tokenURL.map { " at " + $0 } ?? ""))"
            do {
                let fetched = try source.fetch(now: runtime.clock.now())
                token = fetched.value
                results.append(ConnectionResult(server: what, ok: true,
                                                outcome: "ok" + (fetched.expiresAt.map { ", valid until \(Timestamp.string($0))" } ?? "")))
            } catch {
                results.append(ConnectionResult(server: what, ok: false, outcome: "failed (\(step(error))): \(error)"))
            }
        }
        if let graph = configuration.graph { return results + GraphConnectionCheck.check(graph, token: token) }
        let imap = configuration.imap.server, smtp = configuration.smtp
        results.append(attempt("IMAP \(imap.url) (\(imap.authentication.rawValue))", needsToken: imap.authentication != .password, token: token) {
            let connection = try IMAPConnection(endpoint: try Endpoints.imap(configuration, token: token))
            defer { connection.logout() }
            let status = try connection.select(configuration.imap.mailbox)
            return "ok, \(status.exists) message(s) in \(configuration.imap.mailbox)"
        })
        results.append(attempt("SMTP \(smtp.url) (\(smtp.authentication.rawValue))", needsToken: smtp.authentication != .password, token: token) {
            switch try SMTPConnection.verify(endpoint: try Endpoints.smtp(configuration, token: token)) {
            case .accepted: return "ok, login accepted"
            case .noCredentials: return "ok (no login configured)"
            case .notOffered:
                // Not a failure (the server may trust this host), but not a checked password either.
                return "WARNING: connected, but the login was NOT checked: the server offered no AUTH, so the password was never sent"
            }
        })
        return results
    }

    /// One login check; without the token it needs, it is not tried.
    private static func attempt(_ server: String, needsToken: Bool, token: String?, _ login: () throws -> String) -> ConnectionResult {
        guard token != nil || !needsToken else { return ConnectionResult(server: server, ok: false, outcome: "not tried: no OAuth2 token") }
        do {
            return ConnectionResult(server: server, ok: true, outcome: try login())
        } catch {
            return ConnectionResult(server: server, ok: false, outcome: "failed (\(step(error))): \(error)")
        }
    }

    /// The step a failure belongs to, as the operator's checklist names it.
    static func step(_ error: Error) -> String {
        switch error {
        case let failure as TransportFailure:
            switch failure {
            case .resolve: "DNS"
            case .connect: "TCP"
            case .tls: "TLS"
            case .certificate: "certificate"
            case .authentication: "authentication"
            case .mailbox: "mailbox"
            case .timeout: "timeout"
            case .connectionLost, .protocolError, .permanentRefusal, .transientRefusal: "protocol"
            }
        case let failure as TokenFailure:
            switch failure {
            case .endpoint(let kind, _): "token endpoint, \(kind.rawValue)"
            case .refused: "token endpoint, refused"
            case .credential: "token credential"
            case .command: "token command"
            }
        case is ConfigError: "configuration"
        default: "other"
        }
    }
}
