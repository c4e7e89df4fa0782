import HexDigits

/// Outlook's `Thread-Index` header ([MS-OXOMSG] 2.2.1.3, PidTagConversationIndex): base64 of a
/// 22-byte header (a reserved byte, five bytes of time, a 16-byte GUID) that every message of
/// a conversation shares, followed by five bytes per reply. Outlook keeps it when it drops or
/// rewrites In-Reply-To, so the shared 22 bytes still tie a reply to its thread.
public enum ThreadIndex {
    /// The length of the part every message of a conversation shares.
    public static let rootLength = 22

    /// The conversation's root as 44 lower-case hex digits; nil when the value is not base64 of
    /// at least 22 bytes.
    public static func root(of headerValue: String) -> String? {
        let compact = headerValue.utf8.filter { $0 > 0x20 }
        let decoded = Base64Decoder.decode(compact[...])
        guard !decoded.hadGarbage, decoded.bytes.count >= rootLength else { return nil }
        return Hex.encode(decoded.bytes.prefix(rootLength))
    }

    /// The bytes of a value continuing the conversation `root` (hex) with one five-byte child
    /// block, as Outlook writes a reply (base64 them for the header); nil when `root` is not 44
    /// hex digits.
    public static func bytes(continuing root: String, child: [UInt8]) -> [UInt8]? {
        guard let bytes = Hex.decode(root), bytes.count == rootLength, child.count == 5 else { return nil }
        return bytes + child
    }
}
