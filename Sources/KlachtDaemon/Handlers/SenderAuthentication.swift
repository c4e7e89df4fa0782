import Foundation
import KlachtConfig
import MailFormat
import MailParser

/// What the receiving mail server's own Authentication-Results say about a message's From domain.
///
/// Engineer-facing contract: `bothFailed` is the one fact automatic mail may be suppressed on;
/// a message without our server's verdict is `serverResultsFound == false`, never "both failed".
public struct SenderVerdict: Sendable, Equatable {
    /// The domain of the From address, lower-cased; nil when the message has none.
    public var fromDomain: String?
    /// Whether the server's topmost block of Authentication-Results was found.
    public var serverResultsFound = false
    /// A DKIM pass whose `header.d` (or `header.i`) aligns with the From domain.
    public var dkimAligned = false
    /// An SPF pass whose `smtp.mailfrom` (or `smtp.helo`) aligns with the From domain.
    public var spfAligned = false
    /// A DMARC pass for the From domain.
    public var dmarcPassed = false

    /// The server gave a verdict and neither DKIM nor SPF passed for the From domain.
    public var bothFailed: Bool { serverResultsFound && !dkimAligned && !spfAligned }
}

/// Whether the mail server vouches for a message's From domain, as `[authentication]` asks.
public enum SenderAuthentication {
    /// The verdict from a message's header fields in order; nil when no `authserv_id` is configured.
    public static func verdict(fields: [HeaderField], from address: String?, settings: AuthenticationSettings) -> SenderVerdict? {
        guard let serverID = settings.authservID else { return nil }
        return verdict(AuthenticationResults.trusted(fields, serverID: serverID), from: address, settings: settings)
    }

    /// The verdict of a parsed message for its first From address.
    public static func verdict(for message: ParsedMessage, settings: AuthenticationSettings) -> SenderVerdict? {
        verdict(fields: message.headers, from: message.from.first?.address, settings: settings)
    }

    /// Why the message fails the settings; nil when it passes or no check is configured.
    public static func failure(fields: [HeaderField], from address: String?, settings: AuthenticationSettings) -> String? {
        guard let verdict = verdict(fields: fields, from: address, settings: settings) else { return nil }
        return failure(verdict, settings: settings)
    }

    /// The older entry point, on `Authentication-Results` values alone: without the other fields
    /// the block cannot be told apart from headers lower down, so only the topmost value counts.
    public static func failure(headers: [String], from address: String?, settings: AuthenticationSettings) -> String? {
        guard let serverID = settings.authservID?.lowercased() else { return nil }
        let topmost = headers.lazy.compactMap(AuthenticationResults.init).first { $0.authservID == serverID }
        return failure(verdict(topmost.map { [$0] } ?? [], from: address, settings: settings), settings: settings)
    }

    static func failure(_ verdict: SenderVerdict, settings: AuthenticationSettings) -> String? {
        guard settings.requireDKIMOrSPF || settings.requireDMARCPass else { return nil }
        guard let domain = verdict.fromDomain else { return "het bericht heeft geen afzenderadres" }
        guard verdict.serverResultsFound else { return "geen Authentication-Results van \(settings.authservID?.lowercased() ?? "")" }
        if settings.requireDKIMOrSPF && !verdict.dkimAligned && !verdict.spfAligned { return "DKIM en SPF slagen niet voor \(domain)" }
        if settings.requireDMARCPass && !verdict.dmarcPassed { return "DMARC slaagt niet voor \(domain)" }
        return nil
    }

    private static func verdict(_ blocks: [AuthenticationResults], from address: String?, settings: AuthenticationSettings) -> SenderVerdict {
        var verdict = SenderVerdict()
        guard let address, let at = address.lastIndex(of: "@") else { return verdict }
        let domain = normalised(String(address[address.index(after: at)...]))
        verdict.fromDomain = domain
        let results = blocks.flatMap(\.results)
        verdict.serverResultsFound = !blocks.isEmpty
        let passed = { (method: String) in results.filter { $0.method == method && $0.result == "pass" }.map(\.properties) }
        let organisational = settings.organisationalDomains
        verdict.dkimAligned = passed("dkim").contains {
            aligned($0["header.d"] ?? domainOf($0["header.i"]), domain, organisational: organisational)
        }
        verdict.spfAligned = passed("spf").contains {
            aligned(domainOf($0["smtp.mailfrom"] ?? $0["smtp.helo"]), domain, organisational: organisational)
        }
        verdict.dmarcPassed = passed("dmarc").contains { ($0["header.from"].map(normalised) ?? domain) == domain }
        return verdict
    }

    /// The authenticated domain aligns when it is the From domain itself; a parent or subdomain
    /// of it only when both lie within one configured organisational domain (DMARC relaxed).
    /// `header.d=test` never vouches for `example.test`.
    static func aligned(_ candidate: String?, _ domain: String, organisational: [String] = []) -> Bool {
        guard let candidate = candidate.map(normalised), !candidate.isEmpty else { return false }
        if candidate == domain { return true }
        return organisational.map(normalised).contains { organisation in
            !organisation.isEmpty && within(candidate, organisation) && within(domain, organisation)
        }
    }

    private static func within(_ domain: String, _ organisation: String) -> Bool {
        domain == organisation || domain.hasSuffix("." + organisation)
    }

    private static func normalised(_ domain: String) -> String {
        var text = domain.lowercased().trimmingCharacters(in: .whitespaces)
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The domain of `user@domain` or of a bare domain.
    static func domainOf(_ value: String?) -> String? {
        guard let value else { return nil }
        return value.split(separator: "@").last.map(String.init)
    }
}
