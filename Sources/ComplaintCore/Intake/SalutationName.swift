/// The sender's name as letters may print it after "Beste", or nil for the neutral salutation.
///
/// The display name is whatever the sender typed, and the sender may be forged: a 6 KB name
/// with a link would otherwise go out under the organisation's domain to a stranger (issue 17).
/// A name prints only when it looks like a person's name: at most `maximumLength` characters,
/// letters (any script, with accents), spaces, hyphens, apostrophes and periods; no digits, no
/// control characters, no `@`, `:` or `/`, and nothing shaped like a domain (`evil.nl`,
/// `www.x`). Initials such as "J.P. de Vries" stay.
public enum SalutationName {
    public static let maximumLength = 60

    public static func printable(_ name: String?) -> String? {
        guard let name else { return nil }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let collapsed = words.joined(separator: " ")
        guard !collapsed.isEmpty, collapsed.count <= maximumLength else { return nil }
        guard collapsed.allSatisfy(isAllowed), collapsed.contains(where: \.isLetter) else { return nil }
        return looksLikeDomain(collapsed) ? nil : collapsed
    }

    private static func isAllowed(_ character: Character) -> Bool {
        if character.isLetter {
            // Letters only: no digits in other scripts, no letter-like symbols with control scalars.
            return character.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark }
        }
        return character == " " || character == "-" || character == "'" || character == "\u{2019}" || character == "."
    }

    /// A period between a run of two or more letters and another letter: `evil.nl`, `www.site`.
    private static func looksLikeDomain(_ text: String) -> Bool {
        var lettersBefore = 0
        var afterPeriod = false
        for character in text {
            if character.isLetter {
                if afterPeriod { return true }
                lettersBefore += 1
            } else {
                afterPeriod = character == "." && lettersBefore >= 2
                lettersBefore = 0
            }
        }
        return false
    }
}
