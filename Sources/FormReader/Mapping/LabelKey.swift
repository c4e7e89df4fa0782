import Foundation

/// The comparable form of a label: lower case, accents folded, required-markers and trailing `:*?.` dropped.
enum LabelKey {
    /// Markers sites append to required fields.
    private static let requiredMarkers = ["(verplicht)", "(required)", "(vereist)"]

    /// Normalises a label such as `Naam ouder/verzorger (verplicht) *:` to `naam ouder/verzorger`.
    static func normalise(_ label: String) -> String {
        var key = label.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        key = key.replacingOccurrences(of: "\u{2019}", with: "'")
        var changed = true
        while changed {
            changed = false
            let trimmed = key.trimmingCharacters(in: CharacterSet(charactersIn: ":*?.").union(.whitespaces))
            if trimmed != key {
                key = trimmed
                changed = true
            }
            for marker in requiredMarkers where key.hasSuffix(marker) {
                key = String(key.dropLast(marker.count))
                changed = true
            }
        }
        return key.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .replacingOccurrences(of: " / ", with: "/")
    }
}
