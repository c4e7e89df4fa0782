import MailTransport

/// One `application/x-www-form-urlencoded` POST over http(s), blocking; the transfer is
/// `HTTPExchange`'s, the one libcurl wrapper klachtd has.
enum FormPost {
    typealias Reply = HTTPResponse

    /// Posts `fields` to `url`; field values (secrets) never appear in a thrown failure.
    static func send(_ fields: [(String, String)], to url: String, caFile: String?, timeoutSeconds: Int) throws(TokenFailure) -> Reply {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw .endpoint(kind: .protocolError, "token_url \(url) is not http:// or https://")
        }
        let request = HTTPRequest(method: "POST", url: url, headers: ["Content-Type: application/x-www-form-urlencoded"],
                                  body: Array(FormEncoding.encode(fields).utf8), caFile: caFile, timeoutSeconds: timeoutSeconds)
        do {
            return try HTTPExchange.perform(request)
        } catch {
            throw .endpoint(kind: EndpointFailureKind(error), error.detail)
        }
    }
}

extension EndpointFailureKind {
    /// The step of reaching the endpoint that a transport failure names.
    public init(_ failure: TransportFailure) {
        switch failure {
        case .resolve: self = .dns
        case .connect: self = .tcp
        case .timeout: self = .timeout
        case .certificate: self = .certificate
        case .tls: self = .tls
        default: self = .protocolError
        }
    }
}
