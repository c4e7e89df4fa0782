import Foundation

/// The body of a mail with a plain-text and an HTML version of the same facts
/// (`multipart/alternative`, text first so clients that prefer it show it), and any files
/// after them in a `multipart/mixed`.
///
/// Kept apart from `MessageComposer`, which calls it for a draft with `htmlBody`: both parts
/// are UTF-8 in quoted-printable, so no line is ever longer than 76 characters on the wire.
enum AlternativeBody {
    static func compose(headerLines: [String], draft: MessageComposer.Draft, html: String, messageID: String) -> ComposedMessage {
        let stem = "klachtd-" + messageID.prefix(while: { $0 != "@" }).replacingOccurrences(of: ".", with: "-")
        let alternative = stem + "-alt", mixed = stem + "-mix"
        var lines = headerLines
        let topBoundary = draft.attachments.isEmpty ? alternative : mixed
        lines.append("Content-Type: multipart/\(draft.attachments.isEmpty ? "alternative" : "mixed"); boundary=\"\(topBoundary)\"")
        var bytes = Array((lines.map(HeaderEncoding.fold).joined(separator: "\r\n") + "\r\n\r\n").utf8)
        if !draft.attachments.isEmpty {
            bytes += Array("--\(mixed)\r\nContent-Type: multipart/alternative; boundary=\"\(alternative)\"\r\n\r\n".utf8)
        }
        bytes += Array("--\(alternative)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)
        bytes += QuotedPrintable.encode(draft.body)
        bytes += Array("\r\n--\(alternative)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)
        bytes += QuotedPrintable.encode(html)
        bytes += Array("\r\n--\(alternative)--\r\n".utf8)
        guard !draft.attachments.isEmpty else { return ComposedMessage(messageID: messageID, subject: draft.subject, bytes: bytes) }
        for attachment in draft.attachments { bytes += AttachmentPart.bytes(attachment, boundary: mixed) }
        bytes += Array("\r\n--\(mixed)--\r\n".utf8)
        return ComposedMessage(messageID: messageID, subject: draft.subject, bytes: bytes)
    }
}
