/// The MAPI property list inside a TNEF attAttachment attribute ([MS-OXTNEF] §2.1.3.4),
/// reduced to the properties that name and carry an attached file.
struct MAPIProperties {
    var longFilename: String?
    var filename: String?
    var displayName: String?
    var mimeTag: String?
    var attachData: [UInt8]?
    /// The message body as plain text (PR_BODY) and as HTML bytes (PR_HTML), at message level.
    var body: String?
    var html: [UInt8]?
    /// PR_RTF_COMPRESSED: the RTF body, LZFu-compressed.
    var compressedRTF: [UInt8]?

    private static let typeString8: UInt16 = 0x001E
    private static let typeUnicode: UInt16 = 0x001F
    private static let typeBinary: UInt16 = 0x0102
    private static let typeObject: UInt16 = 0x000D
    private static let multiValueFlag: UInt16 = 0x1000
    /// 00020307-0000-0000-C000-000000000046 in its little-endian byte layout.
    private static let iidIMessage: [UInt8] = [0x07, 0x03, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
                                               0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46]

    static func parse(_ data: [UInt8]) -> MAPIProperties {
        var properties = MAPIProperties()
        var reader = LittleEndianReader(bytes: data)
        guard let count = reader.uint32() else { return properties }
        for _ in 0..<min(Int(count), 10_000) {
            guard let type = reader.uint16(), let id = reader.uint16() else { break }
            if id >= 0x8000 {
                guard reader.skip(16), let kind = reader.uint32() else { break }
                if kind == 0 {
                    guard reader.skip(4) else { break }
                } else {
                    guard let length = reader.uint32(), reader.skip(padded(Int(length))) else { break }
                }
            }
            guard let values = readValues(&reader, type: type) else { break }
            guard let value = values.first else { continue }
            let baseType = type & ~multiValueFlag
            switch id {
            case 0x3707: properties.longFilename = text(value, type: baseType)
            case 0x3704: properties.filename = text(value, type: baseType)
            case 0x3001: properties.displayName = text(value, type: baseType)
            case 0x370E: properties.mimeTag = text(value, type: baseType)
            case 0x1000: properties.body = text(value, type: baseType)
            case 0x1009: properties.compressedRTF = baseType == typeBinary ? value : nil
            case 0x1013: properties.html = baseType == typeBinary ? value : text(value, type: baseType).map { Array($0.utf8) }
            case 0x3701:
                // An embedded message (IID_IMessage) is itself a TNEF stream after its identifier;
                // other objects (OLE storage) are kept whole, as MimeKit extracts them.
                let isEmbeddedMessage = baseType == typeObject && value.starts(with: iidIMessage)
                properties.attachData = isEmbeddedMessage ? Array(value.dropFirst(16)) : value
            default: break
            }
        }
        return properties
    }

    /// Reads one property's value(s); nil when the data is truncated or the type unknown.
    private static func readValues(_ reader: inout LittleEndianReader, type: UInt16) -> [[UInt8]]? {
        let baseType = type & ~multiValueFlag
        let isVariable = [typeString8, typeUnicode, typeBinary, typeObject].contains(baseType)
        if isVariable || type & multiValueFlag != 0 {
            guard let count = reader.uint32(), count < 100_000 else { return nil }
            var values: [[UInt8]] = []
            for _ in 0..<count {
                if isVariable {
                    guard let length = reader.uint32(), let value = reader.bytes(Int(length)),
                          reader.skip(padded(Int(length)) - Int(length)) else { return nil }
                    values.append(value)
                } else {
                    guard let size = fixedSize(baseType), let value = reader.bytes(size) else { return nil }
                    values.append(value)
                }
            }
            return values
        }
        guard let size = fixedSize(baseType), let value = reader.bytes(size) else { return nil }
        return [value]
    }

    private static func fixedSize(_ type: UInt16) -> Int? {
        switch type {
        case 0x0001, 0x0002, 0x0003, 0x0004, 0x000A, 0x000B: return 4
        case 0x0005, 0x0006, 0x0007, 0x0014, 0x0040: return 8
        case 0x0048: return 16
        default: return nil
        }
    }

    private static func padded(_ length: Int) -> Int { (length + 3) & ~3 }

    private static func text(_ value: [UInt8], type: UInt16) -> String? {
        let decoded: String
        if type == typeUnicode {
            var units: [UInt16] = []
            var index = 0
            while index + 1 < value.count {
                units.append(UInt16(value[index]) | UInt16(value[index + 1]) << 8)
                index += 2
            }
            decoded = String(decoding: units, as: UTF16.self)
        } else if type == typeString8 {
            decoded = ByteText.bestEffortString(value)
        } else {
            return nil
        }
        let trimmed = String(decoded.unicodeScalars.filter { $0 != "\0" }.map(Character.init))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A NUL-terminated 8-bit string, as in attAttachTitle.
    static func string8(_ data: [UInt8]) -> String? {
        text(data, type: typeString8)
    }
}
