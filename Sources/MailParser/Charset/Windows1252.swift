/// windows-1252 decoded in Swift: the charset behind most mislabelled ISO-8859-1 and US-ASCII mail.
enum Windows1252 {
    /// Code points for 0x80–0x9F; undefined slots keep their C1 control, as browsers do.
    private static let highControls: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Written straight as UTF-8 bytes (two for 0xA0–0xFF, two or three for 0x80–0x9F) rather
    /// than appended scalar by scalar: every Latin-1 labelled body passes through here.
    static func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { input in
            // The exact UTF-8 length first: a buffer of three times the input would be mapped
            // fresh from the kernel for every large body.
            var length = 0
            for byte in input {
                length += byte < 0x80 ? 1 : (byte > 0x9F || highControls[Int(byte - 0x80)] < 0x800 ? 2 : 3)
            }
            guard length > input.count else { return String(decoding: input, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: length) { output in
                var written = 0
                for byte in input {
                    if byte < 0x80 {
                        output[written] = byte
                        written += 1
                        continue
                    }
                    let value = byte <= 0x9F ? highControls[Int(byte - 0x80)] : UInt32(byte)
                    if value < 0x800 {
                        output[written] = UInt8(0xC0 | (value >> 6))
                        output[written + 1] = UInt8(0x80 | (value & 0x3F))
                        written += 2
                    } else {
                        output[written] = UInt8(0xE0 | (value >> 12))
                        output[written + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                        output[written + 2] = UInt8(0x80 | (value & 0x3F))
                        written += 3
                    }
                }
                return written
            }
        }
    }
}
