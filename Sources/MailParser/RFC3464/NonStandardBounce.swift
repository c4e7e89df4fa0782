import Foundation

/// Bounces without a delivery-status part (qmail, Exim, old Exchange, Postfix without DSN):
/// recognised by sender and subject, with recipients and status codes read from the text.
enum NonStandardBounce {
    private static let subjectMarkers = [
        "undeliver", "undelivered", "delivery status notification", "delivery failure", "mail delivery failed",
        "failure notice", "returned mail", "delivery has failed", "onbestelbaar", "niet afgeleverd",
        "kan niet worden bezorgd", "unzustellbar", "non remis", "mail system error", "delivery notification",
        "could not be delivered", "message not delivered", "nondeliverable", "warning: could not send",
        "delayed mail", "delivery delayed", "rejected", "mail failure",
    ]

    /// Whether sender or subject say this is a bounce.
    static func looksLikeBounce(_ message: ParsedMessage) -> Bool {
        let senderIsDaemon = message.from.contains { address in
            let local = address.address.lowercasedFast().split(separator: "@").first ?? ""
            let name = address.name?.lowercasedFast() ?? ""
            return local == "mailer-daemon" || local == "postmaster" || local.hasPrefix("mail-daemon")
                || local == "maildaemon" || name.containsBytes("mail delivery") || name.containsBytes("mailer-daemon")
        }
        let subject = message.subject?.lowercasedFast() ?? ""
        let subjectSays = subjectMarkers.contains { subject.containsBytes($0) }
        return (senderIsDaemon && (subjectSays || !subject.isEmpty || message.subject == nil))
            || (subjectSays && (message.header("Return-Path")?.containsBytes("<>") ?? false))
    }

    /// Recipients and status codes read from the bounce text, skipping the daemon's own addresses.
    static func recipients(in text: String, excluding own: [MailAddress]) -> [BounceRecipient] {
        let excluded = Set(own.map { $0.address.lowercasedFast() })
        var recipients: [BounceRecipient] = []
        var seen = Set<String>()
        var lastStatus: String?
        let lines = text.newlineSeparatedLines.map(String.init)
        for (index, line) in lines.enumerated() {
            // Lower-cased once for the three tests that read it.
            let lowered = line.lowercasedFast()
            if isStartOfReturnedMessage(lowered: lowered) { break }
            if isQuotedHeaderLine(lowered: lowered) { continue }
            if let status = statusCode(in: line) ?? phraseStatus(lowered: lowered) ?? basicReplyStatus(in: line) {
                lastStatus = status
                if let last = recipients.indices.last, recipients[last].status == nil {
                    recipients[last].status = status
                    recipients[last].diagnostic = line.trimmingSpaces()
                }
            }
            for address in addresses(in: line) where !excluded.contains(address.lowercasedFast()) {
                let local = address.lowercasedFast().split(separator: "@").first ?? ""
                if local == "mailer-daemon" || local == "postmaster" || seen.contains(address.lowercasedFast()) { continue }
                seen.insert(address.lowercasedFast())
                let window = collapsingWhitespace(lines[index..<min(lines.count, index + 4)].joined(separator: " "))
                let status = statusCode(in: window) ?? phraseStatus(in: window) ?? basicReplyStatus(in: window)
                recipients.append(BounceRecipient(
                    address: address, action: "failed", status: status,
                    diagnostic: status == nil ? nil : window.trimmingSpaces()))
            }
        }
        if let lastStatus {
            for index in recipients.indices where recipients[index].status == nil { recipients[index].status = lastStatus }
        }
        for index in recipients.indices {
            if recipients[index].status?.hasPrefix("4") == true { recipients[index].action = "delayed" }
        }
        return recipients
    }

