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

extension TransportFailure {
    /// The failure's own words, without the sentence of advice around them (that is IMAP's and SMTP's).
    public var detail: String {
        switch self {
        case .resolve(let d), .connect(let d), .tls(let d), .certificate(let d), .authentication(let d), .mailbox(let d),
             .timeout(let d), .connectionLost(let d), .protocolError(let d):
            d
        case .permanentRefusal(let code, let text), .transientRefusal(let code, let text):
            "\(code) \(text)"
        }
    }
}
