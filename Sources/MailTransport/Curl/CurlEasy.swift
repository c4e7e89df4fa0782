import CCurl
import Glibc

/// libcurl's process-wide setup, run once before the first handle (Swift globals initialise once, thread-safely).
/// The one place klachtd calls `curl_global_init`: IMAP, SMTP, the token endpoint and Graph all come here.
private let curlGlobalSetup: CURLcode = curl_global_init(ccurl_global_default())

/// One libcurl easy handle with its error buffer: the part every protocol shares (IMAP and
/// SMTP through `CurlHandle`, HTTPS through `HTTPExchange`). Owned by one thread.
final class CurlEasy {
    let raw: UnsafeMutableRawPointer
    /// libcurl writes its last error text here; it must live as long as the handle.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(TransportFailure) {
        _ = curlGlobalSetup
        guard let raw = curl_easy_init() else {
            throw .protocolError("libcurl could not create a handle (out of memory?)")
        }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(ccurl_error_size()))
        errorBuffer.initialize(repeating: 0, count: Int(ccurl_error_size()))
        try setDefaults()
    }

    /// Clears every option for the next transfer, keeping the handle's live connections
    /// (and its DNS and TLS session caches) for reuse (`HTTPHandlePool`).
    func reset() throws(TransportFailure) {
        curl_easy_reset(raw)
        try setDefaults()
    }

    /// What every transfer needs: the error buffer, and no signals (libcurl's DNS timeout
    /// would otherwise use SIGALRM, which is not safe with threads).
    private func setDefaults() throws(TransportFailure) {
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try set(CURLOPT_NOSIGNAL, 1)
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
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

    func check(_ code: CURLcode, option: CURLoption) throws(TransportFailure) {
        guard code == CURLE_OK else {
            throw .protocolError("libcurl rejected option \(option.rawValue): \(String(cString: curl_easy_strerror(code)))")
        }
    }

    /// Runs the configured transfer; a failure names `server` (never a password or a query string).
    func perform(server: String, username: String?) throws(TransportFailure) {
        errorBuffer[0] = 0
        let code = curl_easy_perform(raw)
        guard code == CURLE_OK else { throw failure(for: code, server: server, username: username) }
    }

    /// The last numeric server reply (SMTP code, HTTP status), or 0.
    var responseCode: Int {
        var value = 0
        _ = ccurl_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &value)
        return value
    }

    /// libcurl's own text for the last error, or its generic text for `code`.
    func errorText(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    /// The failure a libcurl error code means for `server`.
    func failure(for code: CURLcode, server: String, username: String?) -> TransportFailure {
        CurlFailure.map(code: code, text: errorText(code), server: server, username: username, responseCode: responseCode)
    }
}
