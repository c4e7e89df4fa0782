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
        "verzonden vanaf mijn", "verstuurd vanaf mijn", "sent from my", "get outlook for", "download outlook voor",
        "verzonden met ", "sent with ", "verzonden vanuit ", "envoyé de mon", "von meinem",
    ]

    /// Whether `line` (joined with `next` when the client wrapped it) opens the quoted history.
    static func startsHistory(line: String, next: String?, following: [String]) -> Bool {
        // Quote headers are short; long lines (minified HTML, base64 pasted as text) never are.
        guard line.utf8.count < 400 else { return false }
        let lowered = clean(line)
        if lowered.isEmpty { return false }
        if separators.contains(where: { lowered.hasPrefix($0) }) { return true }
        if lowered.hasPrefix("----") && (lowered.contains("oorspronkelijk") || lowered.contains("original")) { return true }
        if isAttribution(lowered) { return true }
        if let next, !lowered.hasSuffix(":"), isAttribution(lowered + " " + clean(next)) { return true }
        if fromLabels.contains(where: { lowered.hasPrefix($0) }) {
            let block = following.map(clean)
            let hasDate = block.contains { text in dateLabels.contains { text.hasPrefix($0) } }
            let hasOther = block.contains { text in otherLabels.contains { text.hasPrefix($0) } }
            return hasDate || hasOther
        }
        return false
    }

    /// "Op … schreef …:", "Op … heeft … het volgende geschreven:", "On … wrote:", "Am … schrieb …:".
    private static func isAttribution(_ text: String) -> Bool {
        guard text.hasSuffix(":") else { return false }
        if text.hasPrefix("op ") && (text.contains("schreef") || text.contains("geschreven")) { return true }
        if text.hasPrefix("on ") && text.contains("wrote") { return true }
        if text.hasPrefix("am ") && text.contains("schrieb") { return true }
        if text.hasPrefix("le ") && text.contains("écrit") { return true }
        return text.count < 200 && (text.hasSuffix(" wrote:") || text.hasSuffix(" schreef:"))
    }

    /// The `-- ` signature separator (RFC 3676 §4.3) or a "sent from my phone" line.
    static func isSignatureStart(_ line: String) -> Bool {
        if line == "-- " || line == "--" { return true }
        guard line.utf8.count < 120 else { return false }
        let lowered = clean(line)
        return deviceSignatures.contains { lowered.hasPrefix($0) } && lowered.count < 80
    }

    /// The line lowercased, trimmed and without the `*bold*` markers of HTML-to-text output.
    private static func clean(_ line: String) -> String {
        line.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "*", with: "")
    }
}
