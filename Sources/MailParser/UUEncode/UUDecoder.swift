/// uuencoded blocks (`begin 644 name` … `end`), which old clients put inside text/plain bodies.
enum UUDecoder {
    /// One decoded block and the byte range it occupied in the text.
    struct Block {
        var filename: String
        var data: [UInt8]
        var range: Range<Int>
    }

    /// Every uuencoded block in the text, in order.
    static func blocks(in bytes: [UInt8]) -> [Block] {
        var found: [Block] = []
        var position = 0
        while position < bytes.count, let block = nextBlock(in: bytes, from: position) {
            found.append(block)
            position = block.range.upperBound
        }
        return found
    }

    static func firstBlock(in bytes: [UInt8]) -> Block? { nextBlock(in: bytes, from: 0) }

    private static func nextBlock(in bytes: [UInt8], from start: Int) -> Block? {
        var position = start
        while position < bytes.count {
            let line = ByteLines.line(in: bytes, from: position, to: bytes.count)
            if let name = beginLineFilename(bytes, line: line) {
                var data: [UInt8] = []
                var cursor = line.next
                while cursor < bytes.count {
                    let dataLine = ByteLines.line(in: bytes, from: cursor, to: bytes.count)
                    cursor = dataLine.next
                    let content = bytes[dataLine.start..<dataLine.contentEnd]
                    if content.elementsEqual(Array("end".utf8)) {
                        return Block(filename: name, data: data, range: line.start..<cursor)
                    }
                    decodeLine(content, into: &data)
                }
                return nil
            }
            position = line.next
        }
        return nil
    }

    private static let beginPrefix = Array("begin ".utf8)

    /// The filename of a `begin <octal mode> <name>` line.
    private static func beginLineFilename(_ bytes: [UInt8], line: ByteLine) -> String? {
        // Nearly no line starts with a b: ruled out before the prefix is compared.
        guard line.contentEnd > line.start, bytes[line.start] | 0x20 == UInt8(ascii: "b"),
              ByteText.hasPrefix(bytes, at: line.start, end: line.contentEnd, lowercase: beginPrefix) else { return nil }
        let rest = bytes[(line.start + 6)..<line.contentEnd]
        let space = rest.firstIndex(of: 0x20) ?? rest.endIndex
        let mode = rest[rest.startIndex..<space]
        guard mode.count >= 3, mode.count <= 4, mode.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) else { return nil }
        let name = space < rest.endIndex ? ByteText.bestEffortString(rest[(space + 1)...]).trimmedWhitespace : ""
        // `begin 644` alone: some encoders leave the name out; the block is still a file.
        return name.isEmpty ? unnamedFilename : String(name)
    }

    /// The name given to a block whose `begin` line has none.
    static let unnamedFilename = "attachment.bin"

    private static func decodeLine(_ line: ArraySlice<UInt8>, into data: inout [UInt8]) {
        guard let first = line.first else { return }
        let count = Int((first &- 0x20) & 0x3F)
        guard count > 0 else { return }
        var values: [UInt8] = []
        for byte in line.dropFirst() { values.append((byte &- 0x20) & 0x3F) }
        var produced = 0
        var index = 0
        while produced < count && index < values.count {
            let a = index < values.count ? values[index] : 0
            let b = index + 1 < values.count ? values[index + 1] : 0
            let c = index + 2 < values.count ? values[index + 2] : 0
            let d = index + 3 < values.count ? values[index + 3] : 0
            let triple = [a << 2 | b >> 4, (b & 0x0F) << 4 | c >> 2, (c & 0x03) << 6 | d]
            for byte in triple where produced < count {
                data.append(byte)
                produced += 1
            }
            index += 4
            if index >= values.count { break }
        }
    }
}
