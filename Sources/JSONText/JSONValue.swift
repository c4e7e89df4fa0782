import Foundation

/// A JSON value with ordered object keys, so output is stable and diffable line by line.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Compact JSON text (RFC 8259); non-ASCII stays UTF-8, control characters are escaped.
    public func serialized() -> String {
        String(decoding: serializedLine(newline: false), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes, with a line feed when asked: what a command writes out
    /// line by line, without building and validating a String first.
    public func serializedLine(newline: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        write(to: &output)
        if newline { output.append(0x0A) }
        return output
    }

    private func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .number(let value):
            if !value.isFinite {
                output.append(contentsOf: "null".utf8)
            } else if value == value.rounded(), abs(value) < 1e15 {
                output.append(contentsOf: String(Int64(value)).utf8)
            } else {
                output.append(contentsOf: "\(value)".utf8)
            }
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let pairs):
            output.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.writeString(pair.0, to: &output)
                output.append(UInt8(ascii: ":"))
                pair.1.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(0x22)
        var value = value
        escapeTable.withUnsafeBufferPointer { needsLook in value.withUTF8 { utf8 in
            // Grown geometrically: reserving the exact size for every string copied the whole
            // output again for each one.
            let needed = output.count + utf8.count + 1
            if output.capacity < needed { output.reserveCapacity(max(needed, output.capacity * 2)) }
            var index = 0
            while index < utf8.count {
                // Copy the run of bytes that need no escape in one go.
                let runStart = index
                if let base = utf8.baseAddress { index = cleanPrefix(UnsafeRawPointer(base), from: index, count: utf8.count) }
                while index < utf8.count, !needsLook[Int(utf8[index])] { index += 1 }
                if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                guard index < utf8.count else { break }
                let byte = utf8[index]
                index += 1
                switch byte {
                case 0x22: output.append(0x5C); output.append(0x22)
                case 0x5C: output.append(0x5C); output.append(0x5C)
                case 0x0A: output.append(0x5C); output.append(0x6E)
                case 0x0D: output.append(0x5C); output.append(0x72)
                case 0x09: output.append(0x5C); output.append(0x74)
                case 0x00..<0x20, 0x7F:
                    output.append(contentsOf: "\\u00".utf8)
                    output.append(hexDigit(byte >> 4))
                    output.append(hexDigit(byte & 0xF))
                case 0xE2 where index + 1 < utf8.count && utf8[index] == 0x80 && (utf8[index + 1] == 0xA8 || utf8[index + 1] == 0xA9):
                    // U+2028 and U+2029 break JavaScript string literals; escape them too.
                    output.append(contentsOf: (utf8[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 2
                default: output.append(byte)
                }
            }
        } }
        output.append(0x22)
    }

    /// Skips whole 8-byte words with no byte `writeString` must look at, tested together
    /// (the classic "has a byte less than / equal to" bit tricks, exact for the whole word);
    /// returns where the byte-by-byte scan continues.
    @inline(__always)
    private static func cleanPrefix(_ base: UnsafeRawPointer, from start: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = start
        while count - index >= 8 {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let control = (word &- ones &* 0x20) & ~word & highs != 0
            if control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
                || hasZero(word ^ (ones &* 0x7F)) || hasZero(word ^ (ones &* 0xE2)) { break }
            index += 8
        }
        return index
    }

    /// The bytes `writeString` must look at: control characters, `"`, `\\`, DEL, and 0xE2 (the
    /// lead byte of U+2028 and U+2029); one table lookup per byte instead of five compares.
    private static let escapeTable: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x57 + value }
}
