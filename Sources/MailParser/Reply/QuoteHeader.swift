import Foundation

/// The lines mail clients put above quoted history, and the signature markers below new text.
enum QuoteHeader {
    /// Separator lines written by Outlook and others above the original message.
    private static let separators = [
        "-----oorspronkelijk bericht-----", "-----original message-----", "----- original message -----",
        "-----ursprüngliche nachricht-----", "-----message d'origine-----", "________________________________",
    ]
    /// Field labels of the header block Outlook prints above the original message.
    private static let fromLabels = ["van:", "from:", "von:", "de:"]
    private static let dateLabels = ["verzonden:", "sent:", "date:", "datum:", "gesendet:", "envoyé:", "verstuurd:"]
    private static let otherLabels = ["aan:", "to:", "onderwerp:", "subject:", "an:", "betreff:", "cc:"]
    /// Phone and app signatures that end the new text.
    private static let deviceSignatures = [
        "verzonden vanaf ", "verstuurd vanaf ", "verzonden vanuit ", "sent from my", "sent from outlook",
        "sent from mail for", "get outlook for", "download outlook voor", "outlook voor ios", "outlook voor android",
        "verzonden met ", "sent with ", "envoyé de mon", "von meinem",
    ]

    /// Whether `line` (joined with `next` when the client wrapped it) opens the quoted history.
    static func startsHistory(line: Substring, next: Substring?, following: ArraySlice<Substring>) -> Bool {
        // Quote headers are short; long lines (minified HTML, base64 pasted as text) never are.
        guard line.utf8.count < 400, mayStartHistory(line) else { return false }
        let lowered = clean(line)
        if lowered.isEmpty { return false }
        if separators.contains(where: { lowered.hasPrefix($0) }) { return true }
        if lowered.hasPrefix("----") && (lowered.containsBytes("oorspronkelijk") || lowered.containsBytes("original")) { return true }
        if isAttribution(lowered) { return true }
        if let next, !lowered.hasSuffix(":"), next.utf8.count < 400, isAttribution(lowered + " " + clean(next)) { return true }
        if fromLabels.contains(where: { lowered.hasPrefix($0) }) {
            let block = following.map(clean)
            let hasDate = block.contains { text in dateLabels.contains { text.hasPrefix($0) } }
            let hasOther = block.contains { text in otherLabels.contains { text.hasPrefix($0) } }
            return hasDate || hasOther
        }
        return false
    }

    private static let wrappedAttributionStarts = [Array("op ".utf8), Array("on ".utf8), Array("am ".utf8), Array("le ".utf8)]
    private static let signatureInitials: Set<UInt8> = [UInt8(ascii: "v"), UInt8(ascii: "s"), UInt8(ascii: "g"), UInt8(ascii: "d"), UInt8(ascii: "e")]

    /// A cheap byte test that rules out most prose lines before any string work: every quote
    /// header has a colon, a dash or an underscore, or starts an attribution that wraps.
    private static func mayStartHistory(_ line: Substring) -> Bool {
        let bytes = line.utf8
        if bytes.contains(UInt8(ascii: ":")) || bytes.contains(UInt8(ascii: "-")) || bytes.contains(UInt8(ascii: "_")) {
            return true
        }
        let start = bytes.drop { $0 == 0x20 || $0 == 0x09 }.prefix(3).map(\.asciiLowercased)
        return wrappedAttributionStarts.contains(start)
    }

    /// "Op … schreef …:", "Op … heeft … het volgende geschreven:", "On … wrote:", "Am … schrieb …:".
    private static func isAttribution(_ text: String) -> Bool {
        guard text.hasSuffix(":") else { return false }
        if text.hasPrefix("op ") && (text.containsBytes("schreef") || text.containsBytes("geschreven")) { return true }
        if text.hasPrefix("on ") && text.containsBytes("wrote") { return true }
        if text.hasPrefix("am ") && text.containsBytes("schrieb") { return true }
        if text.hasPrefix("le ") && text.containsBytes("écrit") { return true }
        return text.count < 200 && (text.hasSuffix(" wrote:") || text.hasSuffix(" schreef:"))
    }

    /// The `-- ` signature separator (RFC 3676 §4.3) or a "sent from my phone" line.
    static func isSignatureStart(_ line: Substring) -> Bool {
        if line == "-- " || line == "--" { return true }
        guard line.utf8.count < 120,
              let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 })?.asciiLowercased,
              signatureInitials.contains(first)
        else { return false }
        let lowered = clean(line)
        return deviceSignatures.contains { lowered.hasPrefix($0) } && lowered.count < 80
    }

    /// The line lowercased, trimmed and without the `*bold*` markers of HTML-to-text output.
    private static func clean(_ line: Substring) -> String {
        String(line.trimmedWhitespace.lowercased().filter { $0 != "*" })
    }
}
