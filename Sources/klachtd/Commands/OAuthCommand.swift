import Foundation
import KlachtConfig
import KlachtDaemon
import OAuthTokens

struct OAuthCommand: Command {
    let summary = "OAuth2 for IMAP/SMTP: 'oauth login' stores a refresh token, 'oauth status' shows the token's age and expiry"
    let usage = """
        Usage: klachtd oauth login  [--config FILE]
               klachtd oauth status [--config FILE] [--json]

        login   For [oauth] provider = refresh_token: prints the address to open in a browser,
                reads back the code (or the whole address the browser ended on) from standard
                input, and stores the refresh token in refresh_token_file (mode 0600).
        status  Shows the provider, when the current access token was issued and expires, when
                the refresh token was last renewed, the client secret's expiry, and any failing
                login, as the running daemon last wrote them (no token is ever shown).
        """

    func run(_ arguments: Arguments) throws -> Int32 {
        let path = ConfigurationLoader.locate(explicit: arguments["--config"])
        let configuration = try ConfigurationLoader.load(path: path)
        guard let oauth = configuration.oauth else {
            throw UsageError("\(path) has no [oauth] section: OAuth2 is not configured")
        }
        switch arguments.positional.first {
        case "login": return try login(oauth, configFile: path)
        case "status": return status(oauth, json: arguments.has("--json"))
        default: throw UsageError("say 'oauth login' or 'oauth status'")
        }
    }

    private func login(_ oauth: OAuthSettings, configFile: String) throws -> Int32 {
        guard oauth.provider == .refreshToken, let file = oauth.refreshTokenFile, let clientID = oauth.clientID,
              let tokenURL = oauth.tokenURL, let authorizeURL = oauth.authorizeURL else {
            throw UsageError("oauth login needs [oauth] provider = refresh_token with client_id, refresh_token_file and tenant (or token_url and authorize_url)")
        }
        let session = AuthorizationCodeLogin(authorizeURL: authorizeURL, endpoint: TokenEndpoint(url: tokenURL, caFile: oauth.caFile),
                                             clientID: clientID, redirectURI: oauth.redirectURI, scope: oauth.scope ?? "")
        Output.out("Open this address in a browser, sign in as the mailbox user and consent:\n\n\(session.browserURL)\n")
        Output.out("Then paste the code, or the whole address the browser ended on, and press Enter:")
        guard let pasted = readLine(), let code = session.code(fromPasted: pasted) else {
            throw UsageError("no code was pasted")
        }
        let secret = try SecretReader.read(oauth.clientSecret, section: "oauth", configFile: configFile)
        let grant = try session.exchange(code: code, clientSecret: secret, now: Date())
        guard let refreshToken = grant.refreshToken else {
            Output.err("klachtd: the token endpoint returned no refresh token; add offline_access to the scope")
            return 1
        }
        try RefreshTokenFile(path: file).write(refreshToken)
        Output.out("Refresh token stored in \(file). Access works; restart or reload klachtd (SIGHUP) to use it.")
        return 0
    }

    private func status(_ oauth: OAuthSettings, json: Bool) -> Int32 {
        var facts = TokenStatus.load(path: oauth.statusFile)
        facts.provider = oauth.provider.rawValue
        facts.clientSecretExpires = oauth.clientSecretExpires
        if let file = oauth.refreshTokenFile { facts.refreshTokenRenewedAt = RefreshTokenFile(path: file).renewedAt() ?? facts.refreshTokenRenewedAt }
        if json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Output.out((try? encoder.encode(facts)).map { String(decoding: $0, as: UTF8.self) } ?? "{}")
            return facts.failingSince == nil ? 0 : 1
        }
        for line in TokenStatusText.lines(facts, now: Date()) { Output.out(line) }
        return facts.failingSince == nil ? 0 : 1
    }
}
