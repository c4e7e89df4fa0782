/// Base64 (RFC 2045 §6.8) decoded leniently: bytes outside the alphabet are skipped and bad or
/// missing padding keeps whatever complete bytes were read, because real mail gets this wrong.
enum Base64Decoder {
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        // URL-safe variants turn up in some webmail output.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// The decoded bytes and whether anything had to be skipped or padding was wrong.
    static func decode(_ input: ArraySlice<UInt8>) -> (bytes: [UInt8], hadGarbage: Bool) {
        input.withUnsafeBufferPointer { decode(buffer: $0) }
    }

    static func decode(_ input: [UInt8]) -> (bytes: [UInt8], hadGarbage: Bool) {
        input.withUnsafeBufferPointer { decode(buffer: $0) }
    }

    private static func decode(buffer input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], hadGarbage: Bool) {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var bits = 0
        var garbage = false
        var sawPadding = false
        let table = Self.table
        for byte in input {
            if byte == UInt8(ascii: "=") { sawPadding = true; continue }
            let value = table[Int(byte)]
            if value == 0xFF {
                if byte != 0x0D && byte != 0x0A && byte != 0x20 && byte != 0x09 { garbage = true }
                continue
            }
            if sawPadding {
                // Data after padding: a new base64 run was concatenated; restart the quantum.
                accumulator = 0
                bits = 0
                sawPadding = false
            }
            accumulator = (accumulator << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        if bits >= 6 { garbage = true }
        return (output, garbage)
    }

    /// Decodes a short ASCII string, for RFC 2047 "B" words.
    static func decode(_ text: Substring) -> [UInt8] {
        decode(Array(text.utf8)).bytes
    }
}
