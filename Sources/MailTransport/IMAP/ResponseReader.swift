/// Frames the server's byte stream into complete IMAP responses (RFC 3501 §7, §4.3).
///
/// A response ends at a CRLF that does not announce a literal; a line ending in `{N}` or
/// `{N+}` is followed by exactly N bytes of literal data, counted as bytes and never
/// inspected, so a body line such as `A004 OK` inside a message cannot end a response.
struct ResponseReader {
    private var buffer: [UInt8] = []
    /// Index of the first byte of the response being framed.
    private var start = 0
    /// Index from which to look for the next line end; everything before it is framed.
    private var scan = 0

    /// Adds bytes received from the server.
    mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// Adds bytes received from the server.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// True when received bytes have not yet been returned as a response.
    var hasPendingBytes: Bool { start < buffer.count }

    /// The next complete response including its final CRLF, or nil until more bytes arrive.
    mutating func nextResponse() -> [UInt8]? {
        while let lineFeed = buffer[scan...].firstIndex(of: ASCII.lineFeed) {
            if let length = Self.literalLength(in: buffer, lineFeedAt: lineFeed) {
                let literalEnd = lineFeed + 1 + length
                guard literalEnd <= buffer.count else {
                    scan = lineFeed
                    return nil
                }
                scan = literalEnd
                continue
            }
            let response = Array(buffer[start...lineFeed])
            start = lineFeed + 1
            scan = start
            compactIfWorthwhile()
            return response
        }
        scan = buffer.count
        return nil
    }

    /// The N of a `{N}` or `{N+}` that ends the line whose LF is at `lineFeed`.
    static func literalLength(in bytes: [UInt8], lineFeedAt lineFeed: Int) -> Int? {
        var index = lineFeed - 1
        if index >= 0 && bytes[index] == ASCII.carriageReturn { index -= 1 }
        guard index >= 0, bytes[index] == ASCII.closeBrace else { return nil }
        index -= 1
        if index >= 0 && bytes[index] == ASCII.plus { index -= 1 }
        let digitsEnd = index + 1
        while index >= 0 && ASCII.isDigit(bytes[index]) { index -= 1 }
        let digitCount = digitsEnd - (index + 1)
        guard index >= 0, bytes[index] == ASCII.openBrace, (1...10).contains(digitCount) else { return nil }
        return ASCII.number(bytes[(index + 1)..<digitsEnd])
    }

    private mutating func compactIfWorthwhile() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
            scan = 0
        } else if start > 65_536 && start > buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            scan -= start
            start = 0
        }
    }
}
