import CaseStore
import MailFormat
import MailParser
import MailTemplates

/// The files the parent sent with their first message, for the handler's assignment mail.
///
/// They are read again from the stored raw message (the case keeps no copies), so an
/// assignment made days later by `#toewijzen` carries them as well. Files are taken in the
/// parent's order while they fit in `limit` bytes together; the rest are named, with their
/// size, so the handler knows to ask the quality staff for them (`klachtd export`).
struct ParentAttachments {
    let store: CaseStore
    let limit: Int

    struct Selection {
        var included: [OutgoingAttachment] = []
        var omitted: [(name: String, size: Int)] = []

        /// `attachments.included`, `attachments.omitted` (name and size), `attachments.any`.
        var templateValue: TemplateValue {
            func item(_ name: String, _ size: Int) -> TemplateValue {
                .object(["name": .string(name), "size": .string(ParentAttachments.sizeText(size))])
            }
            return .object([
                "included": .list(included.map { item($0.filename, $0.data.count) }),
                "omitted": .list(omitted.map { item($0.name, $0.size) }),
                "any": .bool(!included.isEmpty || !omitted.isEmpty),
            ])
        }
    }

    func select(caseID: Int64) throws -> Selection {
        let first = try store.caseMessages(caseID: caseID).first { $0.direction == .incoming && $0.role == .complainant }
        guard let rawID = first?.rawMessageID, let raw = try store.rawMessage(id: rawID), !raw.bytes.isEmpty else {
            return Selection()
        }
        return select(MessageParser.parse(raw.bytes).attachments)
    }

    /// The selection from attachments already parsed.
    func select(_ attachments: [MailAttachment]) -> Selection {
        var selection = Selection()
        var used = 0
        for (index, attachment) in attachments.enumerated() {
            let name = attachment.filename.flatMap { $0.isEmpty ? nil : $0 } ?? "bijlage-\(index + 1)"
            if used + attachment.size <= limit {
                used += attachment.size
                selection.included.append(OutgoingAttachment(filename: name, contentType: attachment.contentType,
                                                             data: attachment.data))
            } else {
                selection.omitted.append((name, attachment.size))
            }
        }
        return selection
    }

    /// "240 kB", "3,4 MB": as a Dutch reader writes sizes.
    static func sizeText(_ bytes: Int) -> String {
        if bytes < 1024 * 1024 { return "\(max(1, (bytes + 1023) / 1024)) kB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10),\(tenths % 10) MB"
    }
}
