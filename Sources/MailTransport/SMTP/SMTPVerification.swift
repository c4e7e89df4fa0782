import CCurl

extension SMTPConnection {
    /// Connects, greets, negotiates TLS and logs in, then hangs up without sending anything:
    /// what `klachtd check-config --connect` needs to say exactly which step fails.
    public static func verify(endpoint: MailServerEndpoint) throws(TransportFailure) {
        let handle = try CurlHandle(endpoint: endpoint)
        try handle.set(CURLOPT_CONNECT_ONLY, 1)
        try handle.perform()
    }
}
