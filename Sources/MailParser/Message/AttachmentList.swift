/// The attachment entries of a message: parts kept whole, TNEF containers opened, and the
/// body Outlook hid inside a TNEF container for messages that carry no other text.
struct AttachmentList {
    var attachments: [MailAttachment] = []
    /// The plain and HTML bodies found in a TNEF container, if any.
    var tnefText: String?
    var tnefHTML: String?

    init(parts: [MimeEntity], bytes: [UInt8], defects: inout [String]) {
        for entity in parts { add(entity, bytes: bytes, defects: &defects) }
    }

    private mutating func add(_ entity: MimeEntity, bytes: [UInt8], defects: inout [String]) {
        let data = entity.decodedBody(bytes, defects: &defects)
        let filename = entity.filename
        let type = entity.contentType.mimeType
        let isTNEF = type == "application/ms-tnef" || type == "application/vnd.ms-tnef" || filename?.lowercased() == "winmail.dat"
        guard isTNEF && TNEFReader.isTNEF(data) else {
            attachments.append(MailAttachment(filename: filename, contentType: type, data: data))
            return
        }
        let contents = TNEFReader.contents(of: data)
        tnefText = tnefText ?? contents.bodyText
        tnefHTML = tnefHTML ?? contents.bodyHTML.map { CharsetDecoder.decodeUTF8OrLatin($0) }
        if tnefText == nil && tnefHTML == nil, let rtf = contents.bodyRTF {
            switch RTFText.body(from: rtf) {
            case .text(let text): tnefText = text
            case .html(let html): tnefHTML = html
            }
        }
        if contents.attachments.isEmpty {
            if tnefText == nil && tnefHTML == nil {
                defects.append("TNEF attachment without extractable files")
                attachments.append(MailAttachment(filename: filename, contentType: type, data: data))
            }
            return
        }
        attachments += contents.attachments.map {
            MailAttachment(filename: $0.filename, contentType: $0.mimeType?.lowercased() ?? "application/octet-stream",
                           data: $0.data)
        }
    }
}
