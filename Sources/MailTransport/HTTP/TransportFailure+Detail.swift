extension TransportFailure {
    /// The failure's own words, without the sentence of advice around them (that is IMAP's and
    /// SMTP's): what the token endpoint and Graph errors quote.
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
