import Foundation
import KlachtConfig

/// One `Authentication-Results` header (RFC 8601): who wrote it and what each method found.
public struct AuthenticationResults: Sendable, Equatable {
    /// One `method=result prop=value ...` clause.
    public struct Result: Sendable, Equatable {
        public var method: String
        public var result: String
        public var properties: [String: String]
    }

    public var authservID: String
    public var results: [Result]

    /// Reads a header value; nil when it has no authserv-id.
    public init?(_ value: String) {
        let clauses = Self.removingComments(value).split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let first = clauses.first, let id = first.split(whereSeparator: \.isWhitespace).first, !id.isEmpty else { return nil }
        authservID = id.lowercased()
        results = clauses.dropFirst().compactMap { clause in
            let words = clause.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let head = words.first, let equals = head.firstIndex(of: "=") else { return nil }
            var properties: [String: String] = [:]
            for word in words.dropFirst() {
                guard let sign = word.firstIndex(of: "=") else { continue }
                properties[word[..<sign].lowercased()] = String(word[word.index(after: sign)...]).trimmingCharacters(in: .init(charactersIn: "\""))
            }
            return Result(method: head[..<equals].lowercased(), result: head[head.index(after: equals)...].lowercased(), properties: properties)
        }
    }

    /// RFC 5322 comments `( ... )` carry no meaning here.
    private static func removingComments(_ text: String) -> String {
        var depth = 0
        var out = ""
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.append(character) }
        }
        return out
    }
}

/// Whether the mail server vouches for a message's From domain, as `[authentication]` asks.
public enum SenderAuthentication {
    /// Why the message fails the settings; nil when it passes or no check is configured.
    public static func failure(headers: [String], from address: String?, settings: AuthenticationSettings) -> String? {
        guard let serverID = settings.authservID?.lowercased() else { return nil }
        guard settings.requireDKIMOrSPF || settings.requireDMARCPass else { return nil }
        guard let address, let at = address.lastIndex(of: "@") else { return "het bericht heeft geen afzenderadres" }
        let domain = address[address.index(after: at)...].lowercased()
        let results = headers.compactMap(AuthenticationResults.init).filter { $0.authservID == serverID }.flatMap(\.results)
        guard !results.isEmpty else { return "geen Authentication-Results van \(serverID)" }
        let passed = { (method: String) in results.filter { $0.method == method && $0.result == "pass" }.map(\.properties) }
        if settings.requireDKIMOrSPF {
            let dkim = passed("dkim").contains { aligned($0["header.d"] ?? domainOf($0["header.i"]), domain) }
            let spf = passed("spf").contains { aligned(domainOf($0["smtp.mailfrom"]), domain) }
            if !dkim && !spf { return "DKIM en SPF slagen niet voor \(domain)" }
        }
        if settings.requireDMARCPass, !passed("dmarc").contains(where: { ($0["header.from"]?.lowercased() ?? domain) == domain }) {
            return "DMARC slaagt niet voor \(domain)"
        }
        return nil
    }

    /// Relaxed alignment: the same domain, or one a subdomain of the other.
    static func aligned(_ candidate: String?, _ domain: String) -> Bool {
        guard let candidate = candidate?.lowercased(), !candidate.isEmpty else { return false }
        return candidate == domain || domain.hasSuffix("." + candidate) || candidate.hasSuffix("." + domain)
    }

    /// The domain of `user@domain` or of a bare domain.
    static func domainOf(_ value: String?) -> String? {
        guard let value else { return nil }
        return value.split(separator: "@").last.map(String.init)
    }
}
