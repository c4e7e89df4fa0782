/// Extracts the attachments of a TNEF stream (`winmail.dat`, `application/ms-tnef`), as Outlook
/// and Exchange wrap them; malformed or truncated streams yield whatever was read before the fault.
enum TNEFReader {
    /// One attachment found in the stream.
    struct Attachment {
        var filename: String?
        var mimeType: String?
        var data: [UInt8]
    }

    private static let signature: UInt32 = 0x223E_9F78
    private static let attachmentLevel: UInt8 = 0x02
    private static let attAttachRendData: UInt32 = 0x0006_9002
    private static let attAttachTitle: UInt32 = 0x0001_8010
    private static let attAttachData: UInt32 = 0x0006_800F
    private static let attAttachment: UInt32 = 0x0006_9005
    private static let attMAPIProps: UInt32 = 0x0006_9003
    private static let attBody: UInt32 = 0x0002_800C

    /// Whether the bytes start with the TNEF signature.
    static func isTNEF(_ bytes: [UInt8]) -> Bool {
        var reader = LittleEndianReader(bytes: bytes)
        return reader.uint32() == signature
    }

    /// What a TNEF stream carries: attached files and the message body Outlook put in it.
    struct Contents {
        var attachments: [Attachment] = []
        var bodyText: String?
        var bodyHTML: [UInt8]?
        /// The RTF body, decompressed.
        var bodyRTF: [UInt8]?
    }

    static func attachments(in bytes: [UInt8]) -> [Attachment] {
        contents(of: bytes).attachments
    }

    static func contents(of bytes: [UInt8]) -> Contents {
        var contents = Contents()
        var reader = LittleEndianReader(bytes: bytes)
        guard reader.uint32() == signature, reader.uint16() != nil else { return contents }
        var found: [Attachment] = []
        var current: Attachment?
        var titleFromProperties = false
        while let level = reader.uint8(), let attribute = reader.uint32(), let length = reader.uint32() {
            guard let data = reader.bytes(Int(length)), reader.uint16() != nil else { break }
            guard level == attachmentLevel else {
                if attribute == attMAPIProps {
                    let properties = MAPIProperties.parse(data)
                    contents.bodyText = contents.bodyText ?? properties.body
                    contents.bodyHTML = contents.bodyHTML ?? properties.html
                    if contents.bodyRTF == nil, let compressed = properties.compressedRTF {
                        contents.bodyRTF = CompressedRTF.decompress(compressed)
                    }
                } else if attribute == attBody {
                    contents.bodyText = contents.bodyText ?? MAPIProperties.string8(data)
                }
                continue
            }
            switch attribute {
            case attAttachRendData:
                if let finished = current { found.append(finished) }
                current = Attachment(filename: nil, mimeType: nil, data: [])
                titleFromProperties = false
            case attAttachTitle:
                if !titleFromProperties { current?.filename = MAPIProperties.string8(data) }
            case attAttachData:
                current?.data = data
            case attAttachment:
                let properties = MAPIProperties.parse(data)
                if let name = properties.longFilename ?? properties.filename ?? (current?.filename == nil ? properties.displayName : nil) {
                    current?.filename = name
                    titleFromProperties = properties.longFilename != nil
                }
                if let mime = properties.mimeTag { current?.mimeType = mime }
                if let object = properties.attachData, var attachment = current {
                    if attachment.data.isEmpty {
                        current?.data = object
                    } else {
                        // An embedded object next to a rendering in attAttachData: both are content.
                        attachment.data = object
                        found.append(attachment)
                    }
                }
            default:
                continue
            }
        }
        if let finished = current { found.append(finished) }
        contents.attachments = found.filter { !$0.data.isEmpty || $0.filename != nil }
        return contents
    }
}

/// Little-endian reads that return nil instead of running past the end.
struct LittleEndianReader {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func uint8() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint16() -> UInt16? {
        guard remaining >= 2 else { return nil }
        defer { offset += 2 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    mutating func uint32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, remaining >= count else { return false }
        offset += count
        return true
    }
}
