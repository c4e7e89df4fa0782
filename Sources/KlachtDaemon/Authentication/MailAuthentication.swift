import CaseStore
import Foundation
import KlachtConfig
import MailTransport
import OAuthTokens

/// The two mail servers klachtd logs in to.
public enum MailService: String, Sendable {
    case imap = "IMAP", smtp = "SMTP"
}

/// Logs in to IMAP and SMTP with a password or an OAuth2 token, and keeps the token facts and warnings.
///
/// One instance is shared by the mailbox sync and the outbox, so both use one cached token.
/// A refused OAuth2 login gets one fresh token and one more try; failures and recoveries are
/// written to the status file and, once each, told to the quality staff.
public final class MailAuthentication {
    let runtime: Runtime
    let cache: TokenCache?
    var status: TokenStatus
    let warnings: CredentialWarnings

    public init(runtime: Runtime) {
        self.runtime = runtime
        warnings = CredentialWarnings(runtime: runtime)
        guard let oauth = runtime.configuration.oauth else {
            cache = nil
            status = TokenStatus()
            return
        }
        let source = TokenSourceFactory.source(oauth, configFile: runtime.configuration.file)
        if let refreshing = source as? RefreshTokenSource {
            let logger = runtime.logger
            refreshing.onRotation = { _ in logger.notice("OAuth: the token endpoint rotated the refresh token; the new one is stored") }
        }
        cache = TokenCache(source: source)
        status = TokenStatus.load(path: oauth.statusFile)
        status.provider = oauth.provider.rawValue
        status.clientSecretExpires = oauth.clientSecretExpires
    }

    /// True when `service` logs in with an OAuth2 token.
    public func usesOAuth(_ service: MailService) -> Bool {
        cache != nil && server(service).authentication != .password
    }

    /// The endpoint for `service`, with a current token when it uses OAuth2.
    public func endpoint(_ service: MailService, store: CaseStore?) throws -> MailServerEndpoint {
        let configuration = runtime.configuration
        guard usesOAuth(service), let cache else {
            return service == .imap ? try Endpoints.imap(configuration) : try Endpoints.smtp(configuration)
        }
        do {
            let token = try cache.token(now: runtime.clock.now())
            note(token)
            return service == .imap ? try Endpoints.imap(configuration, token: token.value) : try Endpoints.smtp(configuration, token: token.value)
        } catch let failure as TokenFailure {
            recordFailure(service, failure.description, urgent: failure.needsOperator, store: store)
            throw failure
        }
    }

    /// Runs `login` with the endpoint; a refused OAuth2 login is retried once with a freshly fetched token.
    public func login<Result>(_ service: MailService, store: CaseStore?, _ login: (MailServerEndpoint) throws -> Result) throws -> Result {
        do {
            let result = try login(try endpoint(service, store: store))
            recordSuccess(service, store: store)
            return result
        } catch let failure as TransportFailure where Self.isRefusal(failure) && usesOAuth(service) {
            runtime.logger.notice("\(service.rawValue): the token was refused; fetching a new one and trying once more")
            cache?.invalidate()
            do {
                let result = try login(try endpoint(service, store: store))
                recordSuccess(service, store: store)
                return result
            } catch let failure as TransportFailure where Self.isRefusal(failure) {
                recordFailure(service, failure.description, urgent: false, store: store)
                throw failure
            }
        }
    }

    /// Checks the refresh token's age and the client secret's expiry date; call once per cycle.
    public func review(store: CaseStore) {
        guard let oauth = runtime.configuration.oauth else { return }
        let before = status
        warnings.review(oauth, status: &status, store: store)
        saveIfChanged(before)
    }

    static func isRefusal(_ failure: TransportFailure) -> Bool {
        if case .authentication = failure { return true }
        return false
    }

    private func server(_ service: MailService) -> ServerSettings {
        service == .imap ? runtime.configuration.imap.server : runtime.configuration.smtp
    }

    private func note(_ token: AccessToken) {
        guard status.tokenIssuedAt != token.issuedAt else { return }
        let before = status
        status.tokenIssuedAt = token.issuedAt
        status.tokenExpiresAt = token.expiresAt
        status.tokenRenewAt = TokenCache.renewalTime(of: token)
        runtime.logger.info("OAuth: new access token from \(cache?.source.kind ?? "?")"
                            + (token.expiresAt.map { ", valid until \(Timestamp.string($0))" } ?? ""))
        saveIfChanged(before)
    }

    private func recordSuccess(_ service: MailService, store: CaseStore?) {
        guard usesOAuth(service) else { return }
        let before = status
        let now = runtime.clock.now()
        status.lastLoginAt = now
        if status.failingSince != nil {
            runtime.logger.notice("\(service.rawValue): OAuth2 login works again")
            warnings.restored(status: &status, store: store)
            status.failingSince = nil
            status.lastError = nil
            status.failureWarned = nil
        }
        saveIfChanged(before, force: before.lastLoginAt.map { now.timeIntervalSince($0) > 60 } ?? true)
    }

    private func recordFailure(_ service: MailService, _ message: String, urgent: Bool, store: CaseStore?) {
        let before = status
        let now = runtime.clock.now()
        if status.failingSince == nil { status.failingSince = now }
        status.lastError = "\(service.rawValue): \(message)"
        runtime.logger.warning("\(service.rawValue): OAuth2 login failed: \(message)")
        warnings.failing(runtime.configuration.oauth, status: &status, urgent: urgent, store: store)
        saveIfChanged(before)
    }

    /// Writes the status file when a fact changed (login times only once a minute).
    private func saveIfChanged(_ before: TokenStatus, force: Bool = false) {
        guard let path = runtime.configuration.oauth?.statusFile else { return }
        var comparable = status
        comparable.lastLoginAt = before.lastLoginAt
        guard force || comparable != before else { return }
        status.updatedAt = runtime.clock.now()
        do { try status.save(path: path) }
        catch { runtime.logger.warning("OAuth: cannot write the status file \(path): \(error)") }
    }
}
