import Foundation

/// One node of the MIME tree (RFC 2045 §2.4): its header, media type and body bytes.
///
/// Bodies are ranges into the message's byte array, so the tree costs no copies of content.
struct MimeEntity {
    var header: HeaderBlock
    var contentType: ContentType
    var disposition: ContentDisposition?
    var transferEncoding: TransferEncoding
    /// The undecoded body: a range of the message's bytes.
    var bodyRange: Range<Int>
    /// Body parts when this is a multipart; message/rfc822 bodies are kept whole, not parsed.
    var children: [MimeEntity] = []

    /// The deepest multipart nesting followed; deeper parts are kept as opaque leaves.
    static let maximumDepth = 50

    /// The attachment filename from Content-Disposition, else the Content-Type `name`.
    var filename: String? {
        let name = disposition?.parameters["filename"] ?? contentType.parameters["name"]
        // Line breaks inside encoded words come from careless folding, not from the name.
        // Control characters are single bytes below 0x20 and 0x7F in UTF-8 (no multi-byte
        // sequence holds such a byte): a name without them, nearly every one, is kept as it is.
        let cleaned = name.map { name in
            name.utf8.contains { $0 < 0x20 || $0 == 0x7F }
                ? String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)) : name
        }
        guard let cleaned, !cleaned.trimmingSpaces().isEmpty else { return nil }
        return cleaned.trimmingSpaces()
    }

    /// Parses the entity occupying `range`; `defaultType` applies when Content-Type is absent.
    static func parse(_ bytes: [UInt8], range: Range<Int>, defaultType: ContentType, depth: Int,
                      defects: inout [String]) -> MimeEntity {
        let header = HeaderBlock.parse(bytes, range: range)
        if depth > 0 { defects += header.defects }
        return entity(bytes, header: header, range: range, defaultType: defaultType, depth: depth, defects: &defects)
    }

    /// Builds the entity for an already parsed header block.
    static func entity(_ bytes: [UInt8], header: HeaderBlock, range: Range<Int>, defaultType: ContentType, depth: Int,
                       defects: inout [String]) -> MimeEntity {
        var contentType = defaultType
        if let field = header.first("Content-Type") {
            if let parsed = ContentType(parsing: field.unfoldedRaw) {
                // Raw 8-bit parameters (old clients' filenames) are read in the part's charset.
                let hasRaw8Bit = parsed.charset != nil && field.rawValue.contains { $0 >= 0x80 }
                contentType = hasRaw8Bit ? ContentType(parsing: field.unfoldedRaw(charset: parsed.charset)) ?? parsed : parsed
            } else {
                defects.append("unreadable Content-Type \"\(field.value.prefix(60))\"")
                contentType = .textPlain
            }
        }
        var entity = MimeEntity(
            header: header, contentType: contentType,
            disposition: header.first("Content-Disposition").map {
                ContentDisposition(parsing: $0.unfoldedRaw(charset: contentType.charset))
            },
            transferEncoding: TransferEncoding(headerValue: header.first("Content-Transfer-Encoding")?.value),
            bodyRange: min(header.bodyStart, range.upperBound)..<range.upperBound)
        guard contentType.isMultipart else { return entity }
        guard depth < maximumDepth else {
            defects.append("multipart nesting deeper than \(maximumDepth) levels")
            return entity
        }
        guard let boundary = contentType.boundary, !boundary.isEmpty else {
            defects.append("multipart without boundary parameter")
            entity.contentType = .textPlain
            return entity
        }
        var body = MultipartBody.split(bytes, range: entity.bodyRange, boundary: boundary)
        if body.parts.isEmpty {
            defects.append("multipart boundary \"\(boundary.prefix(70))\" not found in body")
            // A generator that declared one boundary and wrote another: split at the one it
            // wrote, so its delimiter lines and part headers do not end up in the text.
            guard let written = MultipartBody.writtenBoundary(bytes, range: entity.bodyRange) else {
                entity.contentType = .textPlain
                return entity
            }
            body = MultipartBody.split(bytes, range: entity.bodyRange, boundary: written)
        }
        if !body.sawClosingBoundary { defects.append("multipart missing closing boundary") }
        let childDefault: ContentType = contentType.mimeType == "multipart/digest" ? .messageRFC822 : .textPlain
        entity.children = body.parts.map {
            parse(bytes, range: $0, defaultType: childDefault, depth: depth + 1, defects: &defects)
        }
        return entity
    }

    /// The body with its Content-Transfer-Encoding undone.
    func decodedBody(_ bytes: [UInt8], defects: inout [String]) -> [UInt8] {
        let raw = bytes[bodyRange]
        switch transferEncoding {
        case .identity:
            return Array(raw)
        case .base64:
            let decoded = Base64Decoder.decode(raw)
            if decoded.hadGarbage { defects.append("base64 body with invalid characters or padding") }
            return decoded.bytes
        case .quotedPrintable:
            return QuotedPrintableDecoder.decode(raw)
        case .uuencode:
            return UUDecoder.firstBlock(in: Array(raw))?.data ?? Array(raw)
        }
    }
}
