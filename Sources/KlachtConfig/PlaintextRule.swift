/// `starttls = no` is for a mail server on this machine (a local Postfix or Dovecot), where
/// nothing crosses a network. To any other host it would send the password and every
/// complaint in clear text, so it is a configuration error unless the section says
/// `allow_plaintext = yes` (a trusted network), and then check-config and every start warn.
public enum PlaintextRule {
    /// Whether the URL's host is this machine: `localhost`, 127.0.0.0/8 or `[::1]`.
    public static func isLoopback(url: String) -> Bool {
        let host = host(of: url).lowercased()
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in UInt8(part) != nil }
    }

    /// The host part of `scheme://[user@]host[:port][/path]`.
    public static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") { return String(rest[...close]) }
        if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        return String(rest)
    }

    /// The warning for each server reached in clear text by permission, for check-config and the start.
    public static func warnings(_ configuration: Configuration) -> [String] {
        [("imap", configuration.imap.server), ("smtp", configuration.smtp)].compactMap { name, server in
            server.plaintextAllowed
                ? "WARNING: [\(name)] starttls = no with allow_plaintext = yes: the login and every complaint travel unencrypted to \(host(of: server.url))"
                : nil
        }
    }
}
