import Foundation

/// Reads a message/delivery-status body (RFC 3464 §2.1): a per-message field group followed
/// by one group per recipient, separated by blank lines.
enum DeliveryStatusParser {
    static func recipients(in body: [UInt8]) -> [BounceRecipient] {
        var recipients: [BounceRecipient] = []
        var position = 0
        while position < body.count {
            // Skip blank lines between groups; some servers write several or none at all.
            let line = ByteLines.line(in: body, from: position, to: body.count)
            if line.start == line.contentEnd { position = line.next; continue }
            let group = HeaderBlock.parse(body, range: position..<body.count)
            // A line that starts no field group is skipped whole.
            position = group.bodyStart > position ? group.bodyStart : line.next
            if let recipient = recipient(from: group) { recipients.append(recipient) }
        }
        return recipients
    }

    private static func recipient(from group: HeaderBlock) -> BounceRecipient? {
        // Final-Recipient can be "system; <>"; then the original recipient names the mailbox.
        let candidates = ["Final-Recipient", "Original-Recipient", "X-Actual-Recipient"].compactMap { name in
            group.first(name).map { typedValue($0.value).trimmingSpaces(and: "<>") }
        }
        guard let address = candidates.first(where: { $0.containsCharacter("@") }) ?? candidates.first(where: { !$0.isEmpty })
        else { return nil }
        let status = group.first("Status")?.value.trimmingSpaces()
            .split(separator: " ").first.map(String.init)
        // Folded diagnostics keep their indentation when unfolded; one space reads better.
        let diagnostic = group.first("Diagnostic-Code").map {
            NonStandardBounce.collapsingWhitespace(typedValue($0.value))
        }
        return BounceRecipient(address: address,
                               action: group.first("Action")?.value.trimmingSpaces().lowercased(),
                               status: status, diagnostic: diagnostic?.isEmpty == true ? nil : diagnostic)
    }

    /// The value after the `type;` prefix (`rfc822; user@example.com`, `smtp; 550 …`).
    private static func typedValue(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return value.trimmingSpaces() }
        return value[value.index(after: semicolon)...].trimmingSpaces()
    }
}
