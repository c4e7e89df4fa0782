import CCurl

/// Sends messages through one SMTP server; connects on the first send and reuses the connection.
public final class SMTPConnection {
    private let endpoint: MailServerEndpoint
    private var handle: CurlHandle?

    /// Creates a sender; nothing is connected until `send`.
    public init(endpoint: MailServerEndpoint) {
        self.endpoint = endpoint
    }

    /// Sends one message to every recipient, or throws; a refused recipient refuses the whole message.
    public func send(from: String, recipients: [String], message: [UInt8]) throws(TransportFailure) {
        guard !recipients.isEmpty else { throw .protocolError("a message needs at least one recipient") }
        for address in [from] + recipients { try Self.validate(address) }
        let handle = try currentHandle()
        let upload = MessageUpload(bytes: crlfNormalized(message))
        let uploadPointer = Unmanaged.passUnretained(upload).toOpaque()
        var recipientList: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { recipientList = curl_slist_append(recipientList, recipient) }
        defer {
            curl_slist_free_all(recipientList)
            _ = ccurl_setopt_slist(handle.raw, CURLOPT_MAIL_RCPT, nil)
            _ = ccurl_setopt_pointer(handle.raw, CURLOPT_READDATA, nil)
            _ = ccurl_setopt_pointer(handle.raw, CURLOPT_DEBUGDATA, nil)
        }
        try handle.set(CURLOPT_MAIL_FROM, "<\(from)>")
        guard ccurl_setopt_slist(handle.raw, CURLOPT_MAIL_RCPT, recipientList) == CURLE_OK else {
            throw .protocolError("libcurl rejected the recipient list")
        }
        try handle.set(CURLOPT_READDATA, pointer: uploadPointer)
        try handle.set(CURLOPT_DEBUGDATA, pointer: uploadPointer)
        try handle.set(CURLOPT_INFILESIZE_LARGE, size: Int64(upload.size))
        do {
            try withExtendedLifetime(upload) { () throws(TransportFailure) in try handle.perform() }
        } catch {
            throw refined(error, serverLine: upload.lastServerLine)
        }
    }

    /// Refuses addresses that could smuggle SMTP commands or are not one plain address; the error's
    /// wording is matched by `TransportFailure.localMessageRefusals` (about this message, not the session).
    private static func validate(_ address: String) throws(TransportFailure) {
        let forbidden: Set<Unicode.Scalar> = ["\r", "\n", "\0", "<", ">", " "]
        guard !address.unicodeScalars.contains(where: { forbidden.contains($0) }) else {
            throw .protocolError("\(address.debugDescription) is not a plain e-mail address")
        }
    }

    private func currentHandle() throws(TransportFailure) -> CurlHandle {
        if let handle { return handle }
        let handle = try CurlHandle(endpoint: endpoint)
        try handle.set(CURLOPT_UPLOAD, 1)
        try handle.set(CURLOPT_VERBOSE, 1)
        guard ccurl_setopt_read_callback(handle.raw, MessageUpload.readCallback) == CURLE_OK,
              ccurl_setopt_debug_callback(handle.raw, MessageUpload.debugCallback) == CURLE_OK else {
            throw .protocolError("libcurl rejected the SMTP callbacks")
        }
        // A stalled upload fails after the timeout instead of hanging.
        try handle.set(CURLOPT_LOW_SPEED_LIMIT, 1)
        try handle.set(CURLOPT_LOW_SPEED_TIME, endpoint.timeoutSeconds)
        self.handle = handle
        return handle
    }

    /// Puts the server's own reply text into refusals; drops the handle after connection trouble.
    private func refined(_ failure: TransportFailure, serverLine: String) -> TransportFailure {
        switch failure {
        case .permanentRefusal(let code, _), .transientRefusal(let code, _):
            guard serverLine.hasPrefix(String(code)) else { return failure }
            let text = serverLine.dropFirst(3).drop { $0 == " " || $0 == "-" }
            return CurlFailure.refusal(code: code, text: String(text))
        default:
            handle = nil
            return failure
        }
    }
}
