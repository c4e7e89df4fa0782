import Foundation

/// msg-id lists (RFC 5322 §3.6.4) for Message-ID, In-Reply-To and References.
enum MessageIdentifiers {
    /// Every `<id>` in the value without brackets; bare tokens when there are no brackets.
    static func parse(_ value: String) -> [String] {
        var identifiers: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let identifier = rest[rest.index(after: open)..<close].trimmingSpaces()
            let cleaned = AddressListParser.withoutCommentsAndSpaces(identifier)
            if !cleaned.isEmpty { identifiers.append(cleaned) }
            rest = rest[rest.index(after: close)...]
        }
        if identifiers.isEmpty && !value.containsCharacter("<") {
            identifiers = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
                .map(String.init).filter { $0.containsCharacter("@") }
        }
        return identifiers
    }
}

/// Fills the RFC 5322 envelope fields of a parsed message from its top-level header.
enum EnvelopeFields {
    static func fill(_ message: inout ParsedMessage, from header: HeaderBlock) {
        func raw(_ name: String) -> [String] {
            header.fields.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.unfoldedRaw)
        }
        func addresses(_ name: String) -> [MailAddress] { raw(name).flatMap(AddressListParser.parse) }

        if let id = header.first("Message-ID")?.unfoldedRaw {
            message.messageID = MessageIdentifiers.parse(id).first
                ?? (id.isEmpty ? nil : id.trimmingSpaces(and: "<>"))
        }
        if let subject = header.first("Subject")?.value { message.subject = String(subject.trimmedWhitespace) }
        if let date = header.first("Date")?.value {
            message.date = DateTimeParser.parse(date)
            if message.date == nil { message.defects.append("unparseable Date \"\(date.prefix(60))\"") }
        }
        message.from = addresses("from")
        message.to = addresses("to")
        message.cc = addresses("cc")
        message.replyTo = addresses("reply-to")
        message.inReplyTo = raw("in-reply-to").flatMap(MessageIdentifiers.parse)
        message.references = raw("references").flatMap(MessageIdentifiers.parse)
        message.threadIndexRoot = header.first("Thread-Index").flatMap { ThreadIndex.root(of: $0.unfoldedRaw) }
        // Counted on the names: unfolding the values only to count them cost a copy of each.
        for name in ["from", "subject", "date", "message-id"]
        where header.fields.lazy.filter({ $0.name.equalsIgnoringASCIICase(name) }).count > 1 {
            message.defects.append("repeated \(name) header")
        }
    }
}
