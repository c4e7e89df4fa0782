import Digests
import Foundation

/// The one-time authorization-code grant with PKCE (RFC 6749 §4.1, RFC 7636) behind `klachtd oauth login`.
public struct AuthorizationCodeLogin: Sendable {
    public var authorizeURL: String
    public var endpoint: TokenEndpoint
    public var clientID: String
    public var redirectURI: String
    public var scope: String
    /// The PKCE secret: stays in this process, only its hash goes into the URL.
    let verifier: String
    public let state: String

    public init(authorizeURL: String, endpoint: TokenEndpoint, clientID: String, redirectURI: String, scope: String) {
        self.authorizeURL = authorizeURL
        self.endpoint = endpoint
        self.clientID = clientID
        self.redirectURI = redirectURI
        self.scope = scope
        verifier = Self.randomToken(bytes: 32)
        state = Self.randomToken(bytes: 12)
    }

    /// The address the person opens in a browser to sign in and consent.
    public var browserURL: String {
        let query = FormEncoding.encode([
            ("client_id", clientID), ("response_type", "code"), ("redirect_uri", redirectURI), ("response_mode", "query"),
            ("scope", scope), ("state", state), ("code_challenge", Self.challenge(verifier)), ("code_challenge_method", "S256"),
        ])
        return authorizeURL + (authorizeURL.contains("?") ? "&" : "?") + query
    }

    /// The code from what the person pasted: the bare code, or the whole address the browser ended on.
    public func code(fromPasted text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.contains("code=") else { return trimmed.isEmpty ? nil : trimmed }
        let query = trimmed.split(separator: "?", maxSplits: 1).last ?? Substring(trimmed)
        for pair in query.split(separator: "&") where pair.hasPrefix("code=") {
            return FormEncoding.unescape(pair.dropFirst(5))
        }
        return nil
    }

    /// Trades the code for tokens.
    public func exchange(code: String, clientSecret: String?, now: Date) throws(TokenFailure) -> TokenGrant {
        var fields = [("grant_type", "authorization_code"), ("client_id", clientID), ("code", code),
                      ("redirect_uri", redirectURI), ("code_verifier", verifier), ("scope", scope)]
        if let clientSecret { fields.append(("client_secret", clientSecret)) }
        return try endpoint.request(fields, now: now)
    }

    /// `BASE64URL(SHA256(verifier))` without padding.
    static func challenge(_ verifier: String) -> String {
        base64URL(SHA256.digest(Array(verifier.utf8)))
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func randomToken(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return base64URL((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
