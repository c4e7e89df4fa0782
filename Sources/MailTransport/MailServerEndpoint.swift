import HexDigits

/// Where and how to reach one IMAP or SMTP server; the same value configures both protocols.
public struct MailServerEndpoint: Sendable, Equatable {
    /// `imap://host:port/MAILBOX`, `imaps://…`, `smtp://host:port` or `smtps://…`.
    public var url: String
    /// The login name; nil connects without logging in (SMTP on a trusted port).
    public var username: String?
    /// The password; never logged and never part of an error.
    public var password: String?
    /// An OAuth2 access token, sent with SASL XOAUTH2 instead of the password.
    public var bearerToken: String?
    /// The SASL mechanism to insist on (`XOAUTH2`, `OAUTHBEARER`), sent as libcurl's `AUTH=` login option; nil lets libcurl choose.
    public var saslMechanism: String?
    /// On `imap://` and `smtp://`: true demands STARTTLS, false speaks plain text. Ignored on implicit TLS.
    public var requireStartTLS: Bool
    /// A PEM file with the certificate authorities to trust instead of the system's.
    public var caFile: String?
    /// The limit for connecting and for each wait for the server, in seconds.
    public var timeoutSeconds: Int

    /// Creates an endpoint; only the URL is required.
    public init(url: String, username: String? = nil, password: String? = nil, bearerToken: String? = nil,
                requireStartTLS: Bool = true, caFile: String? = nil, timeoutSeconds: Int = 30, saslMechanism: String? = nil) {
        self.url = url
        self.username = username
        self.password = password
        self.bearerToken = bearerToken
        self.requireStartTLS = requireStartTLS
        self.caFile = caFile
        self.timeoutSeconds = timeoutSeconds
        self.saslMechanism = saslMechanism
    }
}

extension MailServerEndpoint {
    /// The URL's scheme, lowercased (`imap`, `imaps`, `smtp`, `smtps`).
    var scheme: String {
        guard let colon = url.firstIndex(of: ":") else { return "" }
        return url[..<colon].lowercased()
    }

    /// True when the scheme itself means TLS from the first byte.
    var usesImplicitTLS: Bool { scheme == "imaps" || scheme == "smtps" }

    /// `scheme://host:port`, without credentials or path: safe to show in errors.
    var serverURL: String {
        guard let afterScheme = afterSchemeIndex else { return url }
        var rest = url[afterScheme...]
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        return String(url[..<afterScheme]) + rest
    }

    /// The mailbox named in the URL's path (`imap://host/INBOX` → `INBOX`), percent-decoded.
    public var mailbox: String? {
        guard let afterScheme = afterSchemeIndex else { return nil }
        let rest = url[afterScheme...]
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        var path = rest[rest.index(after: slash)...]
        if let semicolon = path.firstIndex(of: ";") { path = path[..<semicolon] }
        guard !path.isEmpty else { return nil }
        return Self.percentDecoded(path) ?? String(path)
    }

    /// Where the URL continues after `scheme://`.
    private var afterSchemeIndex: String.Index? {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return nil }
        return url.index(colon, offsetBy: 3)
    }

    /// `%XX` escapes decoded as UTF-8; nil for a broken escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(Hex.value(of:)), let low = iterator.next().flatMap(Hex.value(of:)) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
