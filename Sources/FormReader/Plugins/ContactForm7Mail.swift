import MailParser

/// Contact Form 7's mail: plain text from the site's mail template, by default
/// `From: name <email>`, `Subject:`, `Message Body:` and the message, then a footer after `-- `
/// (in Dutch: `Van:`, `Onderwerp:`, `Berichttekst:`).
enum ContactForm7Mail {
    /// Footer sentences of the default template, current (5.8.1 and later) and older, English and Dutch.
    private static let footers = [
        "this is a notification that a contact form was submitted on your website",
        "this e-mail was sent from a contact form on",
        "deze e-mail is verzonden vanaf een contactformulier op",
        "deze e-mail is verzonden via een contactformulier op",
        // The Dutch translation of the 5.8 template, as a Dutch WordPress sends it.
        "dit is een melding dat er een contactformulier is verzonden op je website",
        "dit is een melding dat er een contactformulier is verzonden op uw website",
    ]

    /// The message heading of the default template, English and Dutch, each with its sender label.
    private static let bodyHeadings: [(heading: String, sender: String)] = [
        ("message body:", "from:"), ("berichttekst:", "van:"),
    ]

    /// Whether `text` carries the default template's footer or its `Message Body:` heading.
    static func matches(_ text: String) -> Bool {
        let lower = text.lowercased()
        // A byte search: `String.contains` would go through Foundation's locale-aware search for every message.
        let bytes = Array(lower.utf8)
        if footers.contains(where: { Self.occurs(Array($0.utf8), in: bytes) }) { return true }
        let lines = TextLines.split(text).map { $0.trimmingWhitespace().lowercased() }
        return bodyHeadings.contains { heading, sender in
            lines.contains(heading) && lines.contains { $0.hasPrefix(sender) }
        }
    }

    /// Labels of the line that carries the sender as `name <email>` or `name email`.
    static let senderLabels: Set<String> = ["from", "van", "afzender"]

    /// The name and address in a `From:` value; unfilled tags such as `[your-email]` count as empty.
    static func sender(in value: String) -> (name: String?, email: String?) {
        var words = value.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            .filter { !TextLines.isUnfilledTag($0.trimmingCharacters(in: ["<", ">"])) }
        var email: String?
        if let last = words.last, last.contains("@") {
            email = EmailAddress.extract(from: last)
            words.removeLast()
        }
        let name = words.joined(separator: " ").trimmingCharacters(in: ["<", ">", " ", "\"", ","])
        return (name.isEmpty ? nil : name, email)
    }

    private static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
