import CCurl

/// What `verify` found out about a server's login.
public enum SMTPLoginCheck: Sendable, Equatable {
    /// No credentials were configured: nothing to check.
    case noCredentials
    /// The server offered AUTH and accepted the credentials.
    case accepted
    /// The server offered no AUTH, so libcurl sent nothing: the password was not checked.
    case notOffered
}

extension SMTPConnection {
    /// Connects, greets, negotiates TLS and logs in, then hangs up without sending anything:
    /// what `klachtd check-config --connect` needs to say exactly which step fails.
    ///
    /// libcurl skips the login without a word when the server offers no AUTH, so with
    /// credentials a second connection (without them) asks EHLO itself and reports whether
    /// AUTH was offered: "ok" must not be said of a password that was never sent.
    @discardableResult
    public static func verify(endpoint: MailServerEndpoint) throws(TransportFailure) -> SMTPLoginCheck {
        let handle = try CurlHandle(endpoint: endpoint)
        try handle.set(CURLOPT_CONNECT_ONLY, 1)
        try handle.perform()
        guard endpoint.username != nil || endpoint.password != nil || endpoint.bearerToken != nil else { return .noCredentials }
        var anonymous = endpoint
        anonymous.username = nil
        anonymous.password = nil
        anonymous.bearerToken = nil
        anonymous.saslMechanism = nil
        let probe = try CurlHandle(endpoint: anonymous)
        try probe.set(CURLOPT_CONNECT_ONLY, 1)
        try probe.perform()
        guard let socket = probe.activeSocket else { throw .connectionLost("\(endpoint.serverURL): no socket after connecting") }
        let stream = CurlStream(handle: probe, socket: socket)
        try stream.send(Array("EHLO klachtd.invalid\r\n".utf8), timeoutSeconds: endpoint.timeoutSeconds)
        let lines = try readReply(stream, timeoutSeconds: endpoint.timeoutSeconds)
        try? stream.send(Array("QUIT\r\n".utf8), timeoutSeconds: 5)
        let offersAuth = lines.contains { line in
            let upper = line.uppercased()
            return upper.count > 4 && (upper.dropFirst(4).hasPrefix("AUTH ") || upper.dropFirst(4).hasPrefix("AUTH="))
        }
        return offersAuth ? .accepted : .notOffered
    }

    /// The lines of one SMTP reply (up to the line whose code is followed by a space).
    private static func readReply(_ stream: CurlStream, timeoutSeconds: Int) throws(TransportFailure) -> [String] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let text = String(decoding: bytes, as: UTF8.self)
            let lines = text.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
            if text.hasSuffix("\r\n"), let last = lines.last, last.count >= 4, last[last.index(last.startIndex, offsetBy: 3)] == " " {
                return lines
            }
            guard bytes.count < 65_536 else { throw .protocolError("EHLO reply too long") }
            var count = 0
            let code = chunk.withUnsafeMutableBytes { curl_easy_recv(stream.handle.raw, $0.baseAddress!, $0.count, &count) }
            switch code {
            case CURLE_OK where count == 0:
                throw .connectionLost("the server closed the connection after EHLO")
            case CURLE_OK:
                bytes += chunk[0..<count]
            case CURLE_AGAIN:
                guard try stream.waitReadable(timeoutMilliseconds: timeoutSeconds * 1000, wake: nil) == .readable else {
                    throw .timeout("no answer to EHLO within \(timeoutSeconds) s")
                }
            default:
                throw .connectionLost("reading the EHLO reply failed (curl \(code.rawValue))")
            }
        }
    }
}
