import CCurl
import Glibc

/// One libcurl easy handle with the endpoint's connection settings; owned by one thread.
/// The handle itself, its error buffer and the error mapping are `CurlEasy`'s, shared with HTTPS.
final class CurlHandle {
    let easy: CurlEasy
    var raw: UnsafeMutableRawPointer { easy.raw }
    let endpoint: MailServerEndpoint

    /// Creates a handle configured for `endpoint`, with `url` replacing the endpoint's URL when given.
    init(endpoint: MailServerEndpoint, url: String? = nil) throws(TransportFailure) {
        easy = try CurlEasy()
        self.endpoint = endpoint
        try configure(url: url ?? endpoint.url)
    }

    private func configure(url: String) throws(TransportFailure) {
        try set(CURLOPT_URL, url)
        try set(CURLOPT_CONNECTTIMEOUT, endpoint.timeoutSeconds)
        try set(CURLOPT_SERVER_RESPONSE_TIMEOUT, endpoint.timeoutSeconds)
        if let username = endpoint.username { try set(CURLOPT_USERNAME, username) }
        if let password = endpoint.password { try set(CURLOPT_PASSWORD, password) }
        if let token = endpoint.bearerToken { try set(CURLOPT_XOAUTH2_BEARER, token) }
        if let mechanism = endpoint.saslMechanism { try set(CURLOPT_LOGIN_OPTIONS, "AUTH=\(mechanism)") }
        if !endpoint.usesImplicitTLS {
            try set(CURLOPT_USE_SSL, endpoint.requireStartTLS ? ccurl_use_ssl_all() : ccurl_use_ssl_none())
        }
        if let caFile = endpoint.caFile { try set(CURLOPT_CAINFO, caFile) }
    }

    func set(_ option: CURLoption, _ value: Int) throws(TransportFailure) { try easy.set(option, value) }
    func set(_ option: CURLoption, _ value: String) throws(TransportFailure) { try easy.set(option, value) }
    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(TransportFailure) { try easy.set(option, pointer: pointer) }
    func set(_ option: CURLoption, size: Int64) throws(TransportFailure) { try easy.set(option, size: size) }

    /// Runs the configured transfer (or, with CONNECT_ONLY, the connect and login).
    func perform() throws(TransportFailure) {
        try easy.perform(server: endpoint.serverURL, username: endpoint.username)
    }

    /// The last numeric server reply (SMTP code), or 0.
    var responseCode: Int { easy.responseCode }

    /// The connected socket of a CONNECT_ONLY handle, or nil when there is none.
    var activeSocket: Int32? {
        var socket: curl_socket_t = -1
        guard ccurl_getinfo_socket(raw, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK, socket >= 0 else { return nil }
        return socket
    }

    /// libcurl's own text for the last error, or its generic text for `code`.
    func errorText(_ code: CURLcode) -> String { easy.errorText(code) }

    /// The failure a libcurl error code means for this endpoint.
    func failure(for code: CURLcode) -> TransportFailure {
        easy.failure(for: code, server: endpoint.serverURL, username: endpoint.username)
    }
}
