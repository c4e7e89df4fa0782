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
            let local = address.address.lowercased().split(separator: "@").first ?? ""
            return local == "mailer-daemon" || local == "postmaster" || local.hasPrefix("mail-daemon")
                || local == "maildaemon" || (address.name?.lowercased().contains("mail delivery") ?? false)
        }
        let subject = message.subject?.lowercased() ?? ""
        let subjectSays = subjectMarkers.contains { subject.contains($0) }
        return (senderIsDaemon && (subjectSays || !subject.isEmpty || message.subject == nil))
            || (subjectSays && (message.header("Return-Path")?.contains("<>") ?? false))
    }

    /// Recipients and status codes read from the bounce text, skipping the daemon's own addresses.
    static func recipients(in text: String, excluding own: [MailAddress]) -> [BounceRecipient] {
        let excluded = Set(own.map { $0.address.lowercased() })
        var recipients: [BounceRecipient] = []
        var seen = Set<String>()
        var lastStatus: String?
        let lines = text.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() {
            if isStartOfReturnedMessage(line) { break }
            if let status = statusCode(in: line) {
                lastStatus = status
                if let last = recipients.indices.last, recipients[last].status == nil {
                    recipients[last].status = status
                    recipients[last].diagnostic = line.trimmingCharacters(in: .whitespaces)
                }
            }
            for address in addresses(in: line) where !excluded.contains(address.lowercased()) {
                let local = address.lowercased().split(separator: "@").first ?? ""
                if local == "mailer-daemon" || local == "postmaster" || seen.contains(address.lowercased()) { continue }
                seen.insert(address.lowercased())
                let window = lines[index..<min(lines.count, index + 4)].joined(separator: " ")
                let status = statusCode(in: window)
                recipients.append(BounceRecipient(
                    address: address, action: "failed", status: status,
                    diagnostic: status == nil ? nil : window.trimmingCharacters(in: .whitespaces)))
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

    /// Lines where clients start quoting the returned message.
    private static func isStartOfReturnedMessage(_ line: String) -> Bool {
        let lowered = line.lowercased()
        return lowered.contains("original message follows") || lowered.contains("below this line is a copy")
            || lowered.contains("original message headers") || lowered.hasPrefix("------ this is a copy")
            || lowered.contains("--- below this line") || lowered.hasPrefix("received: ")
            || lowered.contains("headers of the original message") || lowered.hasPrefix("return-path:")
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

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isCodeByte(_ byte: UInt8) -> Bool { isDigit(byte) || byte == 0x2E }

    /// Things that look like addr-specs in free text.
    static func addresses(in line: String) -> [String] {
        var found: [String] = []
        let separators = CharacterSet(charactersIn: " \t<>()[]\"',;:=")
        for token in line.components(separatedBy: separators) where token.contains("@") {
            var candidate = token.trimmingCharacters(in: CharacterSet(charactersIn: ".").union(.whitespaces))
            if candidate.lowercased().hasPrefix("mailto") { candidate = String(candidate.dropFirst(6)) }
            let parts = candidate.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), parts[1].count >= 3,
                  !parts[1].hasSuffix(".") else { continue }
            found.append(candidate)
        }
        return found
    }
}
