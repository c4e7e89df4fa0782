import Glibc

/// Turns bytes in a named charset into a String, never failing: undecodable bytes become U+FFFD.
///
/// iconv descriptors come from `IconvPool`, each held by one call at a time and reset before it
/// goes back, so no conversion state is shared between threads or calls; the common charsets (UTF-8, ASCII, the Latin-1 family) skip iconv entirely.
enum CharsetDecoder {
    /// The decoded text and whether the charset label was unknown to us and iconv.
    struct Result {
        var text: String
        var unknownCharset: Bool
    }

    static func decode(_ bytes: [UInt8], charset label: String?) -> Result {
        guard let label, !label.isEmpty else { return Result(text: decodeUTF8OrLatin(bytes), unknownCharset: false) }
        let name = CharsetName(label)
        if name.isUTF8 { return Result(text: decodeUTF8(bytes), unknownCharset: false) }
        if name.isASCII { return Result(text: decodeUTF8OrLatin(bytes), unknownCharset: false) }
        if name.isLatin1Family { return Result(text: Windows1252.decode(bytes), unknownCharset: false) }
        if bytes.allSatisfy({ $0 < 0x80 }) && !isStatefulSevenBit(name) {
            return Result(text: String(decoding: bytes, as: UTF8.self), unknownCharset: !isKnown(name))
        }
        if let text = iconvDecode(bytes, from: name.iconvName) { return Result(text: text, unknownCharset: false) }
        if name.label != name.iconvName.lowercased(), let text = iconvDecode(bytes, from: name.label) {
            return Result(text: text, unknownCharset: false)
        }
        return Result(text: decodeUTF8OrLatin(bytes), unknownCharset: true)
    }

    /// UTF-8 with every invalid sequence replaced by U+FFFD.
    static func decodeUTF8(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Valid UTF-8 as such, anything else as windows-1252: the fallback for unlabelled 8-bit text.
    static func decodeUTF8OrLatin(_ bytes: [UInt8]) -> String {
        ByteText.bestEffortString(bytes)
    }

    /// Charsets whose ASCII-only bytes still carry escape sequences or shifted text.
    private static func isStatefulSevenBit(_ name: CharsetName) -> Bool {
        let iconv = name.iconvName.uppercased()
        return iconv.hasPrefix("ISO-2022") || iconv.hasPrefix("UTF-7") || iconv.hasPrefix("UTF-16")
            || iconv.hasPrefix("UTF-32") || iconv.hasPrefix("HZ") || iconv.hasPrefix("UCS")
    }

    /// Whether iconv can convert from the charset, under its mapped name or its label.
    private static func isKnown(_ name: CharsetName) -> Bool {
        for candidate in [name.iconvName, name.label] {
            if let descriptor = IconvPool.take(candidate) {
                IconvPool.give(descriptor, charset: candidate)
                return true
            }
        }
        return false
    }

    /// Runs iconv to UTF-8; nil when iconv does not know the charset.
    private static func iconvDecode(_ input: [UInt8], from charset: String) -> String? {
        guard let pooled = IconvPool.take(charset) else { return nil }
        defer { IconvPool.give(pooled, charset: charset) }
        let descriptor = pooled.raw
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 16_384)
        input.withUnsafeBufferPointer { source in
            var remaining = source.count
            var offset = 0
            while remaining > 0 {
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: source.baseAddress! + offset)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = remaining
                let produced: Int
                let result: Int
                (produced, result) = chunk.withUnsafeMutableBufferPointer { target -> (Int, Int) in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = target.count
                    let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (target.count - outLeft, status)
                }
                let failure = errno
                output.append(contentsOf: chunk[0..<produced])
                offset += remaining - inLeft
                remaining = inLeft
                if result == -1 {
                    if failure == E2BIG { continue }
                    // EILSEQ or EINVAL: mark the byte as undecodable and resynchronise after it.
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    offset += 1
                    remaining -= 1
                    iconv(descriptor, nil, nil, nil, nil)
                }
            }
            flushShiftState(descriptor, into: &output, chunk: &chunk)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Emits whatever a stateful decoder still holds at the end of input.
    private static func flushShiftState(_ descriptor: iconv_t, into output: inout [UInt8], chunk: inout [UInt8]) {
        let produced = chunk.withUnsafeMutableBufferPointer { target -> Int in
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var outLeft = target.count
            _ = iconv(descriptor, nil, nil, &outPointer, &outLeft)
            return target.count - outLeft
        }
        output.append(contentsOf: chunk[0..<produced])
    }
}