    /// The words of `text` joined by single spaces; on bytes when the text is ASCII, where
    /// every character but CR LF is one byte and whitespace is the six ASCII spaces.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        let ascii: String? = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var words: [UInt8] = []
            words.reserveCapacity(bytes.count)
            for byte in bytes {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    if let last = words.last, last != 0x20 { words.append(0x20) }
                } else {
                    words.append(byte)
                }
            }
            if words.last == 0x20 { words.removeLast() }
            return String(decoding: words, as: UTF8.self)
        }
        return ascii ?? text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Lines where clients start quoting the returned message.
    private static func isStartOfReturnedMessage(lowered: String) -> Bool {
        return lowered.containsBytes("original message follows") || lowered.containsBytes("below this line is a copy")
            || lowered.containsBytes("original message headers") || lowered.hasPrefix("------ this is a copy")
            || lowered.containsBytes("--- below this line") || lowered.hasPrefix("received: ")
            || lowered.containsBytes("headers of the original message") || lowered.hasPrefix("return-path:")
            || lowered.containsBytes("----- original message") || lowered.containsBytes("-----oorspronkelijk bericht")
    }

    /// The first enhanced status code (RFC 3463), `4.x.x` or `5.x.x`, in the text.
    static func statusCode(in text: String) -> String? {
        let characters = Array(text.utf8)
        var index = 0
        while index < characters.count {
            let byte = characters[index]
            if (byte == 0x34 || byte == 0x35), index + 4 < characters.count, characters[index + 1] == 0x2E,
               index == 0 || !isCodeByte(characters[index - 1]) {
                var cursor = index + 2
                let firstStart = cursor
                while cursor < characters.count && isDigit(characters[cursor]) { cursor += 1 }
                if cursor > firstStart, cursor - firstStart <= 3, cursor < characters.count, characters[cursor] == 0x2E {
                    cursor += 1
                    let secondStart = cursor
                    while cursor < characters.count && isDigit(characters[cursor]) { cursor += 1 }
                    if cursor > secondStart, cursor - secondStart <= 3,
                       cursor == characters.count || !isCodeByte(characters[cursor]) {
                        return String(decoding: characters[index..<cursor], as: UTF8.self)
                    }
                }
            }
            index += 1
        }
        return nil
    }

    private static let quotedHeaderLabels = ["message-id:", "references:", "in-reply-to:", "dkim-signature:", "x-", "received:"]

    /// Header lines of a quoted message, whose msg-ids look like addresses.
    private static func isQuotedHeaderLine(lowered line: String) -> Bool {
        let lowered = line.trimmedSpaces
        return quotedHeaderLabels.contains { lowered.hasPrefix($0) }
    }

    /// Status codes implied by the wording of bounces that give none (Exim, old Sendmail).
    private static let phraseStatuses: [(String, String)] = [
        ("has been delayed", "4.0.0"), ("will be retried", "4.0.0"), ("still trying", "4.0.0"),
        ("unrouteable mail domain", "5.1.2"), ("unrouteable address", "5.1.2"), ("host not found", "5.1.2"),
        ("name is not recognized", "5.1.1"), ("unknown recipient", "5.1.1"), ("no such recipient", "5.1.1"),
        ("invalid recipient", "5.1.1"), ("address rejected", "5.1.1"),
        ("user unknown", "5.1.1"), ("unknown user", "5.1.1"), ("no such user", "5.1.1"),
        ("does not exist", "5.1.1"), ("no mailbox", "5.1.1"), ("recipient not found", "5.1.1"),
        ("mailbox is full", "5.2.2"), ("mailbox full", "5.2.2"), ("quota exceeded", "5.2.2"), ("over quota", "5.2.2"),
    ]

    static func phraseStatus(in text: String) -> String? { phraseStatus(lowered: text.lowercasedFast()) }

    private static func phraseStatus(lowered: String) -> String? {
        phraseStatuses.first { lowered.containsBytes($0.0) }?.1
    }

    /// "5.0.0" or "4.0.0" from a bare SMTP reply code (RFC 5321 §4.2) such as "550" or "421-".
    static func basicReplyStatus(in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3 else { return nil }
        for index in 0...(bytes.count - 3) {
            let first = bytes[index]
            guard first == 0x34 || first == 0x35, isDigit(bytes[index + 1]), isDigit(bytes[index + 2]) else { continue }
            let before = index == 0 ? 0x20 : bytes[index - 1]
            let after = index + 3 == bytes.count ? 0x20 : bytes[index + 3]
            guard before == 0x20 || before == 0x09 || before == 0x28 || before == 0x27 else { continue }
            guard after == 0x20 || after == 0x2D || after == 0x29 else { continue }
            return first == 0x35 ? "5.0.0" : "4.0.0"
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isCodeByte(_ byte: UInt8) -> Bool { isDigit(byte) || byte == 0x2E }

    /// Things that look like addr-specs in free text.
    static func addresses(in line: String) -> [String] {
        var found: [String] = []
        // Most lines have no address: decided on one byte search before any splitting.
        guard line.utf8.withContiguousStorageIfAvailable({ $0.contains(UInt8(ascii: "@")) }) ?? line.utf8.contains(UInt8(ascii: "@"))
        else { return found }
        let separators = Array(" \t<>()[]\"',;:=".utf8)
        for bytes in line.utf8.split(omittingEmptySubsequences: false, whereSeparator: separators.contains)
            where bytes.contains(UInt8(ascii: "@")) {
            let token = Substring(bytes)
            var candidate = token.trimmingSpaces(and: ".")
            if candidate.lowercasedFast().hasPrefix("mailto") { candidate = String(candidate.dropFirst(6)) }
            let parts = candidate.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), parts[1].count >= 3,
                  !parts[1].hasSuffix(".") else { continue }
            found.append(candidate)
        }
        return found
    }
}
