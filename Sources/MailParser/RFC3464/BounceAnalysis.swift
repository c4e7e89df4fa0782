import Foundation

/// Decides whether a message is a bounce and builds its report, from an RFC 3464
/// delivery-status part when there is one, else from the bounce text.
enum BounceAnalysis {
    static func report(message: ParsedMessage, parts: BodyParts, rootType: String, bytes: [UInt8],
                       defects: inout [String]) -> BounceReport? {
        let isReport = !parts.deliveryStatusParts.isEmpty || rootType == "multipart/report"
        let looksLikeBounce = isReport ? nil : NonStandardBounce.looksLikeBounce(message)
        guard isReport || looksLikeBounce == true else { return nil }
        let originalID = originalMessageID(parts: parts, text: message.text, bytes: bytes, defects: &defects)
        let statusRecipients = parts.deliveryStatusParts.flatMap {
            DeliveryStatusParser.recipients(in: $0.decodedBody(bytes, defects: &defects))
        }
        if !statusRecipients.isEmpty || (!parts.deliveryStatusParts.isEmpty && rootType == "multipart/report") {
            return BounceReport(recipients: statusRecipients, originalMessageID: originalID)
        }
        guard looksLikeBounce ?? NonStandardBounce.looksLikeBounce(message), let text = message.text else { return nil }
        let recipients = NonStandardBounce.recipients(in: text, excluding: message.from + message.to)
        guard !recipients.isEmpty || originalID != nil else { return nil }
        return BounceReport(recipients: recipients, originalMessageID: originalID)
    }

    /// The Message-ID of the returned message: from its attached copy or headers part,
    /// else from a "Message-ID:" line quoted in the bounce text.
    private static func originalMessageID(parts: BodyParts, text: String?, bytes: [UInt8],
                                          defects: inout [String]) -> String? {
        for part in parts.returnedMessageParts {
            // Some servers omit the blank line, so the returned headers land in the part's own header.
            if let value = part.header.first("Message-ID")?.unfoldedRaw, let id = MessageIdentifiers.parse(value).first {
                return id
            }
            let body = part.decodedBody(bytes, defects: &defects)
            let header = HeaderBlock.parse(body, range: 0..<body.count)
            if let value = header.first("Message-ID")?.unfoldedRaw, let id = MessageIdentifiers.parse(value).first {
                return id
            }
        }
        guard let text else { return nil }
        for line in text.newlineSeparatedLines {
            // Most lines are prose: look closer only at lines that start with an "m".
            guard let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), first | 0x20 == UInt8(ascii: "m") else { continue }
            let trimmed = line.trimmingSpaces()
            if trimmed.lowercased().hasPrefix("message-id:"), let id = MessageIdentifiers.parse(String(trimmed.dropFirst(11))).first {
                return id
            }
        }
        return nil
    }
}
