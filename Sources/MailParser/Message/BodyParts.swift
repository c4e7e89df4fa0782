/// The parts of a MIME tree sorted by role: readable bodies, attachments and report parts.
struct BodyParts {
    /// Inline text/plain and text/html parts without a filename, in document order.
    var plainBodies: [MimeEntity] = []
    var htmlBodies: [MimeEntity] = []
    /// Named text/plain parts that are inline, explicitly or by having no Content-Disposition
    /// at all (MMS gateways, some webmailers): the body when nothing better exists.
    var inlineNamedPlainBodies: [MimeEntity] = []
    /// The readable text a person sees, in document order (see `ReadingOrder`).
    var readingOrder: [ReadingOrder.Segment] = []
    /// Leaves that count as attachments, and attached messages (kept whole).
    var attachmentParts: [MimeEntity] = []
    /// message/delivery-status parts of a report (RFC 3464).
    var deliveryStatusParts: [MimeEntity] = []
    /// message/rfc822 and text/rfc822-headers parts, which carry a bounced message's headers.
    var returnedMessageParts: [MimeEntity] = []

    init(root: MimeEntity) {
        visit(root)
        readingOrder = ReadingOrder.segments(of: root)
    }

    private mutating func visit(_ entity: MimeEntity) {
        if !entity.children.isEmpty || entity.contentType.isMultipart {
            for child in entity.children { visit(child) }
            return
        }
        let type = entity.contentType.mimeType
        let isAttachment = entity.disposition?.isAttachment ?? false
        switch type {
        case "message/rfc822", "message/global":
            returnedMessageParts.append(entity)
            attachmentParts.append(entity)
            return
        case "text/rfc822-headers", "message/rfc822-headers":
            returnedMessageParts.append(entity)
        case "message/delivery-status", "message/global-delivery-status":
            deliveryStatusParts.append(entity)
        default:
            break
        }
        if entity.isBodyCandidate && type == "text/plain" {
            plainBodies.append(entity)
        } else if entity.isBodyCandidate && type == "text/html" {
            htmlBodies.append(entity)
        } else if isAttachment || entity.filename != nil {
            if type == "text/plain" && (entity.disposition == nil || entity.disposition?.kind == "inline") {
                inlineNamedPlainBodies.append(entity)
            }
            attachmentParts.append(entity)
        }
    }
}

extension MimeEntity {
    /// Inline (by disposition or by default) and unnamed: text meant to be read, not saved.
    var isBodyCandidate: Bool { !(disposition?.isAttachment ?? false) && filename == nil }
}
