/// The one shape of address klachtd writes mail to: a plain RFC 5321 mailbox.
///
/// Addresses from forms and From headers end up in `To:` headers and `RCPT TO`. RFC 5322
/// allows far more than a mail server should be handed from an outsider: a comma
/// (`victim,other@evil.test` is two recipients in a header), a quoted local part
/// (`"a,b"@x`), source routes and `%`/`!` relaying (`a%b@example.test`, `x!y@host`),
/// comments, control characters and NUL. So only this is accepted: a dot-atom local part of
/// letters, digits and ``#$&'*+-/=?^_`{|}~`` (no `%`, `!`, quotes or commas), at most 64
/// characters; `@`; a domain of at least two labels of letters, digits and inner hyphens,
/// each 1–63 characters, at most 253 in all. ASCII only (no SMTPUTF8).
public enum MailboxSyntax {
    public static func isPlainMailbox(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        return isDotAtom(local) && isDomain(domain)
    }

    private static let localSpecials = Set("#$&'*+-/=?^_`{|}~".utf8)

    private static func isDotAtom(_ local: ArraySlice<UInt8>) -> Bool {
        guard (1...64).contains(local.count), local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".") else { return false }
        var previousDot = false
        for byte in local {
            if byte == UInt8(ascii: ".") {
                if previousDot { return false }
                previousDot = true
                continue
            }
            previousDot = false
            guard isLetterOrDigit(byte) || localSpecials.contains(byte) else { return false }
        }
        return true
    }

    private static func isDomain(_ domain: ArraySlice<UInt8>) -> Bool {
        guard (3...253).contains(domain.count) else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }) else { return false }
        }
        // A top-level label of digits only is an IP address written loosely, not a domain.
        return labels.last?.contains(where: { !($0 >= 0x30 && $0 <= 0x39) }) ?? false
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
