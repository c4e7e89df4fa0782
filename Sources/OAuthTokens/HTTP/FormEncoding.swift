import HexDigits

/// `application/x-www-form-urlencoded` (the WHATWG URL standard's byte set), for token requests.
enum FormEncoding {
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~*".utf8)

    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    /// Percent-encodes every byte outside the unreserved set; a space becomes `+`.
    static func escape(_ text: String) -> String {
        var out = ""
        let digits = Array("0123456789ABCDEF")
        for byte in text.utf8 {
            if unreserved.contains(byte) { out.unicodeScalars.append(Unicode.Scalar(byte)) }
            else if byte == 0x20 { out.append("+") }
            else { out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)]) }
        }
        return out
    }

    /// Decodes one query value (`%41` and `+`); nil when an escape is broken.
    static func unescape(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let first = utf8.index(after: index)
                guard first < utf8.endIndex, utf8.index(after: first) < utf8.endIndex,
                      let high = Hex.value(of: utf8[first]), let low = Hex.value(of: utf8[utf8.index(after: first)]) else { return nil }
                bytes.append(high << 4 | low)
                index = utf8.index(first, offsetBy: 2)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? 0x20 : byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
