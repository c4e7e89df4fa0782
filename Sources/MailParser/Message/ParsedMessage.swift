import Digests
import Foundation

/// Which body the readable text came from.
public enum TextSource: String, Sendable {
    case plain, html
}

/// An attached file or message, with its decoded bytes.
public struct MailAttachment: Sendable {
    /// The decoded filename, nil when the part names none.
    public var filename: String?
    /// Lowercase `type/subtype`.
    public var contentType: String
    /// The decoded content (for an attached message: its raw bytes).
    public var data: [UInt8]
    public var size: Int { data.count }
    /// SHA-256 of `data`, lowercase hex.
    public var sha256Hex: String

    public init(filename: String?, contentType: String, data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.sha256Hex = SHA256.hexDigest(data)
    }
}

/// The result of parsing one message; every field is best effort and problems are in `defects`.
public struct ParsedMessage: Sendable {
    public var headers: [HeaderField] = []
    /// The Message-ID without angle brackets.
    public var messageID: String?
    public var subject: String?
    public var date: Date?
    public var from: [MailAddress] = []
    public var to: [MailAddress] = []
    public var cc: [MailAddress] = []
    public var replyTo: [MailAddress] = []
    /// Message-IDs without angle brackets.
    public var inReplyTo: [String] = []
    /// The shared 44 hex digits of Outlook's `Thread-Index`, which ties a reply to its
    /// conversation when In-Reply-To is missing (see `ThreadIndex`).
    public var threadIndexRoot: String?
    public var references: [String] = []
    /// Readable text: the plain body, or the HTML body converted to text.
    public var text: String?
    public var textSource: TextSource?
    /// The decoded HTML body, when the message has one.
    public var html: String?
    /// The new part of a reply, without quoted history; nil when there is no text.
    public var replyText: String?
    public var attachments: [MailAttachment] = []
    /// Whether a machine sent this (auto-reply, list mail, bounce).
    public var isAutoSubmitted = false
    /// Why the message counts as automatic, e.g. "Auto-Submitted: auto-replied".
    public var automaticReason: String?
    public var bounce: BounceReport?
    public var defects: [String] = []

    public init() {}

    /// The first header with this name (case-insensitive), decoded.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// Every header with this name, in order.
    public func headers(named name: String) -> [String] {
        headers.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.value)
    }
}
