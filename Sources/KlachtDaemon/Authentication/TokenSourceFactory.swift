import KlachtConfig
import OAuthTokens

/// Turns `[oauth]` into the token source it names; secrets are read when a token is fetched.
public enum TokenSourceFactory {
    public static func source(_ settings: OAuthSettings, configFile: String) -> TokenSource {
        let endpoint = TokenEndpoint(url: settings.tokenURL ?? "", caFile: settings.caFile)
        let secret = ClientSecret(source: settings.clientSecret, configFile: configFile)
        switch settings.provider {
        case .microsoft:
            if let certificate = settings.certificateFile {
                return ClientAssertionSource(endpoint: endpoint, clientID: settings.clientID ?? "", scope: settings.scope ?? "",
                                             certificateFile: certificate)
            }
            return ClientCredentialsSource(endpoint: endpoint, clientID: settings.clientID ?? "", scope: settings.scope ?? "",
                                           readSecret: secret.read)
        case .refreshToken:
            let store = RefreshTokenFile(path: settings.refreshTokenFile ?? "")
            guard settings.clientSecret != .none else {
                return RefreshTokenSource(endpoint: endpoint, clientID: settings.clientID ?? "", scope: settings.scope, store: store)
            }
            return RefreshTokenSource(endpoint: endpoint, clientID: settings.clientID ?? "", scope: settings.scope, store: store,
                                      readSecret: secret.read)
        case .command:
            return CommandTokenSource(command: settings.tokenCommand ?? "", timeoutSeconds: settings.commandTimeoutSeconds)
        }
    }
}

/// The client secret from its file or variable, read at each use; errors say where, never what.
struct ClientSecret: Sendable {
    let source: SecretSource
    let configFile: String

    func read() throws(TokenFailure) -> String {
        let value: String?
        do {
            value = try SecretReader.read(source, section: "oauth", configFile: configFile)
        } catch {
            throw .credential("\(error.problem.replacingOccurrences(of: "password_", with: "client_secret_")); \(error.fix)")
        }
        guard let value else { throw .credential("[oauth] has no client_secret_file") }
        return value
    }
}
