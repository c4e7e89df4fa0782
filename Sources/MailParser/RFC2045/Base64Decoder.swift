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

    /// Whole quanta of four alphabet bytes (the run between line breaks) are decoded four at a
    /// time into a buffer of the final size; every other byte takes the lenient step by step
    /// path, with the same result.
    private static func decode(buffer input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], hadGarbage: Bool) {
        var garbage = false
        let output = [UInt8](unsafeUninitializedCapacity: input.count / 4 * 3 + 3) { output, initialized in
            var written = 0
            var accumulator: UInt32 = 0
            var bits = 0
            var sawPadding = false
            var index = 0
            let count = input.count
            Self.table.withUnsafeBufferPointer { table in
                while index < count {
                    if bits == 0 && !sawPadding && count - index >= 4 {
                        let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                        let c = table[Int(input[index + 2])], d = table[Int(input[index + 3])]
                        if (a | b | c | d) < 64 {
                            let value = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                            output[written] = UInt8(truncatingIfNeeded: value >> 16)
                            output[written + 1] = UInt8(truncatingIfNeeded: value >> 8)
                            output[written + 2] = UInt8(truncatingIfNeeded: value)
                            written += 3
                            index += 4
                            continue
                        }
                    }
                    let byte = input[index]
                    index += 1
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
                        output[written] = UInt8((accumulator >> UInt32(bits)) & 0xFF)
                        written += 1
                    }
                }
                if bits >= 6 { garbage = true }
            }
            initialized = written
        }
        return (output, garbage)
    }

    /// Decodes a short ASCII string, for RFC 2047 "B" words.
    static func decode(_ text: Substring) -> [UInt8] {
        decode(Array(text.utf8)).bytes
    }
}
