import Foundation

/// Parses RFC 5322/MIME bytes into a `ParsedMessage`; never throws and never traps on input.
///
/// The module is pure (no I/O, no global mutable state). Its folders follow the RFCs:
///
/// | folder | owns |
/// |---|---|
/// | `Bytes/` | line splitting on raw bytes (CRLF, LF, CR), trimming without Foundation copies |
/// | `RFC5322/` | header fields and unfolding, address lists, date-time, msg-id lists |
/// | `RFC2045/` | Content-Type, transfer encodings (base64, quoted-printable) |
/// | `RFC2046/` | the MIME tree: multipart splitting, nesting cap, message/rfc822 kept whole |
/// | `RFC2047/` | encoded words in headers |
/// | `RFC2231/` | parameters with continuations and charsets |
/// | `RFC3676/` | format=flowed text |
/// | `Charset/` | charset names and decoding through glibc iconv, windows-1252 in Swift |
/// | `HTML/` | HTML to readable text |
/// | `UUEncode/` | uuencoded blocks inside text bodies |
/// | `TNEF/` | winmail.dat attachments and body |
/// | `Reply/` | new text of a reply without quoted history: known labels, and the shapes and HTML elements of any language |
/// | `RFC3834/` | automatic mail: auto-replies, list and bulk mail, daemon senders |
/// | `RFC3464/` | bounces: delivery status notifications and non-standard bounce texts |
/// | `MSOXOMSG/` | Outlook's Thread-Index, which ties a reply to its conversation |
/// | `Message/` | the public result type and the parser that assembles it |
/// | `JSON/`, `Digest/` | ordered JSON output and SHA-256 |
public enum MessageParser {
    public static func parse(_ bytes: [UInt8]) -> ParsedMessage {
        var message = ParsedMessage()
        var defects: [String] = []
        var header = HeaderBlock.parse(bytes, range: 0..<bytes.count)
        defects += header.defects
        if header.fields.isEmpty { defects.append("message has no header fields") }
        let root = MimeEntity.entity(bytes, header: header, range: 0..<bytes.count, defaultType: .textPlain,
                                     depth: 0, defects: &defects)
        var parts = BodyParts(root: root)
        if let charset = root.contentType.charset ?? parts.plainBodies.first?.contentType.charset,
           header.fields.contains(where: \.hasNonUTF8Bytes) {
            header.fields = header.fields.map { $0.reading8Bit(as: charset) }
        }
        message.headers = header.fields
        EnvelopeFields.fill(&message, from: header)

        var uuencoded: [MailAttachment] = []
        var segments = parts.readingOrder
        if !segments.contains(where: \.isPlain), let named = parts.inlineNamedPlainBodies.first {
            segments = [.plain(named)]
            // A part marked inline is the body; one without any disposition (an MMS gateway's
            // text_0.txt) may also be a file the sender meant, so it stays an attachment too.
            if named.disposition != nil { parts.attachmentParts.removeAll { $0.bodyRange == named.bodyRange } }
        }
        let plainTexts: [String] = segments.contains(where: \.isPlain) ? segments.map { segment in
            let entity = segment.entity
            let body = entity.decodedBody(bytes, defects: &defects)
            guard segment.isPlain else { return HTMLText.text(from: BodyText.decode(body, entity: entity, defects: &defects)) }
            let (remaining, blocks) = extractUUEncoded(body)
            uuencoded += blocks
            return BodyText.decode(remaining, entity: entity, defects: &defects)
        } : []
        let plain = plainTexts.isEmpty ? nil : plainTexts.joined(separator: "\n")
        if let htmlPart = parts.htmlBodies.first {
            message.html = BodyText.decode(htmlPart, bytes: bytes, defects: &defects)
        }
        let attachmentList = AttachmentList(parts: parts.attachmentParts, bytes: bytes, defects: &defects)
        message.attachments = attachmentList.attachments + uuencoded
        if plain == nil && message.html == nil {
            // Outlook's rich-text mail can carry its only body inside winmail.dat.
            message.html = attachmentList.tnefHTML
            chooseText(&message, plain: attachmentList.tnefText.map(ByteLines.normalizedNewlines))
        } else {
            chooseText(&message, plain: plain)
        }
        message.replyText = ReplyExtractor.newText(text: message.text, html: message.html, textSource: message.textSource)

        let rootType = root.contentType.mimeType
        message.bounce = BounceAnalysis.report(message: message, parts: parts, rootType: rootType, bytes: bytes,
                                               defects: &defects)
        message.automaticReason = AutomaticMailDetector.reason(for: message, rootType: rootType)
        if message.automaticReason == nil && message.bounce != nil { message.automaticReason = "bounce" }
        message.isAutoSubmitted = message.automaticReason != nil
        message.defects = defects + message.defects
        return message
    }

    /// Plain text unless it is empty or a stub pointing at the HTML; then the HTML as text.
    /// The HTML is converted only when the plain text may lose to it (a stub or no text):
    /// most mails carry both, and the conversion would be thrown away.
    private static func chooseText(_ message: inout ParsedMessage, plain: String?) {
        if let plain, plain.hasVisibleText, !BodyText.isStub(plain) {
            message.text = plain
            message.textSource = .plain
            return
        }
        let htmlText = message.html.map { HTMLText.text(from: $0) }
        if let plain, htmlText?.isEmpty != false, plain.hasVisibleText {
            message.text = plain
            message.textSource = .plain
        } else if let htmlText, !htmlText.isEmpty {
            message.text = htmlText
            message.textSource = .html
        }
    }

    /// uuencoded blocks cut out of a plain body and returned as attachments.
    private static func extractUUEncoded(_ body: [UInt8]) -> ([UInt8], [MailAttachment]) {
        let blocks = UUDecoder.blocks(in: body)
        guard !blocks.isEmpty else { return (body, []) }
        var remaining: [UInt8] = []
        var position = 0
        for block in blocks {
            remaining += body[position..<block.range.lowerBound]
            position = block.range.upperBound
        }
        remaining += body[position...]
        let attachments = blocks.map {
            MailAttachment(filename: $0.filename, contentType: "application/octet-stream", data: $0.data)
        }
        return (remaining, attachments)
    }
}
