/// Which step of reaching the token endpoint failed.
public enum EndpointFailureKind: String, Sendable, Equatable {
    case dns = "DNS", tcp = "TCP", tls = "TLS", certificate, timeout, protocolError = "protocol"
}

/// Why no access token could be had; never carries a secret, a token or a code.
public enum TokenFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The token endpoint could not be reached or answered nonsense.
    case endpoint(kind: EndpointFailureKind, String)
    /// The token endpoint refused the grant (`invalid_client`, `invalid_grant`, ...).
    case refused(status: Int, error: String, detail: String)
    /// A local credential (secret file, refresh token file) is missing or unreadable.
    case credential(String)
    /// The token command failed, timed out or printed nothing.
    case command(String)

    /// True when the identity provider refused our credentials: a person has to act.
    public var needsOperator: Bool {
        switch self {
        case .refused(_, let error, _): ["invalid_client", "invalid_grant", "unauthorized_client", "invalid_scope"].contains(error)
        case .credential: true
        case .endpoint, .command: false
        }
    }

    /// One sentence saying what failed and what to check.
    public var description: String {
        switch self {
        case .endpoint(let kind, let detail):
            "The token endpoint cannot be used (\(kind.rawValue): \(detail)); check token_url, DNS, the network and TLS."
        case .refused(let status, let error, let detail):
            "The token endpoint refused the request (HTTP \(status) \(error)\(detail.isEmpty ? "" : ": " + detail)); "
                + (AADSTSAdvice.advice(detail) ?? Self.advice(error))
        case .credential(let detail):
            "An OAuth credential is unusable (\(detail))."
        case .command(let detail):
            "The token command failed (\(detail)); run it by hand as the klachtd user."
        }
    }

    private static func advice(_ error: String) -> String {
        switch error {
        case "invalid_client": "the client secret is wrong, expired or revoked: create a new one and update client_secret_file."
        case "invalid_grant": "the refresh token is expired or revoked: run klachtd oauth login again."
        case "unauthorized_client", "invalid_scope": "check the app registration's permissions and the scope."
        default: "check tenant, client_id and scope."
        }
    }
}
