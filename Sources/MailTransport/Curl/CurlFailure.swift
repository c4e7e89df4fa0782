import CCurl

/// Translates libcurl error codes into `TransportFailure`s.
enum CurlFailure {
    /// The failure for `code`; `text` is libcurl's message, which never contains the password.
    static func map(code: CURLcode, text: String, server: String, username: String?, responseCode: Int) -> TransportFailure {
        let detail = "\(server): \(text) [curl \(code.rawValue)]"
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .resolve(detail)
        case CURLE_COULDNT_CONNECT:
            return .connect(detail)
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout(detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_INITFAILED,
             CURLE_USE_SSL_FAILED:
            return .tls(detail)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_CRL_BADFILE:
            return .certificate(detail)
        case CURLE_LOGIN_DENIED, CURLE_AUTH_ERROR:
            let who = username.map { "login as \($0) at " } ?? ""
            return .authentication(who + detail)
        case CURLE_SEND_ERROR where (400..<600).contains(responseCode),
             CURLE_WEIRD_SERVER_REPLY where (400..<600).contains(responseCode):
            return refusal(code: responseCode, text: text)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return .connectionLost(detail)
        default:
            return .protocolError(detail)
        }
    }

    /// A 4xx or 5xx server reply as a transient or permanent refusal.
    static func refusal(code: Int, text: String) -> TransportFailure {
        code >= 500 ? .permanentRefusal(code: code, text: text) : .transientRefusal(code: code, text: text)
    }
}
