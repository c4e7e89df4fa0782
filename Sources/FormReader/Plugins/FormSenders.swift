import MailParser

/// The configured senders whose mail is always a form notification: addresses, or domains as `@site.nl`.
struct FormSenders: Sendable {
    private let addresses: Set<String>
    private let domains: [String]

    /// Reads configured entries; blank ones are ignored.
    init(_ entries: [String]) {
        let cleaned = entries.map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
        addresses = Set(cleaned.filter { !$0.hasPrefix("@") })
        domains = cleaned.filter { $0.hasPrefix("@") && $0.count > 1 }
    }

    /// Whether `from` (bare or `Name <address>`) is one of the configured senders.
    func contains(_ from: String?) -> Bool {
        guard let from, let address = Self.address(in: from) else { return false }
        return addresses.contains(address) || domains.contains { address.hasSuffix($0) }
    }

    /// The lower-case address in a From value.
    private static func address(in from: String) -> String? {
        var text = Substring(from)
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            text = text[text.index(after: open)..<close]
        }
        let address = text.trimmingWhitespace().lowercased()
        return address.contains("@") ? address : nil
    }
}
