import CCurl
import Foundation

/// libcurl's process-wide setup, run once before the first handle (Swift globals initialise once, thread-safely).
private let curlGlobalSetup: CURLcode = curl_global_init(ccurl_global_default())

/// One `application/x-www-form-urlencoded` POST over http(s) through libcurl, blocking.
enum FormPost {
    /// The server's status code and body.
    struct Reply {
        var status: Int
        var body: [UInt8]
    }

    /// Collects the response body; handed to libcurl's write callback through `Unmanaged`.
    private final class Sink {
        var bytes: [UInt8] = []
        let limit = 1 << 20
    }

    /// Posts `fields` to `url`; field values (secrets) never appear in a thrown failure.
    static func send(_ fields: [(String, String)], to url: String, caFile: String?, timeoutSeconds: Int) throws(TokenFailure) -> Reply {
        _ = curlGlobalSetup
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw .endpoint(kind: .protocolError, "token_url \(url) is not http:// or https://")
        }
        guard let handle = curl_easy_init() else { throw .endpoint(kind: .protocolError, "libcurl could not create a handle") }
        defer { curl_easy_cleanup(handle) }
        let sink = Sink()
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(ccurl_error_size()))
        errorBuffer.initialize(repeating: 0, count: Int(ccurl_error_size()))
        defer { errorBuffer.deallocate() }
        let body = FormEncoding.encode(fields)
        var ok = ccurl_setopt_string(handle, CURLOPT_URL, url) == CURLE_OK
        ok = ok && ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)) == CURLE_OK
        ok = ok && ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1) == CURLE_OK
        ok = ok && ccurl_setopt_long(handle, CURLOPT_TIMEOUT, timeoutSeconds) == CURLE_OK
        ok = ok && ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, timeoutSeconds) == CURLE_OK
        ok = ok && ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, body) == CURLE_OK
        if let caFile { ok = ok && ccurl_setopt_string(handle, CURLOPT_CAINFO, caFile) == CURLE_OK }
        ok = ok && ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()) == CURLE_OK
        ok = ok && ccurl_setopt_write_callback(handle, { buffer, size, count, userdata in
            guard let buffer, let userdata else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(userdata).takeUnretainedValue()
            let length = size * count
            guard sink.bytes.count + length <= sink.limit else { return 0 }
            buffer.withMemoryRebound(to: UInt8.self, capacity: length) { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length)) }
            return length
        }) == CURLE_OK
        guard ok else { throw .endpoint(kind: .protocolError, "libcurl refused the token request's options") }
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            let text = errorBuffer[0] == 0 ? String(cString: curl_easy_strerror(code)) : String(cString: errorBuffer)
            throw .endpoint(kind: EndpointFailureKind(curlCode: code), "\(FormEncoding.withoutQuery(url)): \(text) [curl \(code.rawValue)]")
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return Reply(status: status, body: sink.bytes)
    }
}

extension EndpointFailureKind {
    init(curlCode code: CURLcode) {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: self = .dns
        case CURLE_COULDNT_CONNECT: self = .tcp
        case CURLE_OPERATION_TIMEDOUT: self = .timeout
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR: self = .certificate
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER: self = .tls
        default: self = .protocolError
        }
    }
}
