import HexDigits

/// Quoted-printable (RFC 2045 §6.7): `=XX` escapes and `=` soft line breaks; malformed
/// escapes are kept literally, as the RFC recommends for robustness.
enum QuotedPrintableDecoder {
    static func decode<C: RandomAccessCollection>(_ input: C) -> [UInt8] where C.Element == UInt8, C.Index == Int {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = input.startIndex
        let end = input.endIndex
        while index < end {
            let byte = input[index]
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            // Soft line break: "=" followed by optional trailing whitespace and a line ending.
            var look = index + 1
            while look < end && input[look].isWhitespace { look += 1 }
            if look >= end { index = end; continue }
            if input[look] == 0x0D || input[look] == 0x0A {
                index = look + 1
                if input[look] == 0x0D && index < end && input[index] == 0x0A { index += 1 }
                continue
            }
            if index + 2 < end, let high = Hex.value(of: input[index + 1]), let low = Hex.value(of: input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }
}
