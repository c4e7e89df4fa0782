import Foundation

/// Decodes a text part to a String and decides whether a plain body is only a stub
/// pointing at the HTML version.
enum BodyText {
    /// The part's text with transfer encoding and charset undone and newlines normalised.
    static func decode(_ entity: MimeEntity, bytes: [UInt8], defects: inout [String]) -> String {
        decode(entity.decodedBody(bytes, defects: &defects), entity: entity, defects: &defects)
    }

    /// Charset-decodes already transfer-decoded bytes of `entity`.
    static func decode(_ body: [UInt8], entity: MimeEntity, defects: inout [String]) -> String {
        var charset = entity.contentType.charset
        if charset == nil && entity.contentType.mimeType == "text/html" { charset = metaCharset(body) }
        let result = CharsetDecoder.decode(body, charset: charset)
        if result.unknownCharset, let charset { defects.append("unknown charset \"\(charset.prefix(40))\"") }
        let text = ByteLines.normalizedNewlines(result.text)
        let parameters = entity.contentType.parameters
        guard entity.contentType.mimeType == "text/plain", parameters["format"]?.lowercased() == "flowed" else { return text }
        return FlowedText.unflow(text, deleteSpace: parameters["delsp"]?.lowercased() == "yes")
    }

    /// The charset an HTML document declares in a `<meta>` tag near its start.
    private static func metaCharset(_ body: [UInt8]) -> String? {
        let head = String(decoding: body.prefix(2048), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        return name.isEmpty ? nil : String(name)
    }

    /// Whether a plain body says nothing beyond "view the HTML version", so the HTML is better.
    static func isStub(_ text: String) -> Bool {
        guard text.utf8.count < 2000 else { return !text.hasVisibleText }
        let trimmed = text.trimmedWhitespace
        if trimmed.isEmpty { return true }
        // Fewer bytes than 300 are fewer characters too: count characters only above that,
        // and then no further than the 300th (a text of 2,000 bytes was counted to its end).
        guard trimmed.utf8.count < 300 || trimmed.index(trimmed.startIndex, offsetBy: 300, limitedBy: trimmed.endIndex) == nil
        else { return false }
        let lowered = trimmed.lowercasedFast()
        let markers = ["html", "mime format", "view this", "bekijk deze", "weergeven", "webversie", "web version",
                       "does not support", "ondersteunt geen", "email client", "e-mailprogramma"]
        return markers.contains { lowered.containsBytes($0) }
    }
}
