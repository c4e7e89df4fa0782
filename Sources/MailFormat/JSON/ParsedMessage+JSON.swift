import Foundation
import JSONText
import MailParser

extension ParsedMessage {
    /// The message as the ordered JSON object `klachtd parse --json` prints, one key per field.
    public func jsonObject(file: String) -> [(String, JSONValue)] {
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func addresses(_ list: [MailAddress]) -> JSONValue {
            .array(list.map { .object([("name", optional($0.name)), ("address", .string($0.address))]) })
        }
        let attachmentValues: [JSONValue] = attachments.map {
            .object([("filename", optional($0.filename)), ("content_type", .string($0.contentType)),
                     ("size", .int(Int64($0.size))), ("sha256", .string($0.sha256Hex))])
        }
        let bounceValue: JSONValue = bounce.map { report in
            .object([
                ("recipients", .array(report.recipients.map {
                    .object([("address", .string($0.address)), ("action", optional($0.action)),
                             ("status", optional($0.status)), ("diagnostic", optional($0.diagnostic))])
                })),
                ("original_message_id", optional(report.originalMessageID)),
            ])
        } ?? .null
        return [
            ("file", .string(file)),
            ("ok", .bool(true)),
            ("message_id", optional(messageID)),
            ("subject", optional(subject)),
            ("date_epoch", date.map { .int(Int64($0.timeIntervalSince1970.rounded(.down))) } ?? .null),
            ("from", addresses(from)),
            ("to", addresses(to)),
            ("cc", addresses(cc)),
            ("reply_to", addresses(replyTo)),
            ("in_reply_to", .array(inReplyTo.map(JSONValue.string))),
            ("references", .array(references.map(JSONValue.string))),
            ("text", optional(text)),
            ("text_source", optional(textSource?.rawValue)),
            ("reply_text", optional(replyText)),
            ("attachments", .array(attachmentValues)),
            ("auto_submitted", .bool(isAutoSubmitted)),
            ("bounce", bounceValue),
            ("defects", .array(defects.map(JSONValue.string))),
        ]
    }
}
