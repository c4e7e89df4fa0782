/// The parts of a MIME tree sorted by role: readable bodies, attachments and report parts.
struct BodyParts {
    /// Inline text/plain and text/html parts without a filename, in document order.
    var plainBodies: [MimeEntity] = []
    var htmlBodies: [MimeEntity] = []
    /// Named text/plain parts explicitly marked inline: the body when nothing better exists.
    var inlineNamedPlainBodies: [MimeEntity] = []
    /// Further inline plain parts of the first plain body's multipart/mixed parent: Apple Mail
    /// splits text around inline images into several parts that together are the body.
    var plainContinuations: [MimeEntity] = []
    /// Leaves that count as attachments, and attached messages (kept whole).
    var attachmentParts: [MimeEntity] = []
    /// message/delivery-status parts of a report (RFC 3464).
    var deliveryStatusParts: [MimeEntity] = []
    /// message/rfc822 and text/rfc822-headers parts, which carry a bounced message's headers.
    var returnedMessageParts: [MimeEntity] = []

    init(root: MimeEntity) {
        visit(root, parent: nil)
    }

    private mutating func visit(_ entity: MimeEntity, parent: MimeEntity?) {
        if !entity.children.isEmpty || entity.contentType.isMultipart {
            for child in entity.children { visit(child, parent: entity) }
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
        let isBodyCandidate = !isAttachment && entity.filename == nil
        if isBodyCandidate && type == "text/plain" {
            if let parent, parent.contentType.mimeType == "multipart/mixed", let first = plainBodies.first,
               parent.children.contains(where: { $0.bodyRange == first.bodyRange }) {
                plainContinuations.append(entity)
            }
            plainBodies.append(entity)
        } else if isBodyCandidate && type == "text/html" {
            htmlBodies.append(entity)
        } else if isAttachment || entity.filename != nil {
            if type == "text/plain" && entity.disposition?.kind == "inline" { inlineNamedPlainBodies.append(entity) }
            attachmentParts.append(entity)
        }
    }
}
