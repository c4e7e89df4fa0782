/// Decompresses PR_RTF_COMPRESSED ([MS-OXRTFCP]): the LZ77 variant ("LZFu") Outlook uses for
/// the RTF body it puts in TNEF. Damaged input yields what was decoded before the damage.
enum CompressedRTF {
    private static let compressedMagic: UInt32 = 0x7546_5A4C
    private static let uncompressedMagic: UInt32 = 0x414C_454D
    /// The dictionary's initial contents, fixed by the format.
    private static let preload = Array(("{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
        + "\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0"
        + "\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx").utf8)

    static func decompress(_ data: [UInt8]) -> [UInt8]? {
        var reader = LittleEndianReader(bytes: data)
        guard let compressedSize = reader.uint32(), let rawSize = reader.uint32(), let magic = reader.uint32(),
              reader.uint32() != nil else { return nil }
        let end = min(data.count, Int(compressedSize) + 4)
        if magic == uncompressedMagic { return Array(data[min(16, end)..<end].prefix(Int(rawSize))) }
        guard magic == compressedMagic else { return nil }
        var dictionary = [UInt8](repeating: 0, count: 4096)
        dictionary.replaceSubrange(0..<preload.count, with: preload)
        var writePosition = preload.count
        var output: [UInt8] = []
        // The declared size is untrusted; each input byte expands to at most nine output bytes.
        output.reserveCapacity(min(Int(rawSize), data.count * 9))
        var position = 16
        while position < end {
            let control = data[position]
            position += 1
            for bit in 0..<8 {
                guard position < end, output.count < Int(rawSize) else { return output }
                if control & (1 << bit) == 0 {
                    output.append(data[position])
                    dictionary[writePosition] = data[position]
                    writePosition = (writePosition + 1) & 0xFFF
                    position += 1
                    continue
                }
                guard position + 1 < end else { return output }
                let reference = Int(data[position]) << 8 | Int(data[position + 1])
                position += 2
                let offset = reference >> 4
                if offset == writePosition { return output }
                for step in 0..<((reference & 0xF) + 2) {
                    let byte = dictionary[(offset + step) & 0xFFF]
                    output.append(byte)
                    dictionary[writePosition] = byte
                    writePosition = (writePosition + 1) & 0xFFF
                }
            }
        }
        return output
    }
}
