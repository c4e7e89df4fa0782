import MailParser

/// Recognises an email address in a form value.
enum EmailAddress {
    /// The address in `value` (bare, `<addr>` or `mailto:addr`), or nil when it does not look like one:
    /// exactly one `@`, no spaces, and a dot inside the domain.
    static func extract(from value: String) -> String? {
        var candidate = Substring(value.trimmingWhitespace())
        if let open = candidate.lastIndex(of: "<"), let close = candidate.lastIndex(of: ">"), open < close {
            candidate = candidate[candidate.index(after: open)..<close]
        }
        if candidate.lowercased().hasPrefix("mailto:") {
            candidate = candidate.dropFirst("mailto:".count)
        }
        if let query = candidate.firstIndex(of: "?") {
            candidate = candidate[..<query]
        }
        let address = String(candidate).trimmingWhitespace()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !address.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else { return nil }
        let domain = parts[1]
        guard let dot = domain.firstIndex(of: "."), dot != domain.startIndex, domain.last != "." else { return nil }
        return address
    }
}
