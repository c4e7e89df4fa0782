import Foundation

/// A file in a `multipart/mixed` mail, written the one way both composers need: the name
/// on one line, its quotes made apostrophes and non-ASCII in RFC 2047 words (what Outlook
/// and Gmail read in a `name`/`filename` parameter); a content type that could break the
/// header (a space, a `;`, a quote) sent as `application/octet-stream`; the bytes in base64
/// lines of 76.
enum AttachmentPart {
    /// The part for `attachment`, opened by `boundary`, with the line break before it.
    static func bytes(_ attachment: OutgoingAttachment, boundary: String) -> [UInt8] {
        let name = HeaderEncoding.encodedWords(HeaderEncoding.singleLine(attachment.filename).replacingOccurrences(of: "\"", with: "'"))
        let type = attachment.contentType.allSatisfy { $0.isASCII && !$0.isWhitespace && $0 != ";" && $0 != "\"" }
            ? attachment.contentType : "application/octet-stream"
        var part = "\r\n--\(boundary)\r\n"
        part += HeaderEncoding.fold("Content-Type: \(type); name=\"\(name)\"") + "\r\n"
        part += HeaderEncoding.fold("Content-Disposition: attachment; filename=\"\(name)\"") + "\r\n"
        part += "Content-Transfer-Encoding: base64\r\n\r\n"
        return Array(part.utf8) + Array(Data(attachment.data).base64EncodedString(
            options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]).utf8)
    }
}
