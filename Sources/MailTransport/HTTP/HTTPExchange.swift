import CCurl
import Glibc

/// One HTTP(S) request: what the token endpoint and Microsoft Graph are spoken with.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    /// `Name: value` lines (`Authorization`, `Prefer`, `Content-Type`); never logged.
    public var headers: [String]
    public var body: [UInt8]?
    /// A PEM file to trust instead of the system's certificate authorities.
    public var caFile: String?
    /// For connecting, and for the longest stall while data flows (not the whole transfer:
    /// a 25 MB message on a slow line must not be cut off after 30 s).
    public var timeoutSeconds: Int
    /// The longest reply body accepted; a longer one fails rather than filling memory.
    public var responseLimit: Int

    public init(method: String, url: String, headers: [String] = [], body: [UInt8]? = nil, caFile: String? = nil,
                timeoutSeconds: Int = 30, responseLimit: Int = 1 << 20) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.caFile = caFile
        self.timeoutSeconds = timeoutSeconds
        self.responseLimit = responseLimit
    }
}

/// A server's reply: status, headers (names lowercased) and body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A header's value by its name in any case.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Blocking HTTP(S) over libcurl, without Foundation (the supervisor uses it too). The handle,
/// its global setup, error buffer and error mapping are `CurlEasy`'s, the same as IMAP's and SMTP's;
/// handles are reused from `HTTPHandlePool`, so consecutive requests share a connection.
public enum HTTPExchange {
    /// Collects the reply; handed to libcurl's callbacks through `Unmanaged`.
    private final class Sink {
        var body: [UInt8] = []
        var headers: [String: String] = [:]
        let limit: Int
        var overflowed = false
        /// The status of the reply being received (from its status line), so a streamed body
        /// goes to `chunks` only when it is the resource, not an error reply.
        var status = 0
        let chunks: (([UInt8]) -> Bool)?
        init(limit: Int, chunks: (([UInt8]) -> Bool)?) {
            self.limit = limit
            self.chunks = chunks
        }
    }

    /// Sends `request`; a failure names the URL without its query (delta tokens, codes) and never a header.
    /// With `chunks`, a 2xx body is handed over piece by piece instead of collected (no size
    /// limit: a message too large for memory goes to a spool file); `false` from it aborts.
    public static func perform(_ request: HTTPRequest, chunks: (([UInt8]) -> Bool)? = nil) throws(TransportFailure) -> HTTPResponse {
        let label = withoutQuery(request.url)
        guard request.url.hasPrefix("https://") || request.url.hasPrefix("http://") else {
            throw .protocolError("\(label) is not an http:// or https:// URL")
        }
        let easy = try HTTPHandlePool.take()
        defer { HTTPHandlePool.putBack(easy) }
        let sink = Sink(limit: request.responseLimit, chunks: chunks)
        try easy.set(CURLOPT_URL, request.url)
        try easy.set(CURLOPT_CONNECTTIMEOUT, request.timeoutSeconds)
        try easy.set(CURLOPT_LOW_SPEED_LIMIT, 1)
        try easy.set(CURLOPT_LOW_SPEED_TIME, request.timeoutSeconds)
        if let caFile = request.caFile { try easy.set(CURLOPT_CAINFO, caFile) }
        if let body = request.body {
            try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, size: Int64(body.count))
            // COPYPOSTFIELDS copies the bytes now, so the array need not outlive this call.
            let code = body.withUnsafeBytes { buffer in
                ccurl_setopt_pointer(easy.raw, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)))
            }
            try easy.check(code, option: CURLOPT_COPYPOSTFIELDS)
        }
        if request.method != (request.body == nil ? "GET" : "POST") { try easy.set(CURLOPT_CUSTOMREQUEST, request.method) }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in request.headers { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }
        try easy.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(list))
        let context = Unmanaged.passUnretained(sink).toOpaque()
        try easy.set(CURLOPT_WRITEDATA, pointer: context)
        try easy.set(CURLOPT_HEADERDATA, pointer: context)
        try easy.check(ccurl_setopt_write_callback(easy.raw) { buffer, size, count, userdata in
            guard let buffer, let userdata else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(userdata).takeUnretainedValue()
            let length = size * count
            if let chunks = sink.chunks, (200..<300).contains(sink.status) {
                let piece = buffer.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
                return chunks(piece) ? length : 0
            }
            guard sink.body.count + length <= sink.limit else { sink.overflowed = true; return 0 }
            buffer.withMemoryRebound(to: UInt8.self, capacity: length) { sink.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length)) }
            return length
        }, option: CURLOPT_WRITEFUNCTION)
        try easy.check(ccurl_setopt_header_callback(easy.raw) { buffer, size, count, userdata in
            guard let buffer, let userdata else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(userdata).takeUnretainedValue()
            let length = size * count
            // Bytes, not Characters: "\r\n" is one Character, and would stay glued to the value.
            let line = buffer.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
            if line.starts(with: Array("HTTP/".utf8)) {   // a 100 Continue or a redirect starts over
                sink.headers = [:]
                let fields = line.split(separator: 0x20)
                sink.status = fields.count > 1 ? Int(String(decoding: fields[1], as: UTF8.self)) ?? 0 : 0
            }
            if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
                let value = line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }.prefix { $0 != 0x0D && $0 != 0x0A }
                sink.headers[name] = String(decoding: value, as: UTF8.self)
            }
            return length
        }, option: CURLOPT_HEADERFUNCTION)
        do {
            try easy.perform(server: label, username: nil)
        } catch {
            if sink.overflowed { throw .protocolError("\(label): the reply is larger than \(request.responseLimit) bytes") }
            throw error
        }
        return HTTPResponse(status: easy.responseCode, headers: sink.headers, body: sink.body)
    }

    /// A URL without its query and fragment: safe to show in errors and logs.
    public static func withoutQuery(_ url: String) -> String {
        String(url.prefix { $0 != "?" && $0 != "#" })
    }
}
