import CCurl
import Glibc

/// libcurl's process-wide setup, run once before the first handle (Swift globals initialise once, thread-safely).
private let curlGlobalSetup: CURLcode = curl_global_init(ccurl_global_default())

/// One libcurl easy handle with the endpoint's connection settings; owned by one thread.
final class CurlHandle {
    let raw: UnsafeMutableRawPointer
    let endpoint: MailServerEndpoint
    /// libcurl writes its last error text here; it must live as long as the handle.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Creates a handle configured for `endpoint`, with `url` replacing the endpoint's URL when given.
    init(endpoint: MailServerEndpoint, url: String? = nil) throws(TransportFailure) {
        _ = curlGlobalSetup
        guard let raw = curl_easy_init() else {
            throw .protocolError("libcurl could not create a handle (out of memory?)")
        }
        self.raw = raw
        self.endpoint = endpoint
        errorBuffer = .allocate(capacity: Int(ccurl_error_size()))
        errorBuffer.initialize(repeating: 0, count: Int(ccurl_error_size()))
        try configure(url: url ?? endpoint.url)
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    private func configure(url: String) throws(TransportFailure) {
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try set(CURLOPT_URL, url)
        try set(CURLOPT_NOSIGNAL, 1)
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

    /// Sets a numeric option.
    func set(_ option: CURLoption, _ value: Int) throws(TransportFailure) {
        try check(ccurl_setopt_long(raw, option, value), option: option)
    }

    /// Sets a string option; libcurl copies the string.
    func set(_ option: CURLoption, _ value: String) throws(TransportFailure) {
        try check(ccurl_setopt_string(raw, option, value), option: option)
    }

    /// Sets a pointer option; the caller keeps the pointee alive as long as the handle uses it.
    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(TransportFailure) {
        try check(ccurl_setopt_pointer(raw, option, pointer), option: option)
    }

    /// Sets a size option (CURLOPT_*_LARGE).
    func set(_ option: CURLoption, size: Int64) throws(TransportFailure) {
        try check(ccurl_setopt_off_t(raw, option, curl_off_t(size)), option: option)
    }

    private func check(_ code: CURLcode, option: CURLoption) throws(TransportFailure) {
        guard code == CURLE_OK else {
            throw .protocolError("libcurl rejected option \(option.rawValue): \(String(cString: curl_easy_strerror(code)))")
        }
    }

    /// Runs the configured transfer (or, with CONNECT_ONLY, the connect and login).
    func perform() throws(TransportFailure) {
        errorBuffer[0] = 0
        let code = curl_easy_perform(raw)
        guard code == CURLE_OK else { throw failure(for: code) }
    }

    /// The last numeric server reply (SMTP code), or 0.
    var responseCode: Int {
        var value = 0
        _ = ccurl_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &value)
        return value
    }

    /// The connected socket of a CONNECT_ONLY handle, or nil when there is none.
    var activeSocket: Int32? {
        var socket: curl_socket_t = -1
        guard ccurl_getinfo_socket(raw, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK, socket >= 0 else { return nil }
        return socket
    }

    /// libcurl's own text for the last error, or its generic text for `code`.
    func errorText(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    /// The failure a libcurl error code means for this endpoint.
    func failure(for code: CURLcode) -> TransportFailure {
        CurlFailure.map(code: code, text: errorText(code), server: endpoint.serverURL,
                        username: endpoint.username, responseCode: responseCode)
    }
}
