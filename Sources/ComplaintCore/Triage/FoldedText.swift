import Foundation

/// Text folded for matching: lower case, accents removed, every run of non-letters one space.
///
/// "BSO Morel" in a config, "bso-morël" in a message: both fold to "bso morel", so a
/// location alias or a safeguarding word is found however a parent types it.
public struct FoldedText: Sendable, Equatable {
    public let value: String

    public init(_ text: String) {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        out.reserveCapacity(folded.utf8.count + 2)
        out.append(" ")
        var lastWasSpace = true
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        if !lastWasSpace { out.append(" ") }
        value = out
    }

    /// True when `phrase` occurs as whole words ("morel" in "bso morel", not in "morellen").
    public func containsWords(_ phrase: FoldedText) -> Bool {
        phrase.value != " " && value.contains(phrase.value)
    }

    /// True when `stem` begins a word ("sla" in "slaan", "geslagen" needs its own stem).
    public func containsWordStart(_ stem: FoldedText) -> Bool {
        let trimmed = String(stem.value.dropLast())
        return trimmed != "" && value.contains(trimmed)
    }
}
